// Runs `prisma generate` offline. The Prisma CLI insists on locating its Schema Engine binary even though the
// client generator never uses it, and that binary is downloaded from a host these machines cannot reach; any
// existing file satisfies the check. A user whose machine has the real engine keeps it.
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
const result = spawnSync(process.execPath, [cli, "generate"], { cwd: root, env, stdio: "inherit" });
await exitWhenFlushed(result.status ?? 1);
