// Every page under /editor starts the same way: a signed-out visitor goes to the sign-in page (and comes back),
// a signed-in visitor without the editor role is told why, an editor gets the page.
import "server-only";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current";
import { AuthError, requireEditor } from "@/lib/auth/guards";

type Session = NonNullable<Awaited<ReturnType<typeof getCurrentSession>>>;

export async function editorPageGate(
  path: string,
): Promise<{ session: Session; refusal?: never } | { session?: never; refusal: string }> {
  const session = await getCurrentSession();
  try {
    requireEditor(session);
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    // encodeURI keeps the slashes of our own paths readable: /login?next=/editor/sources
    if (err.status === 401) redirect(`/login?next=${encodeURI(path)}`);
    return { refusal: err.message };
  }
  return { session: session! };
}
