// Typed fetch failures, so callers (the poller, ingest) can decide by reason instead of parsing messages.

export type FetchFailureReason =
  | "blocked"
  | "timeout"
  | "connect-timeout"
  | "too-large"
  | "too-many-redirects"
  | "redirect-loop"
  | "bad-redirect"
  | "bad-encoding"
  | "network"
  | "aborted"
  | `http-${number}`;

export class FetchError extends Error {
  readonly reason: FetchFailureReason;
  /** The URL of the hop that failed (after redirects), when known. */
  readonly url?: string;
  /** HTTP status for http-* reasons. */
  readonly status?: number;
  /** From a Retry-After header on an error response (429, 503): how long the server asks us to wait. */
  readonly retryAfterSeconds?: number;

  constructor(
    reason: FetchFailureReason,
    message: string,
    opts: { url?: string; status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "FetchError";
    this.reason = reason;
    this.url = opts.url;
    this.status = opts.status;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** A URL the SSRF guard refuses: bad scheme, credentials, or a host that resolves to a non-public address. */
export class BlockedUrlError extends FetchError {
  constructor(message: string, url?: string) {
    super("blocked", message, { url });
    this.name = "BlockedUrlError";
  }
}
