// Entry of the extraction worker thread. A worker starts as plain Node, without the TypeScript loader its parent
// may run under (tsx for the scripts, vitest for the tests), so it registers tsx here, with the project's
// tsconfig for the "@/" paths, then loads the worker's TypeScript body.
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

await tsImport("./extract-worker.ts", {
  parentURL: import.meta.url,
  tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)),
});
