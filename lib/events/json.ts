// Domain objects to the JSON contract of lib/events/schema.ts. Parsing (not just typing) the output means
// a response that breaks the contract fails on the server instead of surprising a client.
import type { EventDetail, EventPage, EventSummary } from "./types";
import {
  eventDetailJsonSchema,
  eventJsonSchema,
  eventListJsonSchema,
  type EventDetailJson,
  type EventJson,
  type EventListJson,
} from "./schema";

export const eventPath = (id: number) => `/events/${id}`;

function summaryFields(e: EventSummary) {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    firstSeenAt: e.firstSeenAt.toISOString(),
    lastSeenAt: e.lastSeenAt.toISOString(),
    articleCount: e.articleCount,
    sourceCount: e.sourceCount,
    sources: e.sources.map(({ name, domain, country }) => ({ name, domain, country })),
    url: eventPath(e.id),
  };
}

export function toEventJson(e: EventSummary): EventJson {
  return eventJsonSchema.parse(summaryFields(e));
}

export function toEventListJson(page: EventPage): EventListJson {
  return eventListJsonSchema.parse({ ...page, events: page.events.map(summaryFields) });
}

export function toEventDetailJson(e: EventDetail): EventDetailJson {
  return eventDetailJsonSchema.parse({
    ...summaryFields(e),
    articles: e.articles.map((a) => ({
      id: a.id,
      title: a.title,
      byline: a.byline,
      publishedAt: a.publishedAt?.toISOString() ?? null,
      language: a.language,
      url: a.url,
      source: a.source,
      text: a.text,
    })),
  });
}
