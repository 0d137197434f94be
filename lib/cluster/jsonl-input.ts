// The input of `npm run cluster`: one article a JSON line. Each line is validated on its own so that one bad
// line is reported and skipped rather than ending the run.
import { z } from "zod";
import type { ClusterArticle } from "./types";

const date = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: `invalid date: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return d;
});

export const inputArticleSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  title: z.string(),
  // Headline-only inputs (feed items) have no body.
  text: z.string().default(""),
  publishedAt: date.nullish(),
  source: z.string().nullish(),
  url: z.string().nullish(),
});

export type InputLine = { ok: true; id: string | number; article: ClusterArticle } | { ok: false; error: string };

/** Parses one line; `lineNumber` (1-based) becomes the internal id so that repeated input ids cannot collide. */
export function parseInputLine(line: string, lineNumber: number): InputLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${(e as Error).message}` };
  }
  const parsed = inputArticleSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; "),
    };
  }
  const a = parsed.data;
  if (!a.title.trim() && !a.text.trim()) return { ok: false, error: "title and text are both empty" };
  return {
    ok: true,
    id: a.id,
    article: {
      id: `line:${lineNumber}`,
      title: a.title,
      text: a.text,
      publishedAt: a.publishedAt ?? null,
      source: a.source ?? null,
      url: a.url ?? null,
    },
  };
}
