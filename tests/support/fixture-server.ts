// A throwaway HTTP server on 127.0.0.1 for tests that need "the network" without touching it. Routes are keyed by
// path (query string ignored); a route is either a handler or a static response. Every request is recorded so that
// tests can assert on what the client actually sent (conditional headers, user agent, redirect hops).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FixtureHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface StaticRoute {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Waits this long before answering: for timeout tests. */
  delayMs?: number;
}

export type FixtureRoute = FixtureHandler | StaticRoute;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface FixtureServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string;
  port: number;
  /** "127.0.0.1:<port>": the entry tests pass as allowHosts. */
  host: string;
  requests: RecordedRequest[];
  /** Adds or replaces a route while the server runs. */
  route(path: string, route: FixtureRoute): void;
  close(): Promise<void>;
}

export async function startFixtureServer(routes: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    requests.push({ method: req.method ?? "GET", path, headers: req.headers });
    const route = table.get(path);
    try {
      if (!route) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      } else if (typeof route === "function") {
        await route(req, res);
      } else {
        if (route.delayMs) {
          await new Promise<void>((resolve) => {
            const t = setTimeout(() => {
              timers.delete(t);
              resolve();
            }, route.delayMs);
            timers.add(t);
          });
          if (res.destroyed) return;
        }
        res.writeHead(route.status ?? 200, route.headers ?? {});
        res.end(route.body ?? "");
      }
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(err));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    host: `127.0.0.1:${port}`,
    requests,
    route: (path, route) => void table.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        // Slow handlers would otherwise keep close() waiting for their sockets.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
