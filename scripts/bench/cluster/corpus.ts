// Labelled clustering corpora from ../shared/corpora (see its README): articles with their gold event.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ClusterArticle } from "@/lib/cluster/types";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..", "..");
export const sharedDir = path.resolve(projectRoot, "..", "shared");

const row = z.object({
  id: z.union([z.string(), z.number()]),
  event: z.string(),
  title: z.string(),
  text: z.string().default(""),
  source: z.string().nullish(),
  url: z.string().nullish(),
  publishedAt: z.number().nullish(),
});

export interface LabelledArticle {
  article: ClusterArticle;
  gold: string;
}

/** Reads `../shared/corpora/<name>`; throws a message naming the missing file rather than a bare ENOENT. */
export function readLabelledCorpus(name: string): LabelledArticle[] {
  const file = path.join(sharedDir, "corpora", name);
  if (!existsSync(file)) throw new Error(`corpus ${file} is missing: the shared folder must sit beside the project`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const r = row.parse(JSON.parse(line));
      return {
        gold: r.event,
        article: {
          id: String(r.id),
          title: r.title,
          text: r.text,
          source: r.source ?? null,
          url: r.url ?? null,
          publishedAt: r.publishedAt == null ? null : new Date(r.publishedAt),
        },
      };
    });
}
