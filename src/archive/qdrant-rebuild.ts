/**
 * Zero-downtime full rebuild (`kancelaria ingest --full` on Qdrant): fill a
 * brand-new collection while the bot keeps reading the old one through the
 * alias, then swap the alias in one atomic call and drop the old collection.
 */
import type { Logger } from '../logger.js';
import { DEFAULT_ANALYZER } from './analyzer.js';
import { indexFormat } from './document-fields.js';
import {
  createCollection,
  isPlainCollection,
  physicalCollectionName,
  switchAlias,
  type CollectionSettings,
  type QdrantAccess,
} from './qdrant-collection.js';
import { QdrantIndex, type QdrantIndexOptions } from './qdrant-index.js';
import { withRetry } from './qdrant-retry.js';

export interface BeginRebuildOptions extends QdrantAccess {
  /** The alias readers use (`QDRANT_COLLECTION`). */
  readonly alias: string;
  readonly settings: CollectionSettings;
  /** Index options for the writer (embedder, batch size, concurrency…). */
  readonly index?: Omit<QdrantIndexOptions, 'client' | 'collection' | 'retry' | 'logger'>;
  readonly now?: () => Date;
  readonly logger?: Logger;
}

export interface CommitRebuildResult {
  /** The collection the alias now points at. */
  readonly collection: string;
  /** The collection it pointed at before (now deleted), if any. */
  readonly previous: string | null;
}

/** A rebuild in progress: write through `index`, then `commit()` or `abort()`. */
export interface Rebuild {
  /** The new physical collection being filled. */
  readonly collection: string;
  /** Writes (and reads) the new collection only; readers on the alias do not see it yet. */
  readonly index: QdrantIndex;
  /**
   * Swaps the alias to the new collection atomically, then drops the old one.
   * Call after the last `upsertLetter` and `markSynced`.
   */
  commit(): Promise<CommitRebuildResult>;
  /** Drops the new collection; the alias and the old data are untouched. */
  abort(): Promise<void>;
}

/**
 * Creates `<alias>_<timestamp>` with the given settings, payload indexes and
 * the writer's index-format stamp, and returns a writer for it.
 * @throws when Qdrant refuses to create the collection (after retries).
 */
export async function beginRebuild({
  client,
  retry,
  alias,
  settings,
  index: indexOptions = {},
  now = () => new Date(),
  logger,
}: BeginRebuildOptions): Promise<Rebuild> {
  const access: QdrantAccess = { client, ...(retry ? { retry } : {}) };
  const collection = physicalCollectionName(alias, now());
  await createCollection(
    access,
    collection,
    settings,
    indexFormat(indexOptions.analyzer ?? DEFAULT_ANALYZER),
  );
  logger?.info({ alias, collection }, 'qdrant rebuild started');
  const index = new QdrantIndex({
    ...indexOptions,
    client,
    collection,
    ...(retry ? { retry } : {}),
    ...(logger ? { logger } : {}),
  });
  let isDone = false;
  const finish = () => {
    if (isDone) throw new Error(`rebuild of ${collection} already committed or aborted`);
    isDone = true;
  };
  return {
    collection,
    index,
    async commit() {
      finish();
      if (await isPlainCollection(access, alias)) {
        // A plain collection named like the alias (set up by hand before aliases): an alias cannot
        // share its name, so it must go first. The only case with a short gap; logged loudly.
        logger?.warn(
          { alias },
          'replacing a plain collection with an alias: reads fail until the alias exists',
        );
        await withRetry(() => client.deleteCollection(alias), retry);
      }
      const previous = await switchAlias(access, alias, collection);
      if (previous && previous !== collection)
        await withRetry(() => client.deleteCollection(previous), retry);
      logger?.info({ alias, collection, previous }, 'qdrant rebuild committed');
      return { collection, previous };
    },
    async abort() {
      finish();
      await withRetry(() => client.deleteCollection(collection), retry);
      logger?.info({ alias, collection }, 'qdrant rebuild aborted');
    },
  };
}
