// Config for the normal Prisma CLI (`prisma migrate deploy`, `prisma studio`) on machines that can fetch its
// engines. `npm start` and `npm run db:migrate` do not need it: they migrate through the WASM schema engine.
// A postgresql:// (or postgres://) DATABASE_URL selects the PostgreSQL schema and its own migration history.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/parallax.db";
const postgres = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  datasource: { url },
});
