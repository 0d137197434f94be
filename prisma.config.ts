// Config for the normal Prisma CLI (`prisma migrate deploy`, `prisma studio`) on machines that can fetch its
// engines. `npm start` and `npm run db:migrate` do not need it: they migrate through the WASM schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/parallax.db" },
});
