// npm run feeds:status: one line per feed with its health, worst first, so a broken feed is easy to spot.
import { openMigratedDb } from "@/lib/cli/open-db";
import { feedHealth } from "@/lib/sources/feed-health";

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
      lastFetchedAt: true,
      nextFetchAt: true,
      consecutiveFailures: true,
      lastError: true,
    },
  });
  if (feeds.length === 0) {
    console.log("No feeds.");
  } else {
    for (const f of feeds) {
      const health = feedHealth(f);
      const state = health.alarm ? health.state.toUpperCase() : health.state;
      console.log(`#${f.id} ${f.url}${health.unverified ? "  (unverified default feed)" : ""}`);
      console.log(
        `    ${state} · last success ${ago(f.lastSuccessAt)} · next ${f.nextFetchAt?.toISOString() ?? "asap"}`,
      );
      if (health.error) console.log(`    ${health.error.slice(0, 300)}`);
    }
    const healths = feeds.map(feedHealth);
    const failing = healths.filter((h) => h.alarm).length;
    const never = healths.filter((h) => h.state === "never fetched").length;
    const unverified = healths.filter((h) => h.unverified).length;
    console.log(
      `\n${feeds.length} feeds, ${failing} failing (${never} never fetched), ${unverified} unverified defaults not yet fetched.`,
    );
  }
} finally {
  await db.$disconnect();
}
