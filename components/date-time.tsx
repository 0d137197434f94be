import { formatDateTime, spanParts } from "@/lib/events/format";

export function DateTime({ value, fallback = "date unknown" }: { value: Date | null; fallback?: string }) {
  if (!value) return <span>{fallback}</span>;
  return <time dateTime={value.toISOString()}>{formatDateTime(value)}</time>;
}

/** First–last seen, each end its own <time> so that machines get both instants. */
export function TimeSpan({ first, last }: { first: Date; last: Date }) {
  const [from, to] = spanParts(first, last);
  if (to === null) return <time dateTime={first.toISOString()}>{from}</time>;
  return (
    <span>
      <time dateTime={first.toISOString()}>{from}</time>
      {from.endsWith("UTC") ? " – " : "–"}
      <time dateTime={last.toISOString()}>{to}</time>
    </span>
  );
}
