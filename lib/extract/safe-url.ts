// The one URL check behind both ways an article body becomes stored HTML (sanitize.ts for arbitrary HTML,
// html/safe-body-html.ts for an extracted DOM): a link or image source survives only with a scheme the policy
// (sanitize-policy.ts) allows.

export function parseBase(baseUrl: string | null | undefined): URL | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl);
  } catch {
    return null;
  }
}

/**
 * The absolute URL when it uses one of `schemes`, else null. WHATWG URL parsing applies a browser's tab/newline
 * stripping and case folding, so "jav&#x09;ascript:" or "JaVaScRiPt:" cannot slip by.
 */
export function safeUrl(raw: string | undefined, base: URL | null, schemes: string[]): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    // Relative with no base: keep it only if it cannot be read as a scheme (no colon before the first / ? #),
    // nor as protocol-relative ("//host", "/\\host").
    return /^[^:/?#]*(?:[/?#]|$)/.test(value) && !/^[/\\]{2}/.test(value) && !/[\u0000-\u001f\s]/.test(value)
      ? value
      : null;
  }
  return schemes.includes(url.protocol.slice(0, -1)) ? url.href : null;
}
