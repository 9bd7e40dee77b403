/**
 * Composition helper for `INDEX_BACKEND=qdrant`: builds the client from config,
 * makes sure the alias and collection exist, and returns the index. Only the
 * composition root (and the ingest CLI) call this; everything else receives an
 * `ArchiveIndex`.
 */
import { QdrantClient } from '@qdrant/js-client-rest';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Embedder } from '../retrieval/embedder.js';
import { collectionSettingsFromConfig, ensureCollection } from './qdrant-collection.js';
import { QdrantIndex, type QdrantIndexOptions } from './qdrant-index.js';

type QdrantConfig = Pick<
  Config,
  'QDRANT_URL' | 'QDRANT_API_KEY' | 'QDRANT_COLLECTION' | 'QDRANT_SHARD_NUMBER' | 'QDRANT_REPLICATION_FACTOR' | 'QDRANT_WRITE_CONSISTENCY_FACTOR'
>;

/**
 * A REST client for `QDRANT_URL`. The version check is off because the
 * client only warns on the console about it; `/healthz` reports the backend instead.
 * @throws {Error} when QDRANT_URL is missing.
 */
export function createQdrantClient(config: Pick<Config, 'QDRANT_URL' | 'QDRANT_API_KEY'>, timeoutMs = 60_000): QdrantClient {
  if (!config.QDRANT_URL) throw new Error('QDRANT_URL is required for the Qdrant backend');
  return new QdrantClient({
    url: config.QDRANT_URL,
    ...(config.QDRANT_API_KEY ? { apiKey: config.QDRANT_API_KEY } : {}),
    timeout: timeoutMs,
    checkCompatibility: false,
  });
}

export interface OpenQdrantIndexOptions {
  readonly config: QdrantConfig;
  /** Injected client (tests); built from config otherwise. */
  readonly client?: QdrantClient;
  readonly embedder?: Embedder;
  readonly logger?: Logger;
  readonly index?: Omit<QdrantIndexOptions, 'client' | 'collection' | 'embedder' | 'logger'>;
}

/** Opens the index on the `QDRANT_COLLECTION` alias, creating collection + alias on first use. */
export async function openQdrantIndex({ config, client, embedder, logger, index = {} }: OpenQdrantIndexOptions): Promise<QdrantIndex> {
  const qdrant = client ?? createQdrantClient(config);
  const settings = collectionSettingsFromConfig(config, embedder?.dimensions);
  await ensureCollection({ client: qdrant, ...(index.retry ? { retry: index.retry } : {}) }, { name: config.QDRANT_COLLECTION, settings });
  return new QdrantIndex({
    ...index,
    client: qdrant,
    collection: config.QDRANT_COLLECTION,
    ...(embedder ? { embedder } : {}),
    ...(logger ? { logger } : {}),
  });
}
