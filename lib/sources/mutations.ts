import type { Db, Tx } from "@/lib/db";
import type { Outlet } from "@/lib/extract/types";
import { findOutletByDomain } from "@/lib/outlets/known-outlets";

/**
 * The outlet row for a domain, created on first sight with what the known-outlets catalogue says of it
 * (country, language, kind, lean). A catalogued or real name is never replaced by a bare domain.
 */
export async function upsertSource(db: Db | Tx, outlet: Outlet) {
  // Keyed on the catalogue's domain when it knows the outlet, so every path (an HTML page on feeds.bbci.co.uk,
  // a text dump naming the BBC) lands on the same Source row.
  const known = findOutletByDomain(outlet.domain);
  const domain = known?.domain ?? outlet.domain.toLowerCase().replace(/^www\./, "");
  const existing = await db.source.findUnique({ where: { domain } });
  if (existing) {
    const better = existing.name === existing.domain && outlet.name !== domain;
    return better ? db.source.update({ where: { id: existing.id }, data: { name: outlet.name } }) : existing;
  }
  return db.source.create({
    data: {
      domain,
      name: known?.name ?? outlet.name,
      country: known?.country ?? null,
      language: known?.language ?? null,
      kind: known?.kind ?? null,
      lean: known?.lean ?? null,
      homepage: known?.homepage ?? null,
    },
  });
}
