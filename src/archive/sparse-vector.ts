/**
 * Lexical terms → a Qdrant sparse vector. The index's analyzer supplies the
 * terms (the same one SQLite would use), so both backends see the same words. Each term gets a
 * stable 32-bit id (FNV-1a of the term), and each value is the term-frequency
 * half of BM25; Qdrant's `idf` modifier supplies the other half at query time,
 * from its own collection statistics, so the score is BM25 computed in the engine.
 */
import type { DocumentField } from './document-fields.js';

/** Qdrant's wire shape for a sparse vector (indices unique, same length as values). */
export interface SparseVector {
  readonly indices: number[];
  readonly values: number[];
}

/** One analysed field of a passage: its terms, weight and typical length (see `DocumentField`). */
export interface SparseField extends Pick<DocumentField, 'weight' | 'averageLength'> {
  /** The field's terms from the index's analyzer, repeats kept (term frequency matters). */
  readonly terms: readonly string[];
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
  for (const { terms, weight, averageLength } of fields) {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const id = termId(term);
      const value = weight * bm25TermFrequency(tf, terms.length, averageLength);
      weights.set(id, (weights.get(id) ?? 0) + value);
    }
  }
  return toVector(weights);
}

/** Query-side sparse vector from the question's terms: each distinct term once, weight 1 (the engine multiplies in idf). */
export function queryVector(terms: readonly string[]): SparseVector {
  return toVector(new Map(terms.map((term) => [termId(term), 1])));
}
