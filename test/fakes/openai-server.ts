/**
 * A local OpenAI-compatible server on 127.0.0.1, port 0: chat completions
 * (plain JSON and SSE streaming) and embeddings. Tests drive it with the real
 * `openai` client and script each reply: text (streamed in chunks), an HTTP
 * status, a delay, or a hang. Every request body is recorded, so a test can
 * assert what was sent (or that nothing was).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does for one chat request. */
export type ScriptedReply =
  | { readonly text: string; readonly chunks?: number; readonly delayMs?: number }
  | { readonly status: number; readonly body?: unknown; readonly retryAfterMs?: number }
  | { readonly hang: true };

export interface RecordedRequest {
  readonly path: string;
  readonly body: {
    readonly model?: string;
    readonly stream?: boolean;
    readonly messages?: readonly { role: string; content: string }[];
    readonly input?: unknown;
  };
}

export interface FakeOpenAiServer {
  /** Base URL to give the client, e.g. `http://127.0.0.1:41234/v1`. */
  readonly baseUrl: string;
  /** Chat requests received so far (embeddings included, by path). */
  readonly requests: RecordedRequest[];
  /** Queues replies for the next chat requests, in order; when empty, `fallback` answers. */
  enqueue(...replies: ScriptedReply[]): void;
  /** Reply used when the queue is empty (default: an empty answer). */
  fallback: ScriptedReply | ((request: RecordedRequest) => ScriptedReply);
  /** Status of `GET /models` (the health probe); 200 lists the one fake model. */
  modelsStatus: number;
  close(): Promise<void>;
}

function splitIntoChunks(text: string, chunks: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / chunks));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the fake server. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const state: { fallback: FakeOpenAiServer['fallback']; modelsStatus: number } = {
    fallback: { text: '' },
    modelsStatus: 200,
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        // Not recorded: `requests` holds chat and embedding calls only.
        if (req.method === 'GET' && req.url?.endsWith('/models')) {
          const ok = state.modelsStatus === 200;
          res.writeHead(state.modelsStatus, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify(
              ok
                ? {
                    object: 'list',
                    data: [{ id: 'fake', object: 'model', created: 0, owned_by: 'fake' }],
                  }
                : {
                    error: {
                      message: `scripted ${state.modelsStatus}`,
                      type: 'invalid_request_error',
                    },
                  },
            ),
          );
          return;
        }
        const body = raw ? (JSON.parse(raw) as RecordedRequest['body']) : {};
        const recorded: RecordedRequest = { path: req.url ?? '', body };
        requests.push(recorded);
        if (req.url?.endsWith('/embeddings')) {
          const inputs = Array.isArray(body.input) ? body.input : [body.input];
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              object: 'list',
              model: body.model,
              data: inputs.map((_, index) => ({
                object: 'embedding',
                index,
                embedding: [0.1, 0.2, 0.3],
              })),
              usage: { prompt_tokens: 1, total_tokens: 1 },
            }),
          );
          return;
        }
        const reply =
          queue.shift() ??
          (typeof state.fallback === 'function' ? state.fallback(recorded) : state.fallback);
        if ('hang' in reply) {
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        if ('status' in reply) {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (reply.retryAfterMs !== undefined)
            headers['retry-after-ms'] = String(reply.retryAfterMs);
          res.writeHead(reply.status, headers);
          res.end(
            JSON.stringify(
              reply.body ?? {
                error: { message: `scripted ${reply.status}`, type: 'server_error' },
              },
            ),
          );
          return;
        }
        const id = `chatcmpl-${requests.length}`;
        const model = body.model ?? 'fake';
        if (!body.stream) {
          if (reply.delayMs) await sleep(reply.delayMs);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              id,
              object: 'chat.completion',
              created: 0,
              model,
              choices: [
                {
                  index: 0,
                  message: { role: 'assistant', content: reply.text },
                  finish_reason: 'stop',
                },
              ],
            }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const send = (delta: Record<string, unknown>, finish: string | null) =>
          res.write(
            `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
          );
        send({ role: 'assistant', content: '' }, null);
        for (const piece of splitIntoChunks(reply.text, reply.chunks ?? 4)) {
          if (reply.delayMs) await sleep(reply.delayMs);
          send({ content: piece }, null);
        }
        send({}, 'stop');
        res.end('data: [DONE]\n\n');
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    get fallback() {
      return state.fallback;
    },
    set fallback(value) {
      state.fallback = value;
    },
    get modelsStatus() {
      return state.modelsStatus;
    },
    set modelsStatus(value) {
      state.modelsStatus = value;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
