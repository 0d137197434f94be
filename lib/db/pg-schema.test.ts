import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, postgresSchemaPath, sqliteSchemaPath } from "./pg-schema";

describe("the PostgreSQL schema", () => {
  it("is the derivation of prisma/schema.prisma (run `npm run db:schema:pg` after a schema change)", () => {
    const expected = derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8"));
    expect(readFileSync(postgresSchemaPath, "utf8")).toBe(expected);
  });

  it("changes only the provider and the client's output", () => {
    const out = derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8"));
    expect(out).toMatch(/provider = "postgresql"/);
    expect(out).toMatch(/output\s+= "\.\.\/\.\.\/lib\/generated\/prisma-pg"/);
    expect(out).not.toMatch(/"sqlite"/);
  });

  it("refuses provider-specific native types", () => {
    expect(() =>
      derivePostgresSchema('datasource db {\n provider = "sqlite"\n}\nmodel A { x String @db.Text }'),
    ).toThrow(/@db/);
  });
});
