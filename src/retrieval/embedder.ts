/** Turns texts into dense vectors (one per text, same order). Implemented over an OpenAI-compatible API in `openai-embedder.ts`. */
export interface Embedder {
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<number[][]>;
}
