// npm run feeds:status: one line per feed with its health, worst first, so a broken feed is easy to spot.
import { openMigratedDb } from "@/lib/cli/open-db";

const { db } = await openMigratedDb();

function ago(date: Date | null): string {
  if (!date) return "never";
  const minutes = Math.round((Date.now() - date.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 90) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
}

try {
  const feeds = await db.feed.findMany({
    orderBy: [{ consecutiveFailures: "desc" }, { url: "asc" }],
    select: {
      id: true,
      url: true,
      enabled: true,
      lastSuccessAt: true,
      nextFetchAt: true,
      consecutiveFailures: true,
      lastError: true,
    },
  });
  if (feeds.length === 0) {
    console.log("No feeds.");
  } else {
    for (const f of feeds) {
      const state = !f.enabled ? "disabled" : f.consecutiveFailures > 0 ? `FAILING x${f.consecutiveFailures}` : "ok";
      console.log(`#${f.id} ${f.url}`);
      console.log(
        `    ${state} · last success ${ago(f.lastSuccessAt)} · next ${f.nextFetchAt?.toISOString() ?? "asap"}`,
      );
      if (f.lastError) console.log(`    last error: ${f.lastError.replace(/\s+/g, " ").slice(0, 300)}`);
    }
    const failing = feeds.filter((f) => f.consecutiveFailures > 0).length;
    console.log(`\n${feeds.length} feeds, ${failing} failing.`);
  }
} finally {
  await db.$disconnect();
}
