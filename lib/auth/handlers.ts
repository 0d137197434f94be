// The sign-in and sign-out route handlers' logic, on plain Request/Response so tests can drive them directly.
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clientIp } from "./client-ip";
import { isSameOrigin } from "./origin";
import type { LoginLimiter } from "./rate-limit";
import { LoginForm, safeNextPath } from "./schema";
import { clearedSessionCookie, deleteSession, rotateSession, sessionCookie, tokenFromCookieHeader } from "./sessions";
import { checkCredentials } from "./users";

interface Deps {
  db: Db;
  limiter: LoginLimiter;
  /** TRUST_PROXY: a reverse proxy in front sets X-Forwarded-For/-Host/-Proto (client-ip.ts, origin.ts); from the
   *  environment when not given. */
  trustProxy?: boolean;
  now?: Date;
}

function text(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

// A relative Location (a path): the browser resolves it against the host it asked, which behind a proxy is
// the public one rather than the one this server sees. 303 so the follow-up is a GET.
function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store", ...headers } });
}

export async function handleLogin(req: Request, deps: Deps): Promise<Response> {
  if (!isSameOrigin(req.headers, deps.trustProxy)) return text(403, "Cross-origin request refused.");
  const now = deps.now ?? new Date();
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return text(400, "Expected a form submission.");
  }
  const parsed = LoginForm.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  const next = safeNextPath(typeof form.get("next") === "string" ? (form.get("next") as string) : null);
  const back = (error: string) => `/login?${new URLSearchParams({ error, next })}`;
  if (!parsed.success) return seeOther(back("invalid"));

  const emailKey = `email:${parsed.data.email}`;
  const ipKey = `ip:${clientIp(req.headers, deps.trustProxy ?? getEnv().TRUST_PROXY)}`;
  // Counted before the slow hash, so parallel guesses cannot all pass the check (rate-limit.ts).
  const wait = await deps.limiter.reserve([emailKey, ipKey], now.getTime());
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    return text(429, `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
      "retry-after": String(Math.ceil(wait / 1000)),
    });
  }

  // A wrong password (or a throw) leaves the reservation standing as the recorded failure.
  const user = await checkCredentials(deps.db, parsed.data.email, parsed.data.password);
  if (!user) return seeOther(back("invalid"));
  await deps.limiter.reset(emailKey);
  await deps.limiter.release(ipKey, now.getTime());
  const previous = tokenFromCookieHeader(req.headers.get("cookie"));
  const { token, expiresAt } = await rotateSession(deps.db, user.id, previous, now);
  return seeOther(next, { "set-cookie": sessionCookie(token, expiresAt) });
}

export async function handleLogout(req: Request, deps: { db: Db }): Promise<Response> {
  if (!isSameOrigin(req.headers)) return text(403, "Cross-origin request refused.");
  await deleteSession(deps.db, tokenFromCookieHeader(req.headers.get("cookie")));
  return seeOther("/", { "set-cookie": clearedSessionCookie() });
}
