/**
 * In-memory Qdrant state for the fake server: collections with named dense and
 * sparse vectors, aliases, payload indexes, points, snapshots, and the Query
 * API subset the adapter uses (sparse/dense queries, prefetch + RRF, filters,
 * grouping). Input shapes were already validated against the spec.
 */
import {
  FakeQdrantError,
  byScore,
  compareIds,
  filterHolds,
  fuseRrf,
  scoreDense,
  scoreSparse,
  selectPayload,
  unsupported,
  type Payload,
  type PointId,
  type Scored,
  type SparseVec,
  type StoredPoint,
} from './qdrant-scoring.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Qdrant's JSON bodies, already checked against its OpenAPI spec
type Obj = Record<string, any>;

interface Collection {
  readonly name: string;
  readonly dense: Map<string, { size: number; distance: string }>;
  readonly sparse: Map<string, { modifier?: string | null }>;
  readonly points: Map<string, StoredPoint>;
  readonly indexes: Map<string, unknown>;
  readonly config: Obj;
  version: number;
}

const key = (id: PointId) => `${typeof id}:${id}`;

/** The fake's whole state. Each test server starts empty. */
export class QdrantMemory {
  readonly collections = new Map<string, Collection>();
  readonly aliases = new Map<string, string>();
  #snapshotCounter = 0;

  /** Collection by name or alias, as Qdrant resolves it. @throws 404 when neither exists. */
  get(name: string): Collection {
    const found = this.collections.get(this.aliases.get(name) ?? name);
    if (!found) throw new FakeQdrantError(404, `Not found: Collection \`${name}\` doesn't exist!`);
    return found;
  }

  createCollection(name: string, body: Obj): boolean {
    if (this.collections.has(name) || this.aliases.has(name)) {
      throw new FakeQdrantError(409, `Wrong input: Collection \`${name}\` already exists!`);
    }
    const vectors: Obj = body.vectors ?? {};
    if ('size' in vectors) throw unsupported('an unnamed default vector');
    this.collections.set(name, {
      name,
      dense: new Map(Object.entries(vectors)),
      sparse: new Map(Object.entries(body.sparse_vectors ?? {})),
      points: new Map(),
      indexes: new Map(),
      config: body,
      version: 0,
    });
    return true;
  }

