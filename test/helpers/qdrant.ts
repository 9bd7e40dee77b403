/** Shared set-up for Qdrant tests: a client on a URL and the config slice the index reads. */
import { QdrantClient } from '@qdrant/js-client-rest';
import type { RetryOptions } from '../../src/archive/qdrant-retry.js';
import type { Embedder } from '../../src/archive/embedder.js';

/** A client without the version probe, so request logs hold only what the adapter sends. */
export function qdrantClient(url: string, apiKey?: string): QdrantClient {
  return new QdrantClient({
    url,
    ...(apiKey ? { apiKey } : {}),
    checkCompatibility: false,
    timeout: 10_000,
  });
}

/** The Qdrant part of Config for a test collection. */
export function qdrantConfig(url: string, collection: string) {
  return {
    QDRANT_URL: url,
    QDRANT_API_KEY: undefined,
    QDRANT_COLLECTION: collection,
    QDRANT_SHARD_NUMBER: 1,
    QDRANT_REPLICATION_FACTOR: 1,
    QDRANT_WRITE_CONSISTENCY_FACTOR: 1,
  };
}

/** Retries without real waiting; `delays` records each back-off. */
export function instantRetry(delays: number[] = []): RetryOptions {
  return { retries: 4, sleep: async (ms) => void delays.push(ms), random: () => 1 };
}

/** A deterministic bag-of-letters embedder: enough structure for cosine to prefer similar texts. */
export function letterEmbedder(dimensions = 16): Embedder & { calls: number } {
  const embedder = {
    dimensions,
    calls: 0,
    async embed(texts: readonly string[]) {
      embedder.calls += 1;
      return texts.map((text) => {
        const v = new Array<number>(dimensions).fill(0);
        for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % dimensions]! += 1;
        return v;
      });
    },
  };
  return embedder;
}
