// A deterministic synthetic news stream for the scale benchmark: Zipf-distributed vocabulary and event sizes,
// articles of 300–600 words spread over weeks, each mixing its event's own words, names and numbers with
// background vocabulary. Texts are generated on demand from (event, member) seeds, so 200,000 articles cost no
// memory until they are read.
import { seededRandom } from "./shuffle";
import type { ClusterArticle } from "@/lib/cluster/types";

export interface SyntheticOptions {
  articles: number;
  vocabulary: number;
  /** Zipf exponent of word frequencies. */
  wordExponent: number;
  /** Pareto exponent of event sizes (smaller = heavier tail). */
  eventSizeExponent: number;
  maxEventSize: number;
  days: number;
  outlets: number;
  seed: number;
}

export const defaultSyntheticOptions: SyntheticOptions = {
  articles: 200_000,
  vocabulary: 300_000,
  wordExponent: 1.05,
  eventSizeExponent: 1.2,
  maxEventSize: 3_000,
  days: 60,
  outlets: 800,
  seed: 42,
};

const syllables =
  "ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zo".split(
    " ",
  );

/** A pronounceable pseudo-word for each rank; longer for rarer ranks, as in real vocabularies. */
function wordFor(rank: number): string {
  let n = rank;
  let w = "";
  do {
    w += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  } while (n > 0);
  return w + (rank % 3 === 0 ? "n" : rank % 3 === 1 ? "r" : "");
}

interface SyntheticEvent {
  start: number;
  size: number;
  seed: number;
}

export interface SyntheticItem {
  article: ClusterArticle;
  gold: number;
}

export function syntheticStream(options: Partial<SyntheticOptions> = {}): {
  total: number;
  events: number;
  items(): Generator<SyntheticItem>;
} {
  const o = { ...defaultSyntheticOptions, ...options };
  const random = seededRandom(o.seed);
  const words = Array.from({ length: o.vocabulary }, (_, r) => wordFor(r));
  const cdf = new Float64Array(o.vocabulary);
  let acc = 0;
  for (let r = 0; r < o.vocabulary; r++) cdf[r] = acc += 1 / (r + 1) ** o.wordExponent;
  const zipf = (rnd: () => number) => {
    const x = rnd() * acc;
    let lo = 0;
    let hi = o.vocabulary - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const day = 86_400_000;
  const epoch = Date.UTC(2025, 0, 1);
  const events: SyntheticEvent[] = [];
  const slots: { event: number; k: number; t: number }[] = [];
  while (slots.length < o.articles) {
    const size = Math.min(o.maxEventSize, Math.floor((1 - random()) ** (-1 / o.eventSizeExponent)));
    const e = events.length;
    const start = epoch + random() * o.days * day;
    events.push({ start, size, seed: Math.floor(random() * 2 ** 31) });
    for (let k = 0; k < size && slots.length < o.articles; k++) {
      // Coverage fades over days: most reports come early, a tail keeps coming.
      slots.push({ event: e, k, t: Math.round(start - Math.log(1 - random()) * day * 1.5) });
    }
  }
  slots.sort((a, b) => a.t - b.t || a.event - b.event || a.k - b.k);

  const capital = (w: string) => w[0].toUpperCase() + w.slice(1);
  function article(slot: { event: number; k: number; t: number }): ClusterArticle {
    const ev = events[slot.event];
    const er = seededRandom(ev.seed);
    // The event's own material: topic words from the mid-frequency range, names, a place, numbers.
    const topic = Array.from({ length: 40 }, () => words[200 + (zipf(er) % (o.vocabulary - 200))]);
    const names = Array.from(
      { length: 4 },
      () => `${capital(words[zipf(er)])} ${capital(words[1000 + Math.floor(er() * 50_000)])}`,
    );
    const numbers = Array.from({ length: 3 }, () => String(10 + Math.floor(er() * 5000)));
    const r = seededRandom(ev.seed ^ (slot.k * 2654435761));
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const sentence = () => {
      const n = 8 + Math.floor(r() * 14);
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const x = r();
        out.push(x < 0.3 ? pick(topic) : x < 0.36 ? pick(names) : x < 0.38 ? pick(numbers) : words[zipf(r)]);
      }
      out[0] = capital(out[0]);
      return `${out.join(" ")}.`;
    };
    const target = 300 + Math.floor(r() * 300);
    const paragraphs: string[] = [];
    let count = 0;
    while (count < target) {
      const p: string[] = [];
      for (let s = 0; s < 3; s++) {
        const text = sentence();
        count += text.split(" ").length;
        p.push(text);
      }
      paragraphs.push(p.join(" "));
    }
    const title = capital([pick(names), ...Array.from({ length: 6 }, () => pick(topic)), pick(numbers)].join(" "));
    return {
      id: `a${slot.event}-${slot.k}`,
      title,
      text: paragraphs.join("\n\n"),
      publishedAt: new Date(slot.t),
      source: `outlet${Math.floor(r() * o.outlets)}.example`,
    };
  }

  return {
    total: slots.length,
    events: events.length,
    *items() {
      for (const slot of slots) yield { article: article(slot), gold: slot.event };
    },
  };
}
