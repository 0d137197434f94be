import type { Outlet } from "@/lib/extract/types";
import { siteDomain } from "@/lib/net/domain";
import { findOutletByDomain, findOutletByName, type KnownOutlet } from "@/lib/outlets/known-outlets";

export function toOutlet(outlet: KnownOutlet): Outlet {
  return { name: outlet.name, domain: outlet.domain };
}

/** The outlet behind a URL: the catalogue's entry, else the bare registrable domain as its name. */
export function outletFromUrl(url: string): Outlet | null {
  const known = findOutletByDomain(url);
  if (known) return toOutlet(known);
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  const domain = siteDomain(host);
  return domain.includes(".") ? { name: domain, domain } : null;
}

// "WASHINGTON (AP) —", "(MENAFN) Russian presidential aide...", "KYIV (Reuters) -"
const DATELINE_CREDIT = /^(?:[\p{Lu}][\p{Lu}\p{M}\s,.'’-]{1,40})?\(([^()]{2,40})\)\s*(?:[—–-]|\p{Lu})/u;

/** An agency or outlet credited in the dateline of the first paragraph. */
export function outletFromDateline(firstParagraph: string): KnownOutlet | null {
  const m = DATELINE_CREDIT.exec(firstParagraph);
  return m ? findOutletByName(m[1]) : null;
}

// Furniture where an outlet names itself: donation asks, copyright lines, its own legal disclaimer.
const SELF_REFERENCE =
  /support|patreon|donate|subscribe|©|copyright|rights reserved|provides the information|disclaimer|підтрима|поддерж|订阅|版权|اشترك|soutenez|unterstützen|apoya/iu;

/** The outlet that names itself in the page furniture around the article. */
export function outletFromFurniture(furnitureLines: string[]): KnownOutlet | null {
  for (const line of furnitureLines) {
    if (!SELF_REFERENCE.test(line)) continue;
    const outlet = findOutletByName(line);
    if (outlet) return outlet;
  }
  return null;
}

// "(With input from Reuters)", "(Reporting by ...; Editing by ...)": a contributor, used only when nothing
// names the publisher itself.
const CONTRIBUTOR =
  /^\((?:with (?:inputs? )?from|inputs? from|with|source|reporting by|additional reporting by)\b([^)]*)\)?$/iu;

export function outletFromContributorLine(lines: string[]): KnownOutlet | null {
  for (const line of lines) {
    const m = CONTRIBUTOR.exec(line.trim());
    if (m) {
      const outlet = findOutletByName(m[1]);
      if (outlet) return outlet;
    }
  }
  return null;
}
