// Reads one named input file for `npm run ingest` and `npm run extract`. Only regular files: /dev/zero never
// ends (readFile grew to 2.5 GB), a FIFO blocks until a writer comes, and their size from stat means nothing.
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { MAX_INPUT_BYTES } from "@/lib/extract/document";

const mib = (n: number) => (n / 1024 / 1024).toFixed(1);

export class InputFileError extends Error {}

/** The file's bytes, or a typed refusal: not a regular file, or larger than `limit` bytes. */
export async function readInputFile(file: string, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer before we could look at it.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    // The opened file is the one checked: stat-then-open could be raced into opening something else.
    const info = await handle.stat();
    if (!info.isFile()) throw new InputFileError(`not a regular file: ${file}`);
    const tooLarge = (size: number) =>
      new InputFileError(`input too large: ${mib(size)} MiB (limit ${mib(limit)} MiB)`);
    if (info.size > limit) throw tooLarge(info.size);
    // Read at most one byte past the limit, so a file that grows after the stat is still bounded.
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) throw tooLarge(length);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
