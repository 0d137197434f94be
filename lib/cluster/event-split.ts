// The second pass's split check: an event of full texts whose members form two stories (see `splitNcut` in
// clusterer-options.ts) is split in two, and two events that would be split again are not merged.
import { live, memberFill, memberNorm, type ClusterState, type EventState, type Member } from "./cluster-state";
import { spectralCut, type SpectralCut } from "./spectral-cut";

/**
 * The member count at which an event of `size` members is next checked for a split: every tenth of growth (6, 7,
 * 8 … 11, 13, 15 … 33, 37). A mixed event is split as soon as it is separable rather than at its next quarter:
 * ECB+ B³-F1 +0.0035, +0.0066 and +0.0026 on three groups of orders against every quarter, for twice the checks
 * (1.05 → 2.23 s of a 20,000-article synthetic run of ~30 s, before `splitMaxMembers` went from 64 to 40).
 */
export function nextSplitCheck(s: ClusterState, size: number): number {
  let at = 2 * s.options.splitMinSide;
  while (at <= size) at = Math.ceil(at * 1.1);
  return at;
}

/** Whether an event's members are full texts, whose nearest neighbours tell stories apart (headlines' do not). */
const fullTexts = (s: ClusterState, e: EventState) => memberFill(s, e) >= 1;

/** The members' best two-way cut when it shows two stories (see `splitNcut`); null for one, or too many to check. */
function twoStories(s: ClusterState, members: Member[]): SpectralCut | null {
  const options = s.options;
  if (options.splitNcut <= 0 || members.length > options.splitMaxMembers) return null;
  const cut = cutOf(s, members);
  return cut.ncut < options.splitNcut && cut.contrast < options.splitContrast ? cut : null;
}

/** The best two-way split of the members (IDF-weighted cosines between them, see spectral-cut.ts). */
function cutOf(s: ClusterState, members: Member[]): SpectralCut {
  const { query, terms } = s;
  const n = members.length;
  const sims = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ni = memberNorm(s, members[i]);
    if (!ni) continue;
    query.load(members[i].vector, terms);
    for (let j = i + 1; j < n; j++) {
      const nj = memberNorm(s, members[j]);
      if (nj) sims[i * n + j] = sims[j * n + i] = query.dot(members[j].vector) / (ni * nj);
    }
    query.clear();
  }
  return spectralCut(n, sims, s.options.splitNeighbours, s.options.splitMinSide);
}

/**
 * When a live event has grown to its next check and its members form two stories (see `splitNcut`), the article
 * ids of the side without its first member; else null.
 */
export function splitCandidate(s: ClusterState, eventId: string): string[] | null {
  const found = s.events.get(eventId);
  if (!found) return null;
  const e = live(s, found);
  if (e.members.length < e.splitAt) return null;
  e.splitAt = nextSplitCheck(s, e.members.length);
  const cut = fullTexts(s, e) ? twoStories(s, e.members) : null;
  return cut && e.members.filter((_, i) => cut.side[i]).map((m) => m.articleId);
}

/** Whether two events of full texts, merged, would be split again (then they stay apart). */
export function wouldSplit(s: ClusterState, a: EventState, b: EventState): boolean {
  const minSide = s.options.splitMinSide;
  if (a.members.length < minSide || b.members.length < minSide) return false;
  return fullTexts(s, a) && fullTexts(s, b) && twoStories(s, [...a.members, ...b.members]) !== null;
}
