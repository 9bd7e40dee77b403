/**
 * The one seam between retrieval and any embeddings provider. Kept minimal on
 * purpose: the OpenAI-compatible client (and test fakes) implement it, and the
 * indexes only need to know the vector size and how to turn texts into vectors.
 * It lives in `archive/`, the lowest stage that uses it (Qdrant embeds passages
 * as it indexes them), so no stage imports from a later one.
 */

/** Turns texts into dense vectors of a fixed size. */
export interface Embedder {
  /** Length of every vector `embed` returns; sizes the index's dense vector. */
  readonly dimensions: number;
  /** One vector per input text, in the same order. */
  embed(texts: readonly string[]): Promise<number[][]>;
}
