/**
 * Lexical terms → a Qdrant sparse vector. The shared analyzer supplies the
 * terms, so Qdrant and SQLite see exactly the same words. Each term gets a
 * stable 32-bit id (FNV-1a of the term), and each value is the term-frequency
 * half of BM25; Qdrant's `idf` modifier supplies the other half at query time,
 * from its own collection statistics, so the score is BM25 computed in the engine.
 */
import { analyze, analyzeQuery } from './analyzer.js';

/** Qdrant's wire shape for a sparse vector (indices unique, same length as values). */
export interface SparseVector {
  readonly indices: number[];
  readonly values: number[];
}

/** One text field of a passage and how much it counts (mirrors SqliteIndex's BM25 column weights). */
export interface SparseField {
  readonly text: string;
  readonly weight: number;
  /**
   * Typical length of this field in terms. Qdrant keeps no per-field length
   * statistics, so BM25's length normalisation uses this fixed average instead
   * of the corpus mean (the approach of Qdrant's own BM25 sparse models).
   */
  readonly averageLength: number;
}

const K1 = 1.2;
const B = 0.75;

/** Stable unsigned 32-bit id for a term (FNV-1a): the same on every machine and every run. */
export function termId(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i += 1) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** BM25's saturated term frequency for `tf` occurrences in a field of `length` terms. */
export function bm25TermFrequency(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
}

function toVector(weights: Map<number, number>): SparseVector {
  // Sorted indices make the vector deterministic, which keeps re-upserts byte-identical.
  const indices = [...weights.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => weights.get(i) ?? 0) };
}

/** Document-side sparse vector: weighted BM25 term frequencies summed over the fields. */
export function documentVector(fields: readonly SparseField[]): SparseVector {
  const weights = new Map<number, number>();
  for (const field of fields) {
    const terms = analyze(field.text);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const id = termId(term);
      const value = field.weight * bm25TermFrequency(tf, terms.length, field.averageLength);
      weights.set(id, (weights.get(id) ?? 0) + value);
    }
  }
  return toVector(weights);
}

/** Query-side sparse vector: each distinct query term once, weight 1 (the engine multiplies in idf). */
export function queryVector(query: string): SparseVector {
  return toVector(new Map(analyzeQuery(query).map((term) => [termId(term), 1])));
}
