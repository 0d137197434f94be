// The validated environment. Server-only: it holds the database location and fetch policy, which client
// bundles must never see, so importing it from a client component fails the build.
import "server-only";
import { parseEnv } from "./env-schema";

export const env = parseEnv(process.env);
