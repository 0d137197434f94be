// Runs one of scripts/*.ts the way `npm run` does (through tsx, from the project root), with no stdin, as in CI.
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./shared";

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TSX = path.join(projectRoot, "node_modules/tsx/dist/cli.mjs");
const argv = (script: string, args: string[]) => [TSX, `scripts/${script}.ts`, ...args];
const options = (env: Record<string, string>) => ({
  cwd: projectRoot,
  env: { ...process.env, ...env },
  encoding: "utf8" as const,
  timeout: 120_000,
});

/** For tests whose fixture server lives in this process: the server must keep answering while the script runs. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<ScriptResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, argv(script, args), options(env), (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

export function runScriptSync(script: string, args: string[], env: Record<string, string> = {}): ScriptResult {
  const result = spawnSync(process.execPath, argv(script, args), {
    ...options(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
