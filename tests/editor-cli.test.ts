// npm run user:create, run as an operator runs it (tsx, real argument parsing and exit codes).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { createTempDbUrl } from "@/tests/support/temp-db";
import { checkCredentials } from "@/lib/auth/users";
import { runScriptSync } from "./support/run-script";

const dir = mkdtempSync(path.join(tmpdir(), "parallax-user-cli-"));
// A file in `dir`, or a database on the PostgreSQL test server in the "postgres" project.
let DATABASE_URL: string;
let dropDb: () => Promise<void>;

// No stdin, so not a terminal: the password must come from a file.
const run = (args: string[]) => runScriptSync("user-create", args, { DATABASE_URL });

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

let db: Db;
beforeAll(async () => {
  ({ url: DATABASE_URL, drop: dropDb } = await createTempDbUrl(dir));
  db = createDb(DATABASE_URL);
});
afterAll(async () => {
  await db.$disconnect();
  await dropDb();
});

describe("npm run user:create", () => {
  it("creates an account with the password from a file (trailing newline dropped), hashed with scrypt", async () => {
    const { code, stdout, stderr } = run([
      "--email",
      "Editor@Example.org",
      "--role",
      "editor",
      "--password-file",
      file("pw", "a long password 123\n"),
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^created editor #\d+ editor@example\.org$/m);
    const user = await db.user.findUniqueOrThrow({ where: { email: "editor@example.org" } });
    expect(user.role).toBe("editor");
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain("a long password");
    expect(await checkCredentials(db, "editor@example.org", "a long password 123")).toMatchObject({ id: user.id });
    expect(await checkCredentials(db, "editor@example.org", "a long password 123\n")).toBeNull();
  }, 60_000);

  it("refuses bad arguments with exit code 2 and a clear message", () => {
    const pw = file("pw2", "another long password");
    const role = run(["--email", "x@example.org", "--role", "owner", "--password-file", pw]);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/role must be admin or editor/);
    expect(role.stderr).toMatch(/usage: npm run user:create/);
    const email = run(["--email", "not-an-email", "--role", "admin", "--password-file", pw]);
    expect(email.code).toBe(2);
    expect(email.stderr).toMatch(/enter a valid email address/);
    const missing = run(["--role", "admin", "--password-file", pw]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--email is required/);
    const short = run(["--email", "x@example.org", "--role", "admin", "--password-file", file("short", "too short")]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const noTty = run(["--email", "x@example.org", "--role", "admin"]);
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/no terminal to ask for the password on: pass --password-file FILE/);
    const unreadable = run(["--email", "x@example.org", "--role", "admin", "--password-file", path.join(dir, "nope")]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/cannot read --password-file/);
  }, 120_000);

  it("refuses a second account for the same email with exit code 1", async () => {
    const again = run([
      "--email",
      "editor@example.org",
      "--role",
      "admin",
      "--password-file",
      file("pw3", "yet another password"),
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/an account for editor@example\.org already exists/);
    expect((await db.user.findUniqueOrThrow({ where: { email: "editor@example.org" } })).role).toBe("editor");
  }, 60_000);
});
