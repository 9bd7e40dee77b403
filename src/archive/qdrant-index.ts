/**
 * The production archive index on Qdrant. Same `ArchiveIndex` contract as
 * `SqliteIndex`, same analyzer: each passage carries a sparse `lexical` vector
 * (BM25 term frequencies; the collection's `idf` modifier supplies IDF) and,
 * with an embedder, a dense `dense` vector. Hybrid search runs inside Qdrant
 * (Query API: sparse + dense prefetch fused by RRF), with filters in the query.
 */
import type { QdrantClient, Schemas } from '@qdrant/js-client-rest';
import type { Logger } from '../logger.js';
import { DEFAULT_ANALYZER, type Analyzer } from './analyzer.js';
import { wholeLetterTerms } from './whole-letter-text.js';
import { analyseOnce, assertOneVectorPerPassage, documentFields } from './document-fields.js';
import type { Embedder } from './embedder.js';
import { DENSE_VECTOR, SPARSE_VECTOR } from './qdrant-collection.js';
import {
  META_POINT_ID,
  kindIs,
  letterPayload,
  letterPointId,
  passagePayload,
  passagePointId,
  readDigest,
  readLastSync,
  readLetter,
  readLetterTerms,
  readPassagePoint,
  searchConditions,
  type QdrantFilter,
} from './qdrant-payload.js';
import { mapBounded, withRetry, type RetryOptions } from './qdrant-retry.js';
import { documentVector, queryVector, type SparseVector } from './sparse-vector.js';
import type {
  ArchiveIndex,
  IndexStats,
  Letter,
  LetterDigest,
  Passage,
  SearchHit,
  SearchOptions,
  TermStats,
  UpsertOptions,
} from './types.js';

export interface QdrantIndexOptions {
  /** A configured client; tests point it at the loopback fake. */
  readonly client: QdrantClient;
  /** Alias (normally `QDRANT_COLLECTION`) or physical collection to read and write. */
  readonly collection: string;
  /** Term analyzer; the default one unless an experiment compares others. The collection's format stamp names it (`openQdrantIndex`). */
  readonly analyzer?: Analyzer;
  /** Adds the dense vector and hybrid search; the collection must have been created with its size. */
  readonly embedder?: Embedder;
  /** Points per upsert request. */
  readonly batchSize?: number;
  /** Upsert/embedding requests in flight at once for one letter. */
  readonly concurrency?: number;
  readonly retry?: RetryOptions;
  /** When set, search groups by letter in the engine and keeps at most this many passages per letter. */
  readonly maxPassagesPerLetter?: number;
  /** Candidates each prefetch contributes to fusion, as a multiple of `k`. */
  readonly prefetchFactor?: number;
  readonly logger?: Logger;
}

type PointStruct = Schemas['PointStruct'];
type ScoredPoint = Schemas['ScoredPoint'];

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `ArchiveIndex` on Qdrant. */
export class QdrantIndex implements ArchiveIndex {
  readonly #client: QdrantClient;
  readonly #collection: string;
  readonly #analyzer: Analyzer;
  readonly #embedder: Embedder | undefined;
  readonly #batchSize: number;
  readonly #concurrency: number;
  readonly #retry: RetryOptions;
  readonly #maxPerLetter: number | undefined;
  readonly #prefetchFactor: number;

