/**
 * Retrieval as the assistant sees it: ask the index for more passages than
 * needed, then keep the best few per letter so the answer draws on distinct
 * letters (one long letter must not crowd out the others).
 */
import type { ArchiveIndex, SearchFilter, SearchHit } from '../archive/types.js';

export interface RetrievePassagesOptions {
  readonly index: ArchiveIndex;
  readonly question: string;
  /** Passages to return. */
  readonly k?: number;
  /** At most this many passages from one letter. */
  readonly perLetter?: number;
  readonly filter?: SearchFilter;
}

/** Best passages for a question, diversified across letters, in rank order. */
export async function retrievePassages({
  index,
  question,
  k = 8,
  perLetter = 2,
  filter,
}: RetrievePassagesOptions): Promise<SearchHit[]> {
  const pool = await index.search(question, { k: k * 5, ...(filter ? { filter } : {}) });
  return diversifyByLetter(pool, { k, perLetter });
}

/**
 * Keeps at most `perLetter` passages per letter and groups them under the
 * letter's best rank, so the list reads letter by letter in relevance order.
 */
export function diversifyByLetter(hits: readonly SearchHit[], { k, perLetter }: { k: number; perLetter: number }): SearchHit[] {
  const byLetter = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const group = byLetter.get(hit.letter.id) ?? [];
    if (group.length < perLetter) group.push(hit);
    byLetter.set(hit.letter.id, group);
  }
  return [...byLetter.values()].flat().slice(0, k);
}
