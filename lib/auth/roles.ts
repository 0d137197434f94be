import { z } from "zod";

export const Role = z.enum(["admin", "editor"], { error: "role must be admin or editor" });
export type Role = z.infer<typeof Role>;

/** Who is signed in, as the guards and editorial operations see it. */
export interface AuthSession {
  userId: number;
  email: string;
  /** A string, not Role: a row written by an older or newer version may hold a role this one does not know. */
  role: string;
}
