/**
 * Filter evaluation and scoring for the in-memory Qdrant fake, following
 * Qdrant's documented semantics: sparse scores are dot products, with the `idf`
 * modifier multiplying each query term by ln(1 + (N - n + 0.5) / (n + 0.5));
 * dense scores are cosine; RRF sums 1 / (k + rank) with Qdrant's default k = 2.
 * Anything the fake does not implement throws, so a test cannot pass by accident.
 */

export type PointId = string | number;
export type Payload = Record<string, unknown>;
export interface SparseVec {
  readonly indices: number[];
  readonly values: number[];
}
export interface StoredPoint {
  readonly id: PointId;
  readonly payload: Payload;
  readonly vectors: Record<string, number[] | SparseVec>;
  readonly version: number;
}
export interface Scored {
  readonly point: StoredPoint;
  readonly score: number;
}

/** Thrown for requests Qdrant would answer with an error; carries the HTTP status. */
export class FakeQdrantError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const unsupported = (what: string) =>
  new FakeQdrantError(501, `fake Qdrant does not implement ${what}`);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

function valuesAt(payload: Payload, key: string): unknown[] | undefined {
  let value: unknown = payload;
  for (const part of key.split('.')) {
    if (!isObj(value) || !(part in value)) return undefined;
    value = value[part];
  }
  return Array.isArray(value) ? value : [value];
}

function rangeHolds(range: Obj, value: unknown): boolean {
  const asNumber = (v: unknown) =>
    typeof v === 'string' ? Date.parse(v) : typeof v === 'number' ? v : NaN;
  const x = asNumber(value);
  if (Number.isNaN(x)) return false;
  const bound = (k: string) =>
    range[k] === undefined || range[k] === null ? undefined : asNumber(range[k]);
  const [lt, gt, lte, gte] = ['lt', 'gt', 'lte', 'gte'].map(bound);
  return (
    (lt === undefined || x < lt) &&
    (gt === undefined || x > gt) &&
    (lte === undefined || x <= lte) &&
    (gte === undefined || x >= gte)
  );
}

function conditionHolds(point: StoredPoint, condition: unknown): boolean {
  if (!isObj(condition)) throw unsupported('non-object conditions');
  if ('must' in condition || 'should' in condition || 'must_not' in condition)
    return filterHolds(point, condition);
  if ('has_id' in condition) return list(condition.has_id).includes(point.id);
  if ('is_null' in condition && isObj(condition.is_null)) {
    const values = valuesAt(point.payload, String(condition.is_null.key));
    return values !== undefined && values.length === 1 && values[0] === null;
  }
  if ('is_empty' in condition && isObj(condition.is_empty)) {
    const values = valuesAt(point.payload, String(condition.is_empty.key));
    return values === undefined || values.every((v) => v === null);
  }
  if (typeof condition.key !== 'string')
    throw unsupported(`condition ${JSON.stringify(condition)}`);
  const values: unknown[] = (valuesAt(point.payload, condition.key) ?? []).filter(
    (v) => v !== null,
  );
  if (isObj(condition.match)) {
    const m = condition.match;
    if ('value' in m) return values.includes(m.value);
    if ('any' in m) return values.some((v) => list(m.any).includes(v));
    if ('except' in m) return values.length > 0 && values.every((v) => !list(m.except).includes(v));
    throw unsupported(`match ${JSON.stringify(m)}`);
  }
  if (isObj(condition.range)) return values.some((v) => rangeHolds(condition.range as Obj, v));
  throw unsupported(`condition ${JSON.stringify(condition)}`);
}

/** Qdrant filter semantics: all `must`, at least one `should` (when given), no `must_not`. */
export function filterHolds(point: StoredPoint, filter: unknown): boolean {
  if (filter === undefined || filter === null) return true;
  if (!isObj(filter)) throw unsupported('non-object filters');
  if (filter.min_should) throw unsupported('min_should');
  const should = list(filter.should);
  return (
    list(filter.must).every((c) => conditionHolds(point, c)) &&
    (should.length === 0 || should.some((c) => conditionHolds(point, c))) &&
    !list(filter.must_not).some((c) => conditionHolds(point, c))
  );
}

/** Sparse dot product over candidates; only points sharing at least one index score. */
export function scoreSparse(
  points: StoredPoint[],
  all: StoredPoint[],
  using: string,
  query: SparseVec,
  useIdf: boolean,
): Scored[] {
  const withVector = all.filter((p) => isObj(p.vectors[using]));
  const idf = new Map<number, number>();
  for (const index of query.indices) {
    const n = withVector.filter((p) =>
      (p.vectors[using] as SparseVec).indices.includes(index),
    ).length;
    const N = withVector.length;
    idf.set(index, useIdf ? Math.log(1 + (N - n + 0.5) / (n + 0.5)) : 1);
  }
  const out: Scored[] = [];
  for (const point of points) {
    const vector = point.vectors[using];
    if (!isObj(vector)) continue;
    let score = 0;
    let isOverlapping = false;
    query.indices.forEach((index, i) => {
      const at = (vector as SparseVec).indices.indexOf(index);
      if (at < 0) return;
      isOverlapping = true;
      score +=
        (query.values[i] ?? 0) * ((vector as SparseVec).values[at] ?? 0) * (idf.get(index) ?? 1);
    });
    if (isOverlapping) out.push({ point, score });
  }
  return out;
}

/** Cosine similarity, as Qdrant's `Cosine` distance reports it. */
export function scoreDense(points: StoredPoint[], using: string, query: number[]): Scored[] {
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  const qn = norm(query);
  return points.flatMap((point) => {
    const v = point.vectors[using];
    if (!Array.isArray(v)) return [];
    return [{ point, score: v.reduce((s, x, i) => s + x * (query[i] ?? 0), 0) / (norm(v) * qn) }];
  });
}

/** Reciprocal rank fusion over ranked lists (rank from 1). */
export function fuseRrf(lists: Scored[][], k = 2): Scored[] {
  const fused = new Map<PointId, Scored>();
  for (const ranked of lists) {
    ranked.forEach(({ point }, i) => {
      const prev = fused.get(point.id)?.score ?? 0;
      fused.set(point.id, { point, score: prev + 1 / (k + i + 1) });
    });
  }
  return [...fused.values()];
}

/** Qdrant orders by score, then by id for ties; ids compare numbers before UUIDs. */
export function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || compareIds(a.point.id, b.point.id);
}

export function compareIds(a: PointId, b: PointId): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Applies `with_payload` (bool, key list, include/exclude selector). */
export function selectPayload(payload: Payload, selector: unknown): Payload | undefined {
  if (selector === undefined || selector === false) return undefined;
  if (selector === true) return payload;
  const pick = (keys: unknown[]) =>
    Object.fromEntries(Object.entries(payload).filter(([k]) => keys.includes(k)));
  if (Array.isArray(selector)) return pick(selector);
  if (isObj(selector) && Array.isArray(selector.include)) return pick(selector.include);
  if (isObj(selector) && Array.isArray(selector.exclude)) {
    const drop = selector.exclude;
    return Object.fromEntries(Object.entries(payload).filter(([k]) => !drop.includes(k)));
  }
  throw unsupported(`with_payload ${JSON.stringify(selector)}`);
}
