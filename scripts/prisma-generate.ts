// Runs `prisma generate` offline. The Prisma CLI insists on locating its Schema Engine binary even though the
// client generator never uses it, and that binary is downloaded from a host these machines cannot reach; any
// existing file satisfies the check. A user whose machine has the real engine keeps it.
// Two clients: lib/generated/prisma (SQLite, prisma/schema.prisma) and lib/generated/prisma-pg (PostgreSQL,
// prisma/postgresql/schema.prisma, derived from the first by `npm run db:schema:pg`).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { exitWhenFlushed } from "@/lib/cli/exit";

const root = path.resolve(import.meta.dirname, "..");
const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "package.json");
}
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) await exitWhenFlushed(result.status ?? 1);
}
