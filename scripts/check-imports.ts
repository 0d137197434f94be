// npm run check:imports   Enforces the import directions of scripts/import-rules.ts on lib/, app/, components/
// and scripts/: stage order, no cycles between lib/ modules, no tests/ in lib/ code, no app/ or components/ in lib/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cycleViolations, directionViolations, importSites } from "./import-check";
import { LAYERS } from "./import-rules";
import { exitWhenFlushed } from "@/lib/cli/exit";

const ROOTS = ["lib", "app", "components", "scripts"];
// Prisma's generated client is not ours to arrange.
const SKIP = new Set(["lib/generated", "node_modules"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    if (SKIP.has(full)) return [];
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const sites = ROOTS.flatMap(sourceFiles).flatMap((file) => importSites(file, readFileSync(file, "utf8")));
const violations = [...directionViolations(sites, LAYERS), ...cycleViolations(sites)];
for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`);
if (violations.length) {
  console.error(`${violations.length} import rule violation${violations.length === 1 ? "" : "s"}`);
  await exitWhenFlushed(1);
}
console.log(`imports: ${sites.length} checked, no violations`);
