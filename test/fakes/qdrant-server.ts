/**
 * A loopback stand-in for Qdrant (127.0.0.1, port 0) that holds the adapter
 * to Qdrant's own OpenAPI spec: every request's path, query string and body is
 * validated against the spec, and so is every response the fake sends, so the
 * fake cannot drift from the real API. A request the spec rejects is recorded
 * in `violations` and answered 400/404, which fails the test that sent it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { QdrantMemory } from './qdrant-memory.js';
import { FakeQdrantError } from './qdrant-scoring.js';
import { QdrantSpec } from './qdrant-spec.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Qdrant's JSON bodies, already checked against its OpenAPI spec
type Obj = Record<string, any>;
type Handler = (
  memory: QdrantMemory,
  params: Record<string, string>,
  body: Obj,
  now: Date,
) => unknown;

/** The operations the fake implements, keyed by spec method + path template. */
const HANDLERS: Record<string, Handler> = {
  'GET /': () => ({ title: 'qdrant - vector search engine (fake)', version: '1.19.0' }),
  'GET /collections': (m) => ({ collections: [...m.collections.keys()].map((name) => ({ name })) }),
  'GET /aliases': (m) => ({
    aliases: [...m.aliases].map(([alias_name, collection_name]) => ({
      alias_name,
      collection_name,
    })),
  }),
  'GET /collections/{collection_name}/exists': (m, p) => ({
    exists: m.collections.has(p.collection_name ?? '') || m.aliases.has(p.collection_name ?? ''),
  }),
  'PUT /collections/{collection_name}': (m, p, b) => m.createCollection(p.collection_name ?? '', b),
  'GET /collections/{collection_name}': (m, p) => m.collectionInfo(p.collection_name ?? ''),
  'PATCH /collections/{collection_name}': (m, p, b) =>
    m.updateCollection(p.collection_name ?? '', b),
  'DELETE /collections/{collection_name}': (m, p) => m.deleteCollection(p.collection_name ?? ''),
  'POST /collections/aliases': (m, _p, b) => m.updateAliases(b.actions),
  'PUT /collections/{collection_name}/index': (m, p, b) =>
    m.createIndex(p.collection_name ?? '', b),
  'PUT /collections/{collection_name}/points': (m, p, b) => m.upsert(p.collection_name ?? '', b),
  'POST /collections/{collection_name}/points/delete': (m, p, b) =>
    m.deletePoints(p.collection_name ?? '', b),
  'POST /collections/{collection_name}/points': (m, p, b) => m.retrieve(p.collection_name ?? '', b),
  'POST /collections/{collection_name}/points/scroll': (m, p, b) =>
    m.scroll(p.collection_name ?? '', b),
  'POST /collections/{collection_name}/points/count': (m, p, b) =>
    m.count(p.collection_name ?? '', b),
  'POST /collections/{collection_name}/points/query': (m, p, b) =>
    m.query(p.collection_name ?? '', b),
  'POST /collections/{collection_name}/points/query/groups': (m, p, b) =>
    m.queryGroups(p.collection_name ?? '', b),
  'POST /collections/{collection_name}/snapshots': (m, p, _b, now) =>
    m.createSnapshot(p.collection_name ?? '', now),
};

/** A failure to inject before the next matching requests (retry tests). */
export interface InjectedFault {
  readonly status: number;
  /** Seconds, sent as `Retry-After`. */
  readonly retryAfter?: number;
  /** Only requests whose `METHOD /path` contains this string. */
  readonly match?: string;
}

export interface FakeQdrantServer {
  readonly url: string;
  readonly memory: QdrantMemory;
  /** Every spec or fake failure, in order. Tests assert this stays empty. */
  readonly violations: string[];
  /** `METHOD /path` of every request received. */
  readonly requests: string[];
  /** Answers the next `count` matching requests with the fault instead of handling them. */
  failNext(count: number, fault: InjectedFault): void;
  close(): Promise<void>;
}

let sharedSpec: QdrantSpec | undefined;

/** Starts the fake on 127.0.0.1 with an OS-chosen port. */
export async function startFakeQdrant({
  now = () => new Date(),
}: { now?: () => Date } = {}): Promise<FakeQdrantServer> {
  // Compiling the 500 KB spec is the slow part; validators are shared across servers in one test file.
  const spec = (sharedSpec ??= new QdrantSpec());
  const memory = new QdrantMemory();
  const violations: string[] = [];
  const requests: string[] = [];
  const faults: InjectedFault[] = [];

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const line = `${req.method} ${url.pathname}`;
    requests.push(line);
    const route = spec.match(req.method ?? 'GET', url.pathname);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const problem = route?.checkResponse(status, body);
      if (problem) {
        violations.push(`response ${status} to ${line} violates the spec: ${problem}`);
        status = 500;
        body = { status: { error: 'fake produced an invalid response' }, time: 0 };
      }
      res
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(body));
    };
    const fail = (status: number, message: string, isViolation: boolean) => {
      if (isViolation) violations.push(`${line}: ${message}`);
      send(status, { status: { error: message }, time: 0 });
    };
    if (!route) return fail(404, 'unknown path or method (not in the Qdrant spec)', true);

    let body: Obj | undefined;
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      body = text ? (JSON.parse(text) as Obj) : undefined;
    } catch {
      return fail(400, 'body is not JSON', true);
    }
    const queryProblem = route.checkQuery(Object.fromEntries(url.searchParams));
    if (queryProblem) return fail(400, `query string rejected by spec: ${queryProblem}`, true);
    const bodyProblem = route.checkBody(body);
    if (bodyProblem) return fail(400, `body rejected by spec: ${bodyProblem}`, true);

    const faultAt = faults.findIndex((f) => !f.match || line.includes(f.match));
    if (faultAt >= 0) {
      const [fault] = faults.splice(faultAt, 1);
      const headers: Record<string, string> =
        fault?.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      return send(fault?.status ?? 500, { status: { error: 'injected fault' }, time: 0 }, headers);
    }
    const handler = HANDLERS[`${route.method} ${route.template}`];
    if (!handler)
      return fail(501, `fake Qdrant does not implement ${route.method} ${route.template}`, true);
    try {
      const started = performance.now();
      const result = handler(memory, route.params, body ?? {}, now());
      send(200, { result, status: 'ok', time: (performance.now() - started) / 1000 });
    } catch (error) {
      if (!(error instanceof FakeQdrantError))
        return fail(500, `fake crashed: ${String(error)}`, true);
      // 501 = the fake lacks a feature: a test gap, not expected Qdrant behaviour.
      fail(error.status, error.message, error.status === 501);
    }
  };
  // The handler answers every failure itself, so the ignored promise cannot reject.
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    memory,
    violations,
    requests,
    failNext(count, fault) {
      for (let i = 0; i < count; i += 1) faults.push(fault);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
