/**
 * A loopback OpenAI-compatible embeddings server (`POST /v1/embeddings`) for
 * tests: deterministic vectors from a hashed bag of analyzed terms, so texts
 * sharing lemmas are close. It can fail the first requests (429/500) to
 * exercise retries, and records every request's batch size.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { analyze } from '../../src/archive/analyzer.js';

export interface EmbeddingsServer {
  /** Base URL for the `openai` client, ending in `/v1`. */
  readonly baseURL: string;
  /** Number of inputs per request received so far. */
  readonly batches: number[];
  close(): Promise<void>;
}

export interface EmbeddingsServerOptions {
  readonly dimensions?: number;
  /** Status codes to answer the first requests with, in order (e.g. `[429, 500]`). */
  readonly failFirst?: readonly number[];
}

/** Hashed bag of words: each analyzed term adds 1 to one of `dimensions` buckets. */
export function hashedVector(text: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const term of analyze(text)) {
    let h = 2166136261;
    for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 16777619);
    v[(h >>> 0) % dimensions]! += 1;
  }
  return v;
}

/** Starts the server on 127.0.0.1, port 0. */
export async function startEmbeddingsServer({
  dimensions = 256,
  failFirst = [],
}: EmbeddingsServerOptions = {}): Promise<EmbeddingsServer> {
  const batches: number[] = [];
  const failures = [...failFirst];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const status = failures.shift();
      if (status !== undefined) {
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'try again' } }));
        return;
      }
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as {
        input: string | string[];
        model: string;
        encoding_format?: string;
      };
      const inputs = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
      batches.push(inputs.length);
      const data = inputs.map((text, index) => {
        const vector = hashedVector(text, dimensions);
        const embedding =
          parsed.encoding_format === 'base64'
            ? Buffer.from(Float32Array.from(vector).buffer).toString('base64')
            : vector;
        return { object: 'embedding', index, embedding };
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          data,
          model: parsed.model,
          usage: { prompt_tokens: 0, total_tokens: 0 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    batches,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      ),
  };
}
