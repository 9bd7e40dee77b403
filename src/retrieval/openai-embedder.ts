/**
 * `Embedder` over any OpenAI-compatible embeddings endpoint (OpenAI, Azure's
 * compatible route, vLLM, Ollama, LocalAI…), through the official `openai`
 * client. Texts go in batches; a failed batch is retried with exponential
 * backoff (rate limits and 5xx are routine during a full ingest).
 */
import type OpenAI from 'openai';
import pRetry, { AbortError } from 'p-retry';
import { z } from 'zod';
import type { Embedder } from '../archive/embedder.js';

export interface OpenAiEmbedderOptions {
  readonly model: string;
  readonly apiKey?: string;
  /** OPENAI_BASE_URL; the client's default when absent. */
  readonly baseURL?: string;
  /** Requested vector size (sent only when set: not every server accepts it). */
  readonly dimensions?: number;
  /** Texts per request. */
  readonly batchSize?: number;
  /** Retries per batch after the first attempt. */
  readonly retries?: number;
  /** First backoff delay in ms (doubles each retry). */
  readonly minBackoffMs?: number;
  readonly timeoutMs?: number;
  /** Test seam for the HTTP layer; the real `fetch` otherwise. */
  readonly fetch?: typeof fetch;
}

/** Only the fields we read (STYLE.md §2.5). */
const embeddingsReply = z.object({
  data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })),
});

/** True for errors worth retrying: timeouts, connection problems, 408/409/429 and 5xx. */
function isTransient(error: unknown, sdk: typeof import('openai')): boolean {
  if (error instanceof sdk.APIConnectionError) return true;
  if (error instanceof sdk.APIError) {
    const status = error.status ?? 0;
    return status === 408 || status === 409 || status === 429 || status >= 500;
  }
  return false;
}

/** Creates an embedder; no request is made until `embed` is called. */
export function createOpenAiEmbedder({
  model,
  apiKey,
  baseURL,
  dimensions,
  batchSize = 64,
  retries = 4,
  minBackoffMs = 500,
  timeoutMs = 60_000,
  fetch: fetchImpl,
}: OpenAiEmbedderOptions): Embedder {
  // The SDK is imported on the first batch, not when the embedder is built:
  // `ask` builds one at start and may be answered without embedding anything new.
  let connecting: Promise<{ sdk: typeof import('openai'); client: OpenAI }> | null = null;
  const connect = () =>
    (connecting ??= import('openai').then((sdk) => ({
      sdk,
      client: new sdk.default({
        apiKey: apiKey ?? 'not-needed',
        ...(baseURL ? { baseURL } : {}),
        // Retries are ours (backoff per batch), so the client's own are off.
        maxRetries: 0,
        timeout: timeoutMs,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
    })));
  let seenDimensions = dimensions ?? 0;

  async function embedBatch(input: string[]): Promise<number[][]> {
    const { sdk, client } = await connect();
    return pRetry(
      async () => {
        try {
          const reply = await client.embeddings.create({
            model,
            input,
            encoding_format: 'float',
            ...(dimensions ? { dimensions } : {}),
          });
          const { data } = embeddingsReply.parse(reply);
          if (data.length !== input.length)
            throw new AbortError(`embeddings: ${data.length} vectors for ${input.length} texts`);
          return [...data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
        } catch (error) {
          if (error instanceof AbortError || isTransient(error, sdk)) throw error;
          throw new AbortError(error instanceof Error ? error : String(error));
        }
      },
      { retries, minTimeout: minBackoffMs, factor: 2, randomize: true },
    );
  }

  return {
    get dimensions() {
      return seenDimensions;
    },
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        const vectors = await embedBatch(
          texts.slice(i, i + batchSize).map((t) => t.replace(/\s+/g, ' ').trim() || ' '),
        );
        out.push(...vectors);
      }
      if (out[0]) seenDimensions = out[0].length;
      return out;
    },
  };
}
