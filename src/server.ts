/**
 * The one HTTP server on PORT: `/healthz`, plus whatever routes the enabled
 * channels mount (`/api/messages` for Teams, `/slack/events` for Slack in HTTP
 * mode). Plain `node:http`: each channel SDK brings its own request handling,
 * so a framework would only sit in between.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from './logger.js';

/** A request handler for one method + path, mounted by a channel. */
export interface HttpRoute {
  readonly method: 'GET' | 'POST';
  /** Exact path, or a prefix ending in `/*` (`/letters/*` takes `/letters/abc` and `/letters/abc/file`). */
  readonly path: string;
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> | void;
}

export interface StartServerOptions {
  readonly port: number;
  /** Interface to bind (`HOST`, default 127.0.0.1 in config.ts); omitted: all interfaces. Tests use 127.0.0.1. */
  readonly host?: string;
  readonly routes: readonly HttpRoute[];
  /** Body of `GET /healthz`. */
  readonly health: () => Promise<Record<string, unknown>>;
  readonly logger: Logger;
}

export interface RunningServer {
  readonly server: http.Server;
  readonly url: string;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Starts the server; resolves once it listens. */
export async function startServer({
  port,
  host,
  routes,
  health,
  logger,
}: StartServerOptions): Promise<RunningServer> {
  // The handler catches its own errors, so the promise node:http ignores can never reject.
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      if (req.method === 'GET' && pathname === '/healthz') {
        sendJson(res, 200, { status: 'ok', ...(await health()) });
        return;
      }
      const route = routes.find((r) => matchesPath(r.path, pathname));
      if (!route) {
        sendJson(res, 404, { error: 'not_found' });
        return;
      }
      if (route.method !== req.method) {
        sendJson(res, 405, { error: 'method_not_allowed' });
        return;
      }
      await route.handle(req, res);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        logger.warn({ path: pathname }, error.message);
        if (!res.headersSent) sendJson(res, 413, { error: 'payload_too_large' });
        else res.end();
        // The rest of the body is not read; closing stops the client from sending it.
        req.destroy();
        return;
      }
      // Users get a generic 500; the details go to the log only.
      logger.error({ err: error, path: pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.end();
    }
  };
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host ?? 'localhost';
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** An exact path, or a `/*` prefix with something after it. */
function matchesPath(routePath: string, pathname: string): boolean {
  if (!routePath.endsWith('/*')) return routePath === pathname;
  const prefix = routePath.slice(0, -1);
  return pathname.startsWith(prefix) && pathname.length > prefix.length;
}

/** A request body over its route's cap: answered 413, not 500. */
export class PayloadTooLargeError extends Error {
  constructor(limitBytes: number) {
    super(`request body over ${limitBytes} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

/**
 * Reads a request body as UTF-8 with a size cap (bad clients must not exhaust memory).
 * @throws PayloadTooLargeError past the cap.
 */
export async function readBody(req: http.IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new PayloadTooLargeError(limitBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
