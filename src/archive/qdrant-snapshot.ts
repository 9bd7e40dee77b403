/**
 * Backups of the Qdrant side (`kancelaria snapshot`). Qdrant writes the
 * snapshot file on its own disk (under its snapshots directory); we ask for it
 * and report where to download it. The SQLite state store is copied by the CLI.
 */
import { resolveAlias, type QdrantAccess } from './qdrant-collection.js';
import { withRetry } from './qdrant-retry.js';

export interface CreateSnapshotOptions extends QdrantAccess {
  /** Alias or collection; an alias is resolved so the snapshot names the real collection. */
  readonly collection: string;
}

export interface CreateSnapshotResult {
  /** The physical collection that was snapshotted. */
  readonly collection: string;
  /** Snapshot file name on the Qdrant node. */
  readonly name: string;
  readonly sizeBytes: number;
  readonly createdAt: string | null;
  readonly checksum: string | null;
  /** Path (relative to QDRANT_URL) to download it with the API key: `GET {QDRANT_URL}{downloadPath}`. */
  readonly downloadPath: string;
}

/**
 * Asks Qdrant for a collection snapshot and waits until it is written.
 * In a cluster, Qdrant snapshots the shards held by the node that answers;
 * docs/deploy.md explains taking one per node.
 * @throws when Qdrant refuses (after retries) or returns no description.
 */
export async function createSnapshot({
  client,
  retry,
  collection,
}: CreateSnapshotOptions): Promise<CreateSnapshotResult> {
  const target =
    (await resolveAlias({ client, ...(retry ? { retry } : {}) }, collection)) ?? collection;
  const snapshot = await withRetry(() => client.createSnapshot(target, { wait: true }), retry);
  if (!snapshot) throw new Error(`Qdrant returned no snapshot description for ${target}`);
  return {
    collection: target,
    name: snapshot.name,
    sizeBytes: snapshot.size,
    createdAt: snapshot.creation_time ?? null,
    checksum: snapshot.checksum ?? null,
    downloadPath: `/collections/${encodeURIComponent(target)}/snapshots/${encodeURIComponent(snapshot.name)}`,
  };
}
