// Reads of the job queue for editors: the dead letters, jobs that failed every retry, with their input and the
// last error. Read straight from pg-boss's table (its API has no listing that leaves jobs untouched).
import { dbProvider, type Db } from "@/lib/db";
import { deadLetterQueueName, JOB_KINDS, type JobKind, kindOfQueue } from "./queues";

export interface DeadLetter {
  id: string;
  kind: JobKind;
  input: unknown;
  error: string;
  failedAt: Date;
}

/** The newest dead letters, newest first; none on SQLite (no queue) or before the queue was ever started. */
export async function listDeadLetters(db: Db, limit = 50): Promise<DeadLetter[]> {
  if (dbProvider(db) !== "postgresql") return [];
  const [{ installed }] = await db.$queryRawUnsafe<{ installed: boolean }[]>(
    "SELECT to_regclass('pgboss.job') IS NOT NULL AS installed",
  );
  if (!installed) return [];
  const rows = await db.$queryRawUnsafe<
    { id: string; name: string; data: unknown; output: unknown; created_on: Date }[]
  >(
    `SELECT id::text AS id, name, data, output, created_on FROM pgboss.job
     WHERE name = ANY($1::text[]) AND state = 'created' ORDER BY created_on DESC, id LIMIT $2`,
    JOB_KINDS.map(deadLetterQueueName),
    limit,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: kindOfQueue(row.name)!,
    input: row.data,
    error: errorText(row.output),
    failedAt: new Date(row.created_on),
  }));
}

/** The error pg-boss stored for a failed job: a serialized Error ({message, …}) or whatever the handler threw. */
function errorText(output: unknown): string {
  if (output && typeof output === "object" && "message" in output && typeof output.message === "string")
    return output.message;
  if (output == null) return "(no reason recorded)";
  return typeof output === "string" ? output : JSON.stringify(output);
}
