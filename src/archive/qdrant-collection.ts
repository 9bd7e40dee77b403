/**
 * Collection and alias management. Readers always address the alias (the
 * configured `QDRANT_COLLECTION`), which points at a physical collection named
 * `<alias>_<timestamp>`. That indirection is what lets a full rebuild fill a
 * fresh collection and swap it in with one atomic alias operation.
 */
import type { QdrantClient, Schemas } from '@qdrant/js-client-rest';
import type { Config } from '../config.js';
import { PAYLOAD_INDEXES } from './qdrant-payload.js';
import { withRetry, type RetryOptions } from './qdrant-retry.js';

/** Name of the sparse (lexical, BM25 via `idf`) vector. */
export const SPARSE_VECTOR = 'lexical';
/** Name of the optional dense (embeddings) vector. */
export const DENSE_VECTOR = 'dense';
/** Key of the index-format stamp (`indexFormat(analyzer)`) in the collection's metadata. */
export const FORMAT_METADATA_KEY = 'kancelaria_index_format';

/** How a new physical collection is laid out across a cluster, and its vectors. */
export interface CollectionSettings {
  /** Shards the points are spread over; more shards = more nodes share the load. Default 1. */
  readonly shardNumber?: number;
  /** Copies of each shard; >1 survives a node loss and spreads reads. Default 1. */
  readonly replicationFactor?: number;
  /** Replicas that must confirm a write before it succeeds. Default 1. */
  readonly writeConsistencyFactor?: number;
  /** Size of the dense vector; omit for a lexical-only collection. */
  readonly denseDimensions?: number;
}

/** The Qdrant connection plus the retry policy every call uses. */
export interface QdrantAccess {
  readonly client: QdrantClient;
  readonly retry?: RetryOptions;
}

/** Reads the scale-out settings from config; the dense size comes from the embedder when there is one. */
export function collectionSettingsFromConfig(
  config: Pick<
    Config,
    'QDRANT_SHARD_NUMBER' | 'QDRANT_REPLICATION_FACTOR' | 'QDRANT_WRITE_CONSISTENCY_FACTOR'
  >,
  denseDimensions?: number,
): CollectionSettings {
  return {
    shardNumber: config.QDRANT_SHARD_NUMBER,
    replicationFactor: config.QDRANT_REPLICATION_FACTOR,
    writeConsistencyFactor: config.QDRANT_WRITE_CONSISTENCY_FACTOR,
    ...(denseDimensions ? { denseDimensions } : {}),
  };
}

/** `<alias>_<UTC timestamp to the millisecond>`: sortable, and unique per rebuild. */
export function physicalCollectionName(alias: string, at: Date): string {
  return `${alias}_${at.toISOString().replace(/[-:.TZ]/g, '')}`;
}

/** Creates every payload index; Qdrant answers an existing index with success, so this is safe to repeat. */
export async function createPayloadIndexes(
  { client, retry }: QdrantAccess,
  name: string,
): Promise<void> {
  for (const [field, type] of Object.entries(PAYLOAD_INDEXES)) {
    await withRetry(
      () => client.createPayloadIndex(name, { field_name: field, field_schema: type, wait: true }),
      retry,
    );
  }
}

/**
 * Creates a physical collection with the sparse (+ dense) vectors, the
 * cluster settings, the index-format stamp in its metadata, and every payload
 * index. Indexes are created up front, before any point, so Qdrant builds them
 * incrementally instead of re-indexing.
 */
export async function createCollection(
  access: QdrantAccess,
  name: string,
  {
    shardNumber = 1,
    replicationFactor = 1,
    writeConsistencyFactor = 1,
    denseDimensions,
  }: CollectionSettings,
  format: string,
): Promise<void> {
  const { client, retry } = access;
  const body: Schemas['CreateCollection'] = {
    sparse_vectors: { [SPARSE_VECTOR]: { modifier: 'idf' } },
    shard_number: shardNumber,
    replication_factor: replicationFactor,
    write_consistency_factor: writeConsistencyFactor,
    ...(denseDimensions
      ? { vectors: { [DENSE_VECTOR]: { size: denseDimensions, distance: 'Cosine' } } }
      : {}),
    metadata: { [FORMAT_METADATA_KEY]: format },
  };
  // The generated API, not `client.createCollection`: the 1.18 client's wrapper drops `metadata` from the body.
  await withRetry(() => client.api().createCollection({ collection_name: name, ...body }), retry);
  await createPayloadIndexes(access, name);
}

/** The collection an alias points at, or `null` when no such alias exists. */
export async function resolveAlias(
  { client, retry }: QdrantAccess,
  alias: string,
): Promise<string | null> {
  const { aliases } = await withRetry(() => client.getAliases(), retry);
  return aliases.find((a) => a.alias_name === alias)?.collection_name ?? null;
}

/**
 * True when `name` is a real collection, not an alias. Uses the collection list
 * (which never contains aliases) because name-based endpoints resolve aliases.
 */
export async function isPlainCollection(
  { client, retry }: QdrantAccess,
  name: string,
): Promise<boolean> {
  const { collections } = await withRetry(() => client.getCollections(), retry);
  return collections.some((c) => c.name === name);
}

export interface EnsureCollectionOptions {
  /** The name readers use (`QDRANT_COLLECTION`). */
  readonly name: string;
  readonly settings: CollectionSettings;
  /** Index-format stamp a new collection gets (`indexFormat(analyzer)`). */
  readonly format: string;
  readonly now?: () => Date;
}

/**
 * Makes sure `name` can be read and written: an existing alias or collection is
 * used as it is; otherwise a physical collection is created and `name` becomes
 * its alias, so the first full rebuild can already swap without downtime.
 * @returns the physical collection behind `name`.
 */
export async function ensureCollection(
  access: QdrantAccess,
  { name, settings, format, now = () => new Date() }: EnsureCollectionOptions,
): Promise<string> {
  const target = await resolveAlias(access, name);
  if (target) return target;
  if (await isPlainCollection(access, name)) return name;
  const physical = physicalCollectionName(name, now());
  await createCollection(access, physical, settings, format);
  await withRetry(
    () =>
      access.client.updateCollectionAliases({
        actions: [{ create_alias: { alias_name: name, collection_name: physical } }],
      }),
    access.retry,
  );
  return physical;
}

/**
 * Points `alias` at `collection` in one `update_aliases` call (delete + create
 * are applied atomically by Qdrant, so readers never find the alias missing).
 * @returns the collection the alias pointed at before, if any.
 */
export async function switchAlias(
  access: QdrantAccess,
  alias: string,
  collection: string,
): Promise<string | null> {
  const previous = await resolveAlias(access, alias);
  const actions: Schemas['AliasOperations'][] = [];
  if (previous) actions.push({ delete_alias: { alias_name: alias } });
  actions.push({ create_alias: { alias_name: alias, collection_name: collection } });
  await withRetry(() => access.client.updateCollectionAliases({ actions }), access.retry);
  return previous;
}
