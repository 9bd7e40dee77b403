/**
 * Neighbour passages as context: an answer often spans a paragraph break
 * (the question in one paragraph, the figure in the next), so the answer side
 * can show each retrieved passage with the ones around it.
 */
import type { ArchiveIndex, Passage, SearchHit } from '../archive/types.js';

export interface HitWithContext {
  readonly hit: SearchHit;
  /** The passage's neighbours and itself, in letter order, on any page. */
  readonly context: readonly Passage[];
}

export interface WithNeighboursOptions {
  readonly index: Pick<ArchiveIndex, 'getPassages'>;
  readonly hits: readonly SearchHit[];
  /** Passages before and after each hit. */
  readonly before?: number;
  readonly after?: number;
}

/** Each hit with its neighbouring passages; one `getPassages` call per distinct letter. */
export async function withNeighbours({ index, hits, before = 1, after = 1 }: WithNeighboursOptions): Promise<HitWithContext[]> {
  const letters = new Map<string, Promise<Passage[]>>();
  for (const hit of hits) if (!letters.has(hit.letter.id)) letters.set(hit.letter.id, index.getPassages(hit.letter.id));
  return Promise.all(
    hits.map(async (hit) => {
      const passages = await letters.get(hit.letter.id)!;
      const at = passages.findIndex((p) => p.id === hit.passage.id);
      const context = at === -1 ? [hit.passage] : passages.slice(Math.max(0, at - before), at + after + 1);
      return { hit, context };
    }),
  );
}
