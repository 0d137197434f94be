import type { IngestReport } from "@/lib/pipeline/ingest";

/** The summary `npm run ingest` ends with: counts, then each failure with its reason. */
export function formatReport(report: IngestReport): string {
  const { counts } = report;
  const lines = [
    `new: ${counts.new}, updated: ${counts.updated}, duplicate: ${counts.duplicate}, failed: ${counts.failed}`,
  ];
  const events = new Set(report.items.flatMap((i) => ("eventId" in i ? [i.eventId] : [])));
  if (events.size)
    lines.push(
      `events: ${[...events]
        .sort((a, b) => a - b)
        .map((id) => `/events/${id}`)
        .join(", ")}`,
    );
  for (const item of report.items) {
    if (item.outcome === "failed") lines.push(`  failed  ${item.input}: ${item.reason}`);
  }
  return lines.join("\n");
}
