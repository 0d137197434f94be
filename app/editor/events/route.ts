// The "Open event #" form on /editor is a GET without JavaScript: this turns ?id=12 into /editor/events/12.
import { z } from "zod";

const Query = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,9}$/),
});

export function GET(request: Request) {
  const parsed = Query.safeParse({ id: new URL(request.url).searchParams.get("id") ?? "" });
  const location = parsed.success
    ? `/editor/events/${parsed.data.id}`
    : `/editor?${new URLSearchParams({ error: "Enter an event number." })}`;
  // A relative Location: behind a proxy the browser resolves it against the public host.
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}
