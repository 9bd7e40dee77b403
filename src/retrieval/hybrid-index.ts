/**
 * Hybrid search as a decorator over any `ArchiveIndex` that can store
 * vectors: passages are embedded on upsert, and `search` fuses the lexical
 * (BM25) list with the dense (cosine) list by reciprocal rank fusion. Without
 * an embedder nothing wraps the index and search stays lexical.
 *
 * A decorator, not a change to the assistant: everything that searches
 * (assistant, eval, CLI) gets hybrid retrieval from the composition root alone.
 */
import type {
  ArchiveIndex,
  Letter,
  Passage,
  SearchHit,
  SearchOptions,
  UpsertOptions,
} from '../archive/types.js';
import type { Logger } from '../logger.js';
import type { Embedder } from '../archive/embedder.js';
import { fuseRanks } from './fuse-ranks.js';

export interface CreateHybridIndexOptions {
  readonly index: ArchiveIndex;
  readonly embedder: Embedder;
  readonly logger: Logger;
  /** Each list is asked for `k * depth` passages before fusion. */
  readonly depth?: number;
  /** Weight of the dense list in the fusion (lexical = 1). */
  readonly denseWeight?: number;
}

/**
 * Wraps an index with dense retrieval.
 * @throws when the index has no `searchByVector` capability.
 */
export function createHybridIndex({
  index,
  embedder,
  logger,
  depth = 3,
  denseWeight = 1,
}: CreateHybridIndexOptions): ArchiveIndex {
  const searchByVector = index.searchByVector?.bind(index);
  if (!searchByVector) throw new Error('createHybridIndex: this index cannot store vectors');
  return {
    upsertLetter: async (
      letter: Letter,
      passages: readonly Passage[],
      options: UpsertOptions = {},
    ) => {
      const vectors =
        options.vectors ??
        (passages.length ? await embedder.embed(passages.map((p) => p.text)) : []);
      await index.upsertLetter(letter, passages, { ...options, vectors });
    },
    deleteLetter: (id) => index.deleteLetter(id),
    listLetters: () => index.listLetters(),
    search: async (query: string, options: SearchOptions): Promise<SearchHit[]> => {
      const wide = { ...options, k: options.k * depth };
      const lexical = await index.search(query, wide);
      let dense: SearchHit[] = [];
      try {
        const [vector] = await embedder.embed([query]);
        if (vector) dense = await searchByVector(vector, wide);
      } catch (error) {
        // The archive stays searchable when the embeddings service is down.
        logger.warn({ err: error }, 'query embedding failed; lexical results only');
      }
      return fuseRanks({
        lists: [{ hits: lexical }, { hits: dense, weight: denseWeight }],
        limit: options.k,
      });
    },
    searchByVector,
    getLetter: (id) => index.getLetter(id),
    getPassages: (id) => index.getPassages(id),
    markSynced: (at) => index.markSynced(at),
    stats: () => index.stats(),
    termStats: (terms) => index.termStats(terms),
    close: () => index.close(),
  };
}
