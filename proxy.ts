// Next's request proxy (formerly middleware): gives every page response a Content-Security-Policy with a fresh
// script nonce. Set on the request, the policy is where Next finds the nonce to put on the inline scripts it
// renders; set on the response, it is what the browser enforces. Runs under `next dev` and `npm start` alike.
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/site/csp";

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Static chunks and images carry no inline script, so they skip the proxy.
export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
