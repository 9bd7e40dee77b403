/**
 * A fake Bot Connector (the Teams side of the Bot Framework REST API) on
 * 127.0.0.1, port 0. It records every activity the bot sends, exactly as the
 * bytes arrived, and answers with ids, so tests see what Teams would see.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector. */
export interface RecordedActivity {
  readonly method: string;
  readonly conversationId: string;
  /** The id in `/activities/{id}`: the replied-to activity (POST) or the updated one (PUT). */
  readonly pathActivityId: string | null;
  readonly authorization: string | null;
  /** The id the fake answered with. */
  readonly id: string;
  readonly body: Record<string, unknown>;
}

/** A file PUT to an upload URL (the OneDrive session a file consent hands the bot). */
export interface RecordedUpload {
  readonly path: string;
  readonly contentRange: string | null;
  readonly bytes: Buffer;
}

export interface FakeBotConnector {
  /** Service URL to put on incoming activities (with a trailing slash, like Teams). */
  readonly serviceUrl: string;
  readonly activities: RecordedActivity[];
  /** An upload URL on this server, as `fileConsent/invoke` carries one; PUTs to it are recorded. */
  uploadUrl(name: string): string;
  readonly uploads: RecordedUpload[];
  /** Resolves with the first recorded activity matching `predicate` (waits for background answers). */
  waitFor(
    predicate: (a: RecordedActivity) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedActivity>;
  /** From now on answers every request with this HTTP status, recording nothing; `null` restores. */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** Starts the fake connector. */
export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const activities: RecordedActivity[] = [];
  const uploads: RecordedUpload[] = [];
  const waiters = new Set<() => void>();
  let counter = 0;
  let failure: number | null = null;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const pathname = new URL(req.url ?? '/', 'http://fake').pathname;
      if (req.method === 'PUT' && pathname.startsWith('/upload/')) {
        const range = req.headers['content-range'];
        uploads.push({ path: pathname, contentRange: range ?? null, bytes: Buffer.concat(chunks) });
        // OneDrive answers the last chunk of an upload session with the item it created.
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"item-1"}');
        return;
      }
      if (failure !== null) {
        res.writeHead(failure, { 'content-type': 'application/json' }).end('{"error":"scripted"}');
        return;
      }
      const match = ACTIVITIES.exec(new URL(req.url ?? '/', 'http://fake').pathname);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404).end();
        return;
      }
      const [, conversation = '', activityId] = match;
      const pathActivityId = activityId ? decodeURIComponent(activityId) : null;
      counter += 1;
      const id = req.method === 'PUT' && pathActivityId ? pathActivityId : `act-${counter}`;
      activities.push({
        method: req.method,
        conversationId: decodeURIComponent(conversation),
        pathActivityId,
        authorization: req.headers.authorization ?? null,
        id,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      for (const wake of waiters) wake();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    activities,
    uploadUrl: (name) => `http://127.0.0.1:${port}/upload/${encodeURIComponent(name)}`,
    uploads,
    failWith: (status) => {
      failure = status;
    },
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = activities.find(predicate);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `no matching activity within ${timeoutMs} ms; got ${JSON.stringify(activities.map((a) => a.body.type))}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
