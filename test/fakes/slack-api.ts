/**
 * A stand-in for Slack's side of the network, on 127.0.0.1 port 0: the Web
 * API (`/api/<method>`, form or JSON bodies, `ok:true` replies with `ts`),
 * `response_url`s (`/response/<id>`), file uploads (`/upload/<file id>`, the
 * URL `files.getUploadURLExternal` hands out), and the Socket Mode WebSocket that
 * `apps.connections.open` points at. It records every call so tests assert
 * on what the real Bolt app sent, in order.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for response URL posts. */
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** Path of the request (distinguishes response URLs). */
  readonly path: string;
  /** Milliseconds since the epoch when the call arrived. */
  readonly at: number;
  /** The raw body of a file upload (method `file_upload`, the `upload_url` of `files.getUploadURLExternal`). */
  readonly bytes?: Buffer;
}

export const FAKE_BOT = { userId: 'UBOT', botId: 'BBOT', teamId: 'T1' } as const;

export interface FakeSlackApi {
  /** Web API base URL (`SLACK_API_URL`). */
  readonly apiUrl: string;
  /** A response URL that records posts under method `response_url`. */
  responseUrl(id: string): string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Makes `method` answer `{ok:false, error}` from now on. */
  failMethod(method: string, error?: string): void;
  /** Undoes `failMethod`: `method` answers normally again. */
  restoreMethod(method: string): void;
  /** Cuts every Socket Mode connection (the server keeps accepting new ones). */
  dropSockets(): void;
  /** Makes the next call of `method` answer HTTP 429 with `Retry-After`. */
  rateLimitOnce(method: string, retryAfterSec?: number): void;
  /** Messages `conversations.replies` returns. */
  setReplies(messages: readonly Record<string, unknown>[]): void;
  /** Envelope acknowledgements received over the socket, in order. */
  readonly acks: Record<string, unknown>[];
  /** Resolves once a Socket Mode client connected and got `hello`. */
  socketConnected(): Promise<void>;
  /** Sends a Socket Mode envelope; resolves with the app's ack for it. */
  sendEnvelope(
    envelope: Record<string, unknown> & { envelope_id: string },
  ): Promise<Record<string, unknown>>;
  /** Polls until `predicate` holds (or throws after `timeoutMs`). */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client JSON-encodes nested arguments (blocks, chunks) inside the form.
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

/** Starts the fake. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const acks: Record<string, unknown>[] = [];
  const failures = new Map<string, string>();
  const rateLimits = new Map<string, number>();
  let replies: readonly Record<string, unknown>[] = [];
  let tsCounter = 0;
  let fileCounter = 0;
  let port = 0;
  const nextTs = () => `1700000100.${String(++tsCounter).padStart(6, '0')}`;

  const reply = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: FAKE_BOT.userId,
          bot_id: FAKE_BOT.botId,
          team_id: FAKE_BOT.teamId,
          team: 'Urząd',
          url: 'https://urzad.slack.com/',
        };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${port}/socket` };
      case 'chat.postMessage':
      case 'chat.startStream':
        return { ok: true, channel: args.channel, ts: nextTs() };
      case 'chat.update':
      case 'chat.appendStream':
      case 'chat.stopStream':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'conversations.replies':
        return { ok: true, messages: replies, has_more: false };
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(++fileCounter).padStart(4, '0')}`;
        return {
          ok: true,
          file_id: fileId,
          upload_url: `http://127.0.0.1:${port}/upload/${fileId}`,
        };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (Array.isArray(args.files) ? args.files : []).map((f: { id: string }) => ({
            id: f.id,
          })),
        };
      case 'views.open':
        return { ok: true, view: { id: 'V1' } };
      default:
        return { ok: true };
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      // A file upload posts the file to the URL files.getUploadURLExternal gave: raw,
      // or (as @slack/web-api sends it) as the one file of a multipart form.
      if (path.startsWith('/upload/')) {
        const raw = Buffer.concat(chunks);
        const type = req.headers['content-type'] ?? '';
        const at = Date.now();
        void (async () => {
          let bytes = raw;
          if (type.startsWith('multipart/form-data')) {
            const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
            const file = [...form.values()].find((v) => typeof v !== 'string') as Blob | undefined;
            bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
          }
          calls.push({ method: 'file_upload', args: {}, path, at, bytes });
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(`OK - ${bytes.length}`);
        })();
        return;
      }
      const args = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
      const method = path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, '');
      calls.push({ method, args, path, at: Date.now() });
      const retryAfter = rateLimits.get(method);
      if (retryAfter !== undefined) {
        rateLimits.delete(method);
        res.writeHead(429, {
          'retry-after': String(retryAfter),
          'content-type': 'application/json',
        });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      const error = failures.get(method);
      const body = error
        ? { ok: false, error }
        : method === 'response_url'
          ? { ok: true }
          : reply(method, args);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ server, path: '/socket' });
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => {
    onConnected = resolve;
  });
  const ackWaiters = new Map<string, (ack: Record<string, unknown>) => void>();
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as Record<string, unknown>;
      acks.push(ack);
      const id = String(ack.envelope_id);
      ackWaiters.get(id)?.(ack);
      ackWaiters.delete(id);
    });
    socket.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }),
    );
    onConnected();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const waitFor = async (predicate: () => boolean, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(
          `condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id) => `http://127.0.0.1:${port}/response/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failMethod: (method, error = 'unknown_method') => failures.set(method, error),
    restoreMethod: (method) => failures.delete(method),
    dropSockets: () => {
      for (const socket of sockets) socket.terminate();
    },
    rateLimitOnce: (method, retryAfterSec = 0) => rateLimits.set(method, retryAfterSec),
    setReplies: (messages) => {
      replies = messages;
    },
    acks,
    socketConnected: () => connected,
    sendEnvelope: (envelope) =>
      new Promise((resolve, reject) => {
        const socket = [...sockets][0];
        if (!socket) return reject(new Error('no Socket Mode client connected'));
        ackWaiters.set(envelope.envelope_id, resolve);
        socket.send(JSON.stringify(envelope));
      }),
    waitFor,
    close: async () => {
      // Let a client that is closing finish the close handshake: cutting the TCP connection
      // mid-handshake leaves the Socket Mode client's 30 s handshake timer behind.
      await Promise.all(
        [...sockets].map(
          (socket) =>
            new Promise<void>((resolve) => {
              const force = setTimeout(() => {
                socket.terminate();
                resolve();
              }, 1000);
              socket.once('close', () => {
                clearTimeout(force);
                resolve();
              });
              socket.close(1000);
            }),
        ),
      );
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