  /** The parts of Qdrant's collection info the spec requires, plus the stored config and metadata. */
  collectionInfo(name: string): Obj {
    const c = this.get(name);
    return {
      status: 'green',
      optimizer_status: 'ok',
      segments_count: 1,
      points_count: c.points.size,
      payload_schema: Object.fromEntries(
        [...c.indexes].map(([field, type]) => [field, { data_type: type, points: 0 }]),
      ),
      config: {
        params: {
          ...(c.dense.size ? { vectors: Object.fromEntries(c.dense) } : {}),
          ...(c.sparse.size ? { sparse_vectors: Object.fromEntries(c.sparse) } : {}),
        },
        hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000 },
        optimizer_config: { default_segment_number: 0, flush_interval_sec: 5 },
        ...(c.config.metadata ? { metadata: c.config.metadata } : {}),
      },
    };
  }

  /** Only metadata updates (merged into the existing metadata, as Qdrant does). */
  updateCollection(name: string, body: Obj): boolean {
    const c = this.get(name);
    const other = Object.keys(body).filter((k) => k !== 'metadata');
    if (other.length) throw unsupported(`collection updates of ${other.join()}`);
    c.config.metadata = { ...(c.config.metadata ?? {}), ...body.metadata };
    return true;
  }

  deleteCollection(name: string): boolean {
    const existed = this.collections.delete(name);
    for (const [alias, target] of this.aliases) if (target === name) this.aliases.delete(alias);
    return existed;
  }

  /** Applies alias actions all-or-nothing, like Qdrant's single `update_aliases` operation. */
  updateAliases(actions: Obj[]): boolean {
    const next = new Map(this.aliases);
    for (const action of actions) {
      if (action.create_alias) {
        const { alias_name, collection_name } = action.create_alias;
        if (!this.collections.has(collection_name))
          throw new FakeQdrantError(404, `Collection \`${collection_name}\` doesn't exist!`);
        if (this.collections.has(alias_name))
          throw new FakeQdrantError(409, `Collection \`${alias_name}\` already exists!`);
        next.set(alias_name, collection_name);
      } else if (action.delete_alias) {
        if (!next.delete(action.delete_alias.alias_name))
          throw new FakeQdrantError(404, `Alias ${action.delete_alias.alias_name} does not exist`);
      } else {
        throw unsupported(`alias action ${Object.keys(action).join()}`);
      }
    }
    this.aliases.clear();
    for (const [a, c] of next) this.aliases.set(a, c);
    return true;
  }

  createIndex(name: string, body: Obj): Obj {
    const c = this.get(name);
    c.indexes.set(body.field_name, body.field_schema);
    return { operation_id: ++c.version, status: 'completed' };
  }

  #checkVectors(c: Collection, vectors: Obj): void {
    if (Array.isArray(vectors)) throw unsupported('unnamed vectors');
    for (const [name, v] of Object.entries(vectors)) {
      const dense = c.dense.get(name);
      if (dense) {
        if (!Array.isArray(v) || v.length !== dense.size)
          throw new FakeQdrantError(
            400,
            `Wrong input: Vector dimension error: expected dim: ${dense.size}`,
          );
      } else if (c.sparse.has(name)) {
        const s = v as SparseVec;
        if (s.indices.length !== s.values.length || new Set(s.indices).size !== s.indices.length) {
          throw new FakeQdrantError(
            400,
            'Wrong input: sparse vector indices must be unique and match values',
          );
        }
      } else {
        throw new FakeQdrantError(400, `Wrong input: Not existing vector name error: ${name}`);
      }
    }
  }

  upsert(name: string, body: Obj): Obj {
    const c = this.get(name);
    if (!Array.isArray(body.points)) throw unsupported('batch-format upserts');
    for (const p of body.points) this.#checkVectors(c, p.vector);
    const version = ++c.version;
    for (const p of body.points)
      c.points.set(key(p.id), { id: p.id, payload: p.payload ?? {}, vectors: p.vector, version });
    return { operation_id: version, status: 'completed' };
  }

  deletePoints(name: string, body: Obj): Obj {
    const c = this.get(name);
    const doomed = body.points
      ? body.points.map(key)
      : [...c.points.entries()].filter(([, p]) => filterHolds(p, body.filter)).map(([k]) => k);
    for (const k of doomed) c.points.delete(k);
    return { operation_id: ++c.version, status: 'completed' };
  }

  retrieve(name: string, body: Obj): Obj[] {
    const c = this.get(name);
    return (body.ids as PointId[]).flatMap((id) => {
      const p = c.points.get(key(id));
      return p ? [this.#record(p, body.with_payload ?? true)] : [];
    });
  }

  #record(p: StoredPoint, withPayload: unknown): Obj {
    const payload = selectPayload(p.payload, withPayload);
    return { id: p.id, ...(payload ? { payload } : {}) };
  }

  scroll(name: string, body: Obj): Obj {
    const c = this.get(name);
    if (body.order_by) throw unsupported('scroll order_by');
    const limit = body.limit ?? 10;
    const sorted = [...c.points.values()]
      .filter((p) => filterHolds(p, body.filter))
      .sort((a, b) => compareIds(a.id, b.id));
    const start =
      body.offset === undefined || body.offset === null
        ? 0
        : sorted.findIndex((p) => compareIds(p.id, body.offset) >= 0);
    const page = start < 0 ? [] : sorted.slice(start, start + limit);
    const next = start < 0 ? undefined : sorted[start + limit];
    return {
      points: page.map((p) => this.#record(p, body.with_payload ?? true)),
      next_page_offset: next ? next.id : null,
    };
  }

  count(name: string, body: Obj): Obj {
    const c = this.get(name);
    return { count: [...c.points.values()].filter((p) => filterHolds(p, body.filter)).length };
  }

  /** Runs one (possibly nested) query; returns every match, best first. */
  #run(c: Collection, req: Obj): Scored[] {
    const candidates = [...c.points.values()].filter((p) => filterHolds(p, req.filter));
    let scored: Scored[];
    const prefetch: Obj[] = req.prefetch
      ? Array.isArray(req.prefetch)
        ? req.prefetch
        : [req.prefetch]
      : [];
    if (prefetch.length) {
      const lists = prefetch.map((pf) => this.#run(c, pf).slice(0, pf.limit ?? 10));
      const allowed = new Set(candidates.map((p) => key(p.id)));
      if (req.query?.fusion === 'rrf') scored = fuseRrf(lists);
      else throw unsupported(`query over prefetch ${JSON.stringify(req.query)}`);
      scored = scored.filter((s) => allowed.has(key(s.point.id)));
    } else {
      scored = this.#score(c, candidates, req.query, req.using);
    }
    return scored
      .filter((s) => req.score_threshold === undefined || s.score >= req.score_threshold)
      .sort(byScore);
  }

  #score(
    c: Collection,
    points: StoredPoint[],
    query: unknown,
    using: string | undefined,
  ): Scored[] {
    const vector =
      query && typeof query === 'object' && 'nearest' in query ? (query as Obj).nearest : query;
    if (vector === undefined || vector === null)
      return points.map((point) => ({ point, score: 0 }));
    if (!using) throw unsupported('queries without `using` (no default vector)');
    if (Array.isArray(vector)) {
      if (!c.dense.has(using))
        throw new FakeQdrantError(400, `Wrong input: Not existing vector name error: ${using}`);
      return scoreDense(points, using, vector);
    }
    const sparse = c.sparse.get(using);
    if (!sparse || typeof vector !== 'object' || !('indices' in vector))
      throw unsupported(`query ${JSON.stringify(query)}`);
    return scoreSparse(
      points,
      [...c.points.values()],
      using,
      vector as SparseVec,
      sparse.modifier === 'idf',
    );
  }

  #scoredPoint(s: Scored, withPayload: unknown): Obj {
    const payload = selectPayload(s.point.payload, withPayload ?? false);
    return {
      id: s.point.id,
      version: s.point.version,
      score: s.score,
      ...(payload ? { payload } : {}),
    };
  }

  query(name: string, body: Obj): Obj {
    const offset = body.offset ?? 0;
    const hits = this.#run(this.get(name), body).slice(offset, offset + (body.limit ?? 10));
    return { points: hits.map((s) => this.#scoredPoint(s, body.with_payload)) };
  }

  queryGroups(name: string, body: Obj): Obj {
    const groups = new Map<unknown, Scored[]>();
    for (const s of this.#run(this.get(name), body)) {
      const value = s.point.payload[body.group_by];
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const hits = groups.get(value) ?? [];
      if (!groups.has(value) && groups.size >= (body.limit ?? 10)) continue;
      if (hits.length < (body.group_size ?? 3)) hits.push(s);
      groups.set(value, hits);
    }
    return {
      groups: [...groups].map(([id, hits]) => ({
        id,
        hits: hits.map((s) => this.#scoredPoint(s, body.with_payload)),
      })),
    };
  }

  createSnapshot(name: string, now: Date): Obj {
    const c = this.get(name);
    const stamp = now.toISOString().slice(0, 19);
    const size = JSON.stringify([...c.points.values()]).length;
    this.#snapshotCounter += 1;
    return {
      name: `${c.name}-${this.#snapshotCounter}-${stamp.replace(/[:T]/g, '-')}.snapshot`,
      creation_time: stamp,
      size,
      checksum: null,
    };
  }
}

export type { Payload };
