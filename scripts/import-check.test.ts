import { describe, expect, it } from "vitest";
import { cycleViolations, directionViolations, importSites, libModule } from "./import-check";
import type { Layer } from "./import-rules";

const layers: Layer[] = [
  { name: "foundation", modules: ["db"] },
  { name: "extract", modules: ["extract"] },
  { name: "store", modules: ["articles"] },
];

const site = (file: string, specifier: string) => ({ file, line: 3, specifier });

describe("importSites", () => {
  it("finds import, export-from, side-effect and dynamic imports with their lines", () => {
    const source =
      'import a from "x";\nexport { b } from "./y";\nimport "z";\nconst c = await import("@/lib/w");\nimport type {\n  D,\n} from "v";\n';
    expect(importSites("lib/a/f.ts", source).map((s) => [s.specifier, s.line])).toEqual([
      ["x", 1],
      ["./y", 2],
      ["z", 3],
      ["@/lib/w", 4],
      ["v", 5],
    ]);
  });
});

describe("libModule", () => {
  it("names a folder or a file directly under lib/", () => {
    expect(libModule("lib/db")).toBe("db");
    expect(libModule("lib/db.ts")).toBe("db");
    expect(libModule("lib/extract/html/index.ts")).toBe("extract");
    expect(libModule("app/page.tsx")).toBeNull();
  });
});

describe("directionViolations", () => {
  it("catches an import of a later stage, with file and line", () => {
    expect(directionViolations([site("lib/extract/a.ts", "@/lib/articles/mutations")], layers)).toEqual([
      {
        file: "lib/extract/a.ts",
        line: 3,
        message: "lib/extract (extract) must not import the later lib/articles (store)",
      },
    ]);
  });

  it("lets a stage import itself, an earlier stage and packages", () => {
    const sites = [
      site("lib/articles/a.ts", "@/lib/extract/types"),
      site("lib/articles/a.ts", "../db"),
      site("lib/articles/a.ts", "./b"),
      site("lib/articles/a.ts", "zod"),
    ];
    expect(directionViolations(sites, layers)).toEqual([]);
  });

  it("keeps tests/ out of lib/ code but not out of lib/ tests", () => {
    expect(directionViolations([site("lib/db/a.ts", "@/tests/support/temp-db")], layers)).toHaveLength(1);
    expect(directionViolations([site("lib/db/a.test.ts", "@/tests/support/temp-db")], layers)).toEqual([]);
  });

  it("keeps app/ and components/ out of lib/, while app/ may import lib/", () => {
    expect(
      directionViolations([site("lib/db/a.ts", "@/components/x"), site("lib/db/a.test.ts", "@/app/page")], layers),
    ).toHaveLength(2);
    expect(directionViolations([site("app/page.tsx", "@/lib/articles/data")], layers)).toEqual([]);
  });

  it("reports a lib/ module missing from the layers", () => {
    expect(directionViolations([site("lib/extract/a.ts", "@/lib/mystery")], layers)[0].message).toMatch(
      /lib\/mystery is in no layer/,
    );
  });
});

describe("cycleViolations", () => {
  it("reports a cycle between lib/ modules once", () => {
    const sites = [
      site("lib/db/a.ts", "@/lib/extract/b"),
      site("lib/extract/b.ts", "@/lib/articles/c"),
      site("lib/articles/c.ts", "@/lib/db"),
    ];
    expect(cycleViolations(sites).map((v) => v.message)).toEqual([
      "import cycle: lib/articles → lib/db → lib/extract → lib/articles",
    ]);
  });

  it("ignores imports within one module and from tests", () => {
    expect(
      cycleViolations([
        site("lib/db/a.ts", "./b"),
        site("lib/db/b.ts", "./a"),
        site("lib/db/a.test.ts", "@/lib/extract/x"),
        site("lib/extract/x.ts", "@/lib/db"),
      ]),
    ).toEqual([]);
  });
});
