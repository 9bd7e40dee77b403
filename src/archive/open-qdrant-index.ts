/**
 * Composition helper for `INDEX_BACKEND=qdrant`: builds the client from config,
 * makes sure the alias and collection exist and hold this analyzer's format
 * (emptying them otherwise, as SQLite does), and returns the index. Only the
 * composition root (and the ingest CLI) call this; everything else receives an
 * `ArchiveIndex`.
 */
import { QdrantClient } from '@qdrant/js-client-rest';
import type { Config } from '../config.js';
import { IndexUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { DEFAULT_ANALYZER } from './analyzer.js';
import { indexFormat } from './document-fields.js';
import type { Embedder } from './embedder.js';
import {
  collectionSettingsFromConfig,
  ensureCollection,
  type QdrantAccess,
} from './qdrant-collection.js';
import { resetIfFormatChanged } from './qdrant-index-format.js';
import { QdrantIndex, type QdrantIndexOptions } from './qdrant-index.js';

type QdrantConfig = Pick<
  Config,
  | 'QDRANT_URL'
  | 'QDRANT_API_KEY'
  | 'QDRANT_COLLECTION'
  | 'QDRANT_SHARD_NUMBER'
  | 'QDRANT_REPLICATION_FACTOR'
  | 'QDRANT_WRITE_CONSISTENCY_FACTOR'
>;

/**
 * A REST client for `QDRANT_URL`. The version check is off because the
 * client only warns on the console about it; `/healthz` reports the backend instead.
 * @throws {Error} when QDRANT_URL is missing.
 */
export function createQdrantClient(
  config: Pick<Config, 'QDRANT_URL' | 'QDRANT_API_KEY'>,
  timeoutMs = 60_000,
): QdrantClient {
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

/**
 * Opens the index on the `QDRANT_COLLECTION` alias, creating collection + alias
 * on first use. A collection stamped with another index format (another
 * analyzer or field layout, or none) is emptied first, so the next `ingest`
 * re-adds every letter instead of keeping stale terms.
 */
export async function openQdrantIndex({
  config,
  client,
  embedder,
  logger,
  index = {},
}: OpenQdrantIndexOptions): Promise<QdrantIndex> {
  const qdrant = client ?? createQdrantClient(config);
  const settings = collectionSettingsFromConfig(config, embedder?.dimensions);
  const access: QdrantAccess = { client: qdrant, ...(index.retry ? { retry: index.retry } : {}) };
  const format = indexFormat(index.analyzer ?? DEFAULT_ANALYZER);
  try {
    await ensureCollection(access, { name: config.QDRANT_COLLECTION, settings, format });
    await resetIfFormatChanged(access, {
      name: config.QDRANT_COLLECTION,
      format,
      ...(logger ? { logger } : {}),
    });
  } catch (error) {
    // The operator must learn which service and address failed, not just `fetch failed`.
    if (error instanceof IndexUnavailableError) {
      const cause =
        error.cause instanceof Error
          ? error.cause.cause instanceof Error
            ? `${error.cause.message} (${error.cause.cause.message})`
            : error.cause.message
          : error.message;
      throw new IndexUnavailableError(
        `Qdrant at ${config.QDRANT_URL ?? '?'} is unreachable (${cause}): check that it runs and that QDRANT_URL points to it`,
        { cause: error },
      );
    }
    throw error;
  }
  return new QdrantIndex({
    ...index,
    client: qdrant,
    collection: config.QDRANT_COLLECTION,
    ...(embedder ? { embedder } : {}),
    ...(logger ? { logger } : {}),
  });
}
