// npm run user:create -- --email E --role admin|editor [--password-file F]
// Creates an account for the editors' pages. The password is asked for on the terminal (not echoed), or read from
// a file for scripts; never from an argument, where it would land in the shell history and the process list.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { openMigratedDb } from "@/lib/cli/open-db";
import { parseCliArgs } from "@/lib/cli/parse-args";
import { Role } from "@/lib/auth/roles";
import { Email, NewPassword } from "@/lib/auth/schema";
import { createUser } from "@/lib/auth/users";
import { Prisma } from "@/lib/generated/prisma/client";
import { exitWhenFlushed } from "@/lib/cli/exit";

const USAGE = "usage: npm run user:create -- --email you@example.org --role admin|editor [--password-file FILE]";

const Args = z.object({
  positionals: z.array(z.string()).max(0, `unexpected argument\n${USAGE}`),
  values: z.object({
    email: z.string({ error: `--email is required\n${USAGE}` }).pipe(Email),
    role: z.string({ error: `--role is required\n${USAGE}` }).pipe(Role),
    "password-file": z.string().min(1).optional(),
  }),
});

const args = await parseCliArgs(
  Args,
  { email: { type: "string" }, role: { type: "string" }, "password-file": { type: "string" } },
  USAGE,
);

async function usageError(message: string): Promise<never> {
  console.error(`${message}\n${USAGE}`);
  return exitWhenFlushed(2);
}

/** Reads a line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let line = "";
    const done = (err?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(line);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003" || ch === "\u0004") return done(new Error("cancelled"));
        if (ch === "\u007f" || ch === "\b") line = line.slice(0, -1);
        else line += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const file = args.values["password-file"];
  if (file) {
    let content: string;
    try {
      content = readFileSync(file, "utf8");
    } catch (err) {
      return usageError(`cannot read --password-file: ${(err as Error).message}`);
    }
    // Files written by `echo` end in a newline that is not part of the password.
    return content.replace(/\r?\n$/, "");
  }
  if (!process.stdin.isTTY) await usageError("no terminal to ask for the password on: pass --password-file FILE");
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Repeat it: ");
  if (first !== second) await usageError("the two passwords differ");
  return first;
}

let password: string;
try {
  password = await readPassword();
} catch (err) {
  console.error(`user:create: ${(err as Error).message}`);
  throw await exitWhenFlushed(1);
}
const checked = NewPassword.safeParse(password);
if (!checked.success) throw await usageError(checked.error.issues[0]!.message);

const { db } = await openMigratedDb();
try {
  const user = await createUser(db, { email: args.values.email, password: checked.data, role: args.values.role });
  console.log(`created ${user.role} #${user.id} ${user.email}`);
} catch (err) {
  const duplicate = err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
  console.error(
    duplicate
      ? `user:create failed: an account for ${args.values.email} already exists`
      : `user:create failed: ${(err as Error).message}`,
  );
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
