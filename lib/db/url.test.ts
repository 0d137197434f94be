import { describe, expect, it } from "vitest";
import { pgConnectionFromUrl, providerOf, redactUrl, withDatabase } from "./url";

describe("database URLs", () => {
  it("name their provider: file: is SQLite, postgresql:// and postgres:// are PostgreSQL, anything else fails", () => {
    expect(providerOf("file:./data/parallax.db")).toBe("sqlite");
    expect(providerOf("postgresql://db/parallax")).toBe("postgresql");
    expect(providerOf("postgres://db/parallax")).toBe("postgresql");
    expect(() => providerOf("mysql://u:secret@db/x")).toThrow(/"mysql:\/\/u:\*\*\*@db\/x"/);
  });

  it("give node-postgres separate fields, decoded, with TLS from sslmode", () => {
    expect(pgConnectionFromUrl("postgresql://ed%40x:p%2Fw@db.example:6432/news?sslmode=require")).toEqual({
      host: "db.example",
      port: 6432,
      user: "ed@x",
      password: "p/w",
      database: "news",
      ssl: { rejectUnauthorized: false },
    });
    expect(pgConnectionFromUrl("postgres://localhost/x?host=/var/run/postgresql")).toMatchObject({
      host: "/var/run/postgresql",
      port: 5432,
      database: "x",
    });
  });

  it("swap the database and hide passwords", () => {
    expect(withDatabase("postgresql://u:p@h:1/postgres?sslmode=require", "t1")).toBe(
      "postgresql://u:p@h:1/t1?sslmode=require",
    );
    expect(redactUrl("postgresql://u:p@h/x")).toBe("postgresql://u:***@h/x");
  });
});
