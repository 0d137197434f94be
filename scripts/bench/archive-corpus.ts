// A generated article archive for `npm run bench:archive`: stories of several articles each, from many outlets,
// spread over weeks, in the import:archive line format. Deterministic for a seed.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON =
  "the a of to and in said on for with that was at by from officials report new after over government people two year week city police minister told statement according local say".split(
    " ",
  );
const SYLLABLES = "ka lo mi ne ru sa te vo zi ba de fu gi ho ju ly po qua re si tu xe".split(" ");

function word(rnd: () => number, min = 2): string {
  let w = "";
  const n = min + Math.floor(rnd() * 2);
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return w;
}

/** Writes `articles` lines (about `perStory` articles a story) to `file`. */
export async function writeArchiveCorpus(file: string, articles: number, perStory = 8, seed = 1): Promise<void> {
  const rnd = random(seed);
  const out = createWriteStream(file);
  const start = Date.UTC(2024, 0, 1);
  const stories = Math.ceil(articles / perStory);
  for (let i = 0; i < articles; i++) {
    // Stories interleave in arrival order, as a day's news does.
    const story = Math.floor((i / articles) * stories + rnd() * 3) % stories;
    const srnd = random(seed * 1_000_003 + story);
    const names = Array.from({ length: 12 }, () => word(srnd, 3));
    const proper = names.slice(0, 4).map((n) => n[0].toUpperCase() + n.slice(1));
    const day = start + (story * (60 * 86_400_000)) / stories;
    const sentences: string[] = [];
    for (let s = 0; s < 10 + Math.floor(rnd() * 8); s++) {
      const parts: string[] = [];
      for (let k = 0; k < 14; k++) {
        const r = rnd();
        parts.push(
          r < 0.35
            ? names[Math.floor(rnd() * names.length)]
            : r < 0.45
              ? proper[Math.floor(rnd() * 4)]
              : r < 0.8
                ? COMMON[Math.floor(rnd() * COMMON.length)]
                : word(rnd),
        );
      }
      sentences.push(`${parts.join(" ")}.`);
    }
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences.length; s += 3) paragraphs.push(sentences.slice(s, s + 3).join(" "));
    const outlet = Math.floor(rnd() * 60);
    const line = {
      url: `https://outlet${outlet}-news.com/news/${story}/${i}`,
      title: `${proper[0]} ${names[4]} ${proper[1]} ${names[5]} ${word(rnd)}`,
      text: paragraphs.join("\n\n"),
      publishedAt: new Date(day + Math.floor(rnd() * 2 * 86_400_000)).toISOString(),
      source: `outlet${outlet}-news.com`,
    };
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
