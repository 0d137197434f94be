// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (lib/db/pg-schema.ts). Run it after editing
// the schema; `npm run db:migration:create` runs it too before writing the migrations of both providers.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { derivePostgresSchema, postgresSchemaPath, sqliteSchemaPath } from "../lib/db/pg-schema";

const text = derivePostgresSchema(await readFile(sqliteSchemaPath, "utf8"));
await mkdir(path.dirname(postgresSchemaPath), { recursive: true });
await writeFile(postgresSchemaPath, text);
console.log(`wrote ${path.relative(process.cwd(), postgresSchemaPath)}`);
