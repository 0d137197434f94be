// The rule logic behind `npm run check:imports`, kept apart from the file walking so a unit test can feed it
// made-up imports. The rules themselves (which lib/ module sits in which layer) are in scripts/import-rules.ts.
import path from "node:path";
import type { Layer } from "./import-rules";

export interface ImportSite {
  /** Repo-relative path of the importing file, with forward slashes. */
  file: string;
  line: number;
  specifier: string;
}

export interface Violation {
  file: string;
  line: number;
  message: string;
}

// `import ... from "x"`, `export ... from "x"`, `import "x"`, `import("x")`, `vi.mock("x")`. Comments are not
// stripped: a commented-out import is rare, and a false alarm on one is cheap to see.
const SPECIFIER =
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|\b(?:import|vi\.mock)\(\s*["']([^"']+)["']/g;

export function importSites(file: string, source: string): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const line = source.slice(0, match.index).split("\n").length;
    sites.push({ file, line, specifier: match[1] ?? match[2] });
  }
  return sites;
}

/** The repo-relative path an import points at (without extension), or null for a package import. */
export function resolveSpecifier(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return null;
}

/** The lib/ module a path belongs to: its first folder or file under lib/, so lib/db.ts and lib/db/url.ts are both "db". */
export function libModule(target: string): string | null {
  const m = /^lib\/([^/]+?)(?:\.[jt]sx?|\.json)?(?:\/|$)/.exec(target);
  return m ? m[1] : null;
}

export function isTestFile(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

function layerIndex(layers: Layer[]): Map<string, number> {
  const index = new Map<string, number>();
  layers.forEach((layer, i) => {
    for (const module of layer.modules) index.set(module, i);
  });
  return index;
}

/**
 * Rules (a), (c) and (d): a lib/ module imports only its own or earlier layers; no non-test lib/ file imports
 * tests/; lib/ never imports app/ or components/. Tests may import any stage (one runs the whole pipeline to make
 * its fixture), so (a) is checked on non-test files only.
 */
export function directionViolations(sites: ImportSite[], layers: Layer[]): Violation[] {
  const rank = layerIndex(layers);
  const violations: Violation[] = [];
  for (const site of sites) {
    const from = libModule(site.file);
    const target = resolveSpecifier(site.file, site.specifier);
    if (from === null || target === null) continue;
    const at = { file: site.file, line: site.line };
    if (/^(app|components)\//.test(target)) {
      violations.push({ ...at, message: `lib/ must not import ${target.split("/")[0]}/ ("${site.specifier}")` });
      continue;
    }
    if (isTestFile(site.file)) continue;
    if (target.startsWith("tests/")) {
      violations.push({ ...at, message: `a non-test file in lib/ must not import tests/ ("${site.specifier}")` });
      continue;
    }
    const to = libModule(target);
    if (to === null || to === from) continue;
    const fromRank = rank.get(from);
    const toRank = rank.get(to);
    if (fromRank === undefined || toRank === undefined) {
      const unknown = fromRank === undefined ? from : to;
      violations.push({ ...at, message: `lib/${unknown} is in no layer of scripts/import-rules.ts` });
    } else if (toRank > fromRank) {
      violations.push({
        ...at,
        message: `lib/${from} (${layers[fromRank].name}) must not import the later lib/${to} (${layers[toRank].name})`,
      });
    }
  }
  return violations;
}

/** Rule (b): import cycles between lib/ modules (folder level), from non-test files, each reported once. */
export function cycleViolations(sites: ImportSite[]): Violation[] {
  const edges = new Map<string, Map<string, ImportSite>>();
  for (const site of sites) {
    if (isTestFile(site.file)) continue;
    const from = libModule(site.file);
    const target = resolveSpecifier(site.file, site.specifier);
    const to = target === null ? null : libModule(target);
    if (from === null || to === null || from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, site);
  }
  const violations: Violation[] = [];
  const reported = new Set<string>();
  for (const start of [...edges.keys()].sort()) {
    const cycle = findCycleThrough(start, edges);
    if (!cycle) continue;
    const key = [...cycle].sort().join(" ");
    if (reported.has(key)) continue;
    reported.add(key);
    const first = edges.get(cycle[0])!.get(cycle[1])!;
    violations.push({
      file: first.file,
      line: first.line,
      message: `import cycle: ${[...cycle, cycle[0]].map((m) => `lib/${m}`).join(" → ")}`,
    });
  }
  return violations;
}

/** A shortest path start → … → start, breadth first, as the list of modules on it. */
function findCycleThrough(start: string, edges: Map<string, Map<string, ImportSite>>): string[] | null {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of [...(edges.get(node)?.keys() ?? [])].sort()) {
      if (next === start) {
        const cycle = [node];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0])!);
        return cycle;
      }
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return null;
}
