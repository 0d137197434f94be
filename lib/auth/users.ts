// Accounts: created from the command line (scripts/user-create.ts), checked at sign-in.
import type { Db } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./roles";

export async function createUser(db: Db, input: { email: string; password: string; role: Role }) {
  const passwordHash = await hashPassword(input.password);
  return db.user.create({
    data: { email: input.email, passwordHash, role: input.role },
    select: { id: true, email: true, role: true },
  });
}

// Verified against this when the email is unknown, so that "no such user" takes as long as "wrong password" and
// sign-in timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<{ id: number; email: string; role: string } | null> {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    dummyHash ??= hashPassword("not a real password, only for timing");
    await verifyPassword(password, await dummyHash);
    return null;
  }
  return (await verifyPassword(password, user.passwordHash))
    ? { id: user.id, email: user.email, role: user.role }
    : null;
}