  constructor({
    client,
    collection,
    analyzer = DEFAULT_ANALYZER,
    embedder,
    batchSize = 128,
    concurrency = 4,
    retry = {},
    maxPassagesPerLetter,
    prefetchFactor = 4,
    logger,
  }: QdrantIndexOptions) {
    this.#client = client;
    this.#collection = collection;
    analyzer.prepare();
    this.#analyzer = analyzer;
    this.#embedder = embedder;
    this.#batchSize = batchSize;
    this.#concurrency = concurrency;
    this.#maxPerLetter = maxPassagesPerLetter;
    this.#prefetchFactor = prefetchFactor;
    this.#retry = {
      ...retry,
      onRetry: (info) => {
        logger?.warn(
          { attempt: info.attempt, delayMs: Math.round(info.delayMs), err: info.error },
          'qdrant request failed, retrying',
        );
        retry.onRetry?.(info);
      },
    };
  }

  /** The collection or alias this index addresses. */
  get collection(): string {
    return this.#collection;
  }

  #call<T>(operation: (client: QdrantClient) => Promise<T>): Promise<T> {
    return withRetry(() => operation(this.#client), this.#retry);
  }

  async #upsert(points: PointStruct[]): Promise<void> {
    await this.#call((c) => c.upsert(this.#collection, { wait: true, points }));
  }

  /**
   * New passages are written first (deterministic ids overwrite the old ones in
   * place), then the letter point with the new content hash, then leftovers are
   * deleted. An interrupted upsert therefore leaves the old hash, and the next
   * sync redoes the letter. Given `vectors`, they are stored as the dense
   * vectors (nothing is embedded); without them the embedder, if any, embeds.
   * @throws {Error} when `vectors` does not hold one vector per passage.
   */
  async upsertLetter(
    letter: Letter,
    passages: readonly Passage[],
    { vectors }: UpsertOptions = {},
  ): Promise<void> {
    assertOneVectorPerPassage(letter, passages, vectors);
    const analyse = analyseOnce(this.#analyzer);
    const batches = chunk(
      passages.map((passage, i) => ({ passage, vector: vectors?.[i] })),
      this.#batchSize,
    );
    await mapBounded(batches, this.#concurrency, async (batch) => {
      const embedded =
        !vectors && this.#embedder
          ? await this.#embedder.embed(batch.map(({ passage }) => passage.text))
          : undefined;
      await this.#upsert(
        batch.map(({ passage, vector }, i) => {
          const fields = documentFields(letter, passage).map((field) => ({
            ...field,
            terms: analyse(field.text),
          }));
          const dense = vector ?? embedded?.[i];
          return {
            id: passagePointId(passage.id),
            vector: {
              [SPARSE_VECTOR]: documentVector(fields),
              ...(dense ? { [DENSE_VECTOR]: [...dense] } : {}),
            },
            payload: passagePayload({
              letter,
              passage,
              bodyTerms: analyse(passage.text),
              analyzer: this.#analyzer,
            }),
          };
        }),
      );
    });
    const letterTerms = wholeLetterTerms(letter, passages);
    await this.#upsert([
      {
        id: letterPointId(letter.id),
        vector: {},
        payload: letterPayload(letter, this.#analyzer, letterTerms),
      },
    ]);
    const keep = passages.map((p) => passagePointId(p.id));
    const leftovers: QdrantFilter = {
      must: [{ key: 'letter_id', match: { value: letter.id } }, kindIs('passage')],
      ...(keep.length ? { must_not: [{ has_id: keep }] } : {}),
    };
    await this.#call((c) => c.delete(this.#collection, { wait: true, filter: leftovers }));
  }

  async deleteLetter(id: string): Promise<void> {
    await this.#call((c) =>
      c.delete(this.#collection, {
        wait: true,
        filter: { must: [{ key: 'letter_id', match: { value: id } }] },
      }),
    );
  }

  /** Pages through a scroll until Qdrant reports no next offset. */
  async #scrollAll(filter: QdrantFilter, include: string[]): Promise<Schemas['Record'][]> {
    const records: Schemas['Record'][] = [];
    let offset: Schemas['ExtendedPointId'] | undefined;
    do {
      const page = await this.#call((c) =>
        c.scroll(this.#collection, {
          filter,
          limit: 1000,
          with_payload: { include },
          with_vector: false,
          ...(offset !== undefined ? { offset } : {}),
        }),
      );
      records.push(...page.points);
      const next = page.next_page_offset;
      offset = typeof next === 'string' || typeof next === 'number' ? next : undefined;
    } while (offset !== undefined);
    return records;
  }

  /** Reads only the three digest fields, so a sync on a second machine stays cheap at scale. */
  async listLetters(): Promise<LetterDigest[]> {
    const records = await this.#scrollAll({ must: [kindIs('letter')] }, [
      'letter_id',
      'file',
      'content_hash',
    ]);
    return records
      .map((r) => readDigest(r.payload))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  async search(query: string, { k, filter }: SearchOptions): Promise<SearchHit[]> {
    const must = searchConditions(filter, this.#analyzer);
    const sparse = queryVector(this.#analyzer.analyzeQuery(query));
    if (!must || k <= 0 || (sparse.indices.length === 0 && !this.#embedder)) return [];
    const qFilter: QdrantFilter = { must };
    const request = await this.#queryRequest(query, sparse, qFilter, k);
    const points = this.#maxPerLetter
      ? await this.#searchGrouped(request, k, this.#maxPerLetter)
      : (
          await this.#call((c) =>
            c.query(this.#collection, { ...request, limit: k, with_payload: true }),
          )
        ).points;
    return points.map((point) => ({ ...readPassagePoint(point.payload), score: point.score }));
  }

  /**
   * Lexical only: the sparse query itself, so scores stay BM25-like (as in SQLite).
   * With embeddings: both prefetches, each filtered, fused by RRF.
   */
  async #queryRequest(
    query: string,
    sparse: SparseVector,
    filter: QdrantFilter,
    k: number,
  ): Promise<Schemas['QueryRequest']> {
    if (!this.#embedder) return { query: sparse, using: SPARSE_VECTOR, filter };
    const [dense] = await this.#call(() => this.#embedder!.embed([query]));
    const limit = k * this.#prefetchFactor * (this.#maxPerLetter ? 2 : 1);
    const prefetch: Schemas['Prefetch'][] = [
      { query: dense ?? [], using: DENSE_VECTOR, filter, limit },
    ];
    if (sparse.indices.length)
      prefetch.unshift({ query: sparse, using: SPARSE_VECTOR, filter, limit });
    return { prefetch, query: { fusion: 'rrf' }, filter };
  }

  /** Groups by letter in the engine, so one long letter cannot fill all k slots. */
  async #searchGrouped(
    request: Schemas['QueryRequest'],
    k: number,
    perLetter: number,
  ): Promise<ScoredPoint[]> {
    const { groups } = await this.#call((c) =>
      c.queryGroups(this.#collection, {
        ...request,
        group_by: 'letter_id',
        group_size: perLetter,
        limit: k,
        with_payload: true,
      }),
    );
    return groups
      .flatMap((g) => g.hits)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  /**
   * Passages by cosine similarity to a query embedding, among those stored with
   * a dense vector; filters apply inside the query, as in `search`.
   */
  async searchByVector(
    vector: readonly number[],
    { k, filter }: SearchOptions,
  ): Promise<SearchHit[]> {
    const must = searchConditions(filter, this.#analyzer);
    if (!must || k <= 0) return [];
    const { points } = await this.#call((c) =>
      c.query(this.#collection, {
        query: [...vector],
        using: DENSE_VECTOR,
        filter: { must },
        limit: k,
        with_payload: true,
      }),
    );
    return points.map((point) => ({ ...readPassagePoint(point.payload), score: point.score }));
  }

  async letterTerms(letterIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
    const ids = [...new Set(letterIds)];
    const terms = new Map<string, readonly string[]>();
    if (ids.length === 0) return terms;
    const records = await this.#call((c) =>
      c.retrieve(this.#collection, {
        ids: ids.map(letterPointId),
        with_payload: { include: ['letter_terms'] },
      }),
    );
    for (const record of records) {
      const id = ids.find((i) => letterPointId(i) === record.id);
      const stored = readLetterTerms(record.payload);
      if (id !== undefined && stored !== undefined) terms.set(id, stored);
    }
    return terms;
  }

  async getLetter(id: string): Promise<Letter | null> {
    const [record] = await this.#call((c) =>
      c.retrieve(this.#collection, { ids: [letterPointId(id)], with_payload: true }),
    );
    return record ? readLetter(record.payload) : null;
  }

  async getPassages(letterId: string): Promise<Passage[]> {
    const filter: QdrantFilter = {
      must: [{ key: 'letter_id', match: { value: letterId } }, kindIs('passage')],
    };
    const records = await this.#scrollAll(filter, ['letter', 'passage']);
    return records
      .map((r) => readPassagePoint(r.payload).passage)
      .sort((a, b) => a.ordinal - b.ordinal);
  }

  /**
   * Stored as a vector-less `meta` point in the same collection: a rebuilt
   * collection starts with no sync time and gets its own when the rebuild
   * finishes, and the alias swap moves it together with the data.
   */
  async markSynced(at: Date): Promise<void> {
    await this.#upsert([
      { id: META_POINT_ID, vector: {}, payload: { kind: 'meta', last_sync: at.toISOString() } },
    ]);
  }

  async stats(): Promise<IndexStats> {
    const count = async (kind: 'letter' | 'passage') =>
      (
        await this.#call((c) =>
          c.count(this.#collection, { filter: { must: [kindIs(kind)] }, exact: true }),
        )
      ).count;
    const [letters, passages, meta] = await Promise.all([
      count('letter'),
      count('passage'),
      this.#call((c) => c.retrieve(this.#collection, { ids: [META_POINT_ID], with_payload: true })),
    ]);
    return {
      backend: 'qdrant',
      letters,
      passages,
      lastSync: meta[0] ? readLastSync(meta[0].payload) : null,
    };
  }

  /** Document frequencies by counting passages whose indexed `terms` hold each term (exact counts, in parallel). */
  async termStats(terms: readonly string[]): Promise<TermStats> {
    const unique = [...new Set(terms)];
    const countWhere = async (must: QdrantFilter['must']) =>
      (await this.#call((c) => c.count(this.#collection, { filter: { must }, exact: true }))).count;
    const [passages, ...counts] = await Promise.all([
      countWhere([kindIs('passage')]),
      ...unique.map((term) =>
        countWhere([kindIs('passage'), { key: 'terms', match: { value: term } }]),
      ),
    ]);
    return {
      passages: passages ?? 0,
      df: new Map(unique.map((term, i) => [term, counts[i] ?? 0])),
    };
  }

  /** The REST client holds no open resources that need releasing. */
  async close(): Promise<void> {}
}
