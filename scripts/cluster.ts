// `npm run --silent cluster -- FILE.jsonl`: clusters the articles of a JSONL file in file order, as the app does
// (second pass included), and prints {"id":…, "event":…} per article once all are placed. Exit code 1 when some
// lines were invalid, 2 for a usage error.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { clusterLines } from "@/lib/cluster/cluster-lines";

const usage =
  "usage: npm run --silent cluster -- FILE.jsonl   (one {id, title, text, publishedAt?, source?, url?} per line)";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error(usage);
    return 2;
  }
  const file = args[0];
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(`cluster: no such file: ${file}\n${usage}`);
    return 2;
  }
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  const { errors } = await clusterLines(
    lines,
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e) => process.stderr.write(`${JSON.stringify(e)}\n`),
  );
  return errors ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
