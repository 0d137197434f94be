import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb } from "@/tests/support/temp-db";
import { upsertSource } from "@/lib/sources/mutations";

describe("upsertSource", () => {
  let t: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    t = await createTempDb();
  });
  afterAll(() => t.cleanup());

  it("puts every host of a catalogued outlet on one row, with the catalogue's metadata", async () => {
    const fromFeedHost = await upsertSource(t.db, { name: "bbci.co.uk", domain: "bbci.co.uk" });
    const fromName = await upsertSource(t.db, { name: "BBC News", domain: "www.bbc.co.uk" });
    expect(fromName.id).toBe(fromFeedHost.id);
    expect(fromFeedHost).toMatchObject({ domain: "bbc.co.uk", country: "GB", kind: "public-broadcaster" });
  });

  it("keeps an unknown outlet under its own domain and upgrades a bare-domain name", async () => {
    const first = await upsertSource(t.db, { name: "harbour.example", domain: "www.harbour.example" });
    const second = await upsertSource(t.db, { name: "Harbour Herald", domain: "harbour.example" });
    expect(second).toMatchObject({ id: first.id, domain: "harbour.example", name: "Harbour Herald" });
  });
});
