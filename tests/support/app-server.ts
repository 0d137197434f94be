// Starts the app the way `npm start` does (migrate, build if stale, serve) on a free port with its own database.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { projectRoot } from "./shared";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        INGEST_SCHEDULE: "off",
        DEFAULT_SOURCES: "off",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${output}`)), 280_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
    child.stdout!.on("data", () => {
      if (output.includes("Parallax is running")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
