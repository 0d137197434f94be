// process.exit() ends the process at once, dropping whatever stdout and stderr still queue for a pipe: piped
// output was cut at 64 KiB (`npm run --silent extract -- big.html | wc -c` printed 65536). Every CLI ends here
// instead, so its output reaches the reader in full whatever it is written to.

/** Resolves once everything written to `stream` so far has been handed to the operating system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  // Writes complete in order, so an empty write's callback runs after all earlier ones. It also runs when the
  // reader has gone (EPIPE): nothing is left to wait for then.
  return new Promise((resolve) => stream.write("", () => resolve()));
}

/**
 * Ends the process with `code` once stdout and stderr are flushed. It never resolves; at the top level of a
 * script, `throw await exitWhenFlushed(code)` tells TypeScript that nothing after it runs.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
