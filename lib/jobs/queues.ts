// The durable job queue's kinds, their queue names and payloads (zod: a payload is checked when it is sent and
// again when a worker takes it, so a malformed row fails with a clear reason instead of half-running).
// One queue per kind, each with its own dead-letter queue: a job that keeps failing lands there with its input
// and its last error, where editors see it (/editor/sources, lib/jobs/data.ts).
import { z } from "zod";

const id = z.number().int().positive();

export const payloadSchemas = {
  /** Poll one feed; each new item becomes a fetch-article job. */
  "poll-feed": z.object({ feedId: id }),
  /** Fetch and extract one feed item's page, store the article; placing it is a cluster-article job. */
  "fetch-article": z.object({
    feedId: id,
    item: z.object({
      url: z.url({ protocol: /^https?$/ }),
      title: z.string().nullable(),
      publishedAt: z.iso.datetime({ offset: true }).nullable(),
      author: z.string().nullable().optional(),
      contentHtml: z.string().nullable().optional(),
      summary: z.string().nullable().optional(),
    }),
  }),
  /** Place one stored article in an event (one at a time across all workers: the queue is a singleton). */
  "cluster-article": z.object({ articleId: id }),
  /** Rebuild one event's side-by-side comparison. */
  "refresh-comparison": z.object({ eventId: id }),
} as const;

export type JobKind = keyof typeof payloadSchemas;
export type JobPayload<K extends JobKind> = z.infer<(typeof payloadSchemas)[K]>;
export const JOB_KINDS = Object.keys(payloadSchemas) as JobKind[];

/** pg-boss queue names: letters, digits, hyphens. */
export const queueName = (kind: JobKind) => `parallax-${kind}`;
export const deadLetterQueueName = (kind: JobKind) => `parallax-${kind}-dead`;

/** The kind a queue or dead-letter queue name belongs to, or null for a queue that is not ours. */
export function kindOfQueue(name: string): JobKind | null {
  return JOB_KINDS.find((k) => name === queueName(k) || name === deadLetterQueueName(k)) ?? null;
}

export function parsePayload<K extends JobKind>(kind: K, data: unknown): JobPayload<K> {
  const result = payloadSchemas[kind].safeParse(data);
  if (!result.success) {
    const why = result.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ");
    throw new Error(`bad ${kind} job payload: ${why}`);
  }
  return result.data as JobPayload<K>;
}
