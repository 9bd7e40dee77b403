/**
 * The index-format record of a Qdrant collection, kept in the collection's
 * metadata (Qdrant ≥ 1.16): the same rule as SQLite's `meta` table. Terms
 * stored by another analyzer (or another field layout) would never match this
 * one's queries, and an unchanged archive looks up to date by content hash,
 * so without the record `ingest` would silently keep the stale terms.
 */
import { z } from 'zod';
import type { Logger } from '../logger.js';
import {
  FORMAT_METADATA_KEY,
  createPayloadIndexes,
  type QdrantAccess,
} from './qdrant-collection.js';
import { withRetry } from './qdrant-retry.js';

// Only the field we read; a collection made by hand has no metadata at all.
const collectionInfoSchema = z.object({
  config: z.object({ metadata: z.record(z.string(), z.unknown()).nullish() }),
});

/** The format stamp of a collection (or alias), or `null` when it has none (made by hand, or before the stamp existed). */
export async function readIndexFormat(
  { client, retry }: QdrantAccess,
  name: string,
): Promise<string | null> {
  const info = collectionInfoSchema.parse(await withRetry(() => client.getCollection(name), retry));
  const stored = info.config.metadata?.[FORMAT_METADATA_KEY];
  return typeof stored === 'string' ? stored : null;
}

export interface ResetIfFormatChangedOptions {
  /** Alias or collection to check. */
  readonly name: string;
  /** The format this process writes and reads (`indexFormat(analyzer)`). */
  readonly format: string;
  readonly logger?: Logger;
}

/**
 * Empties a collection stamped with another format (or with none), re-creates
 * its payload indexes and stamps it with `format`, so the next `ingest` re-adds
 * every letter. Points are deleted before the stamp is written: an interrupted
 * reset is redone on the next open, never left half-stale.
 * @returns true when the collection was emptied.
 */
export async function resetIfFormatChanged(
  access: QdrantAccess,
  { name, format, logger }: ResetIfFormatChangedOptions,
): Promise<boolean> {
  const stored = await readIndexFormat(access, name);
  if (stored === format) return false;
  logger?.warn(
    { collection: name, stored, format },
    'qdrant index written in another format: emptied, the next ingest re-adds every letter',
  );
  // An empty filter matches every point: passages, letters and the sync record.
  await withRetry(() => access.client.delete(name, { wait: true, filter: {} }), access.retry);
  await createPayloadIndexes(access, name);
  await withRetry(
    () => access.client.updateCollection(name, { metadata: { [FORMAT_METADATA_KEY]: format } }),
    access.retry,
  );
  return true;
}
