/**
 * The answering letter's passages that retrieval did not return. Retrieval
 * ranks passages by the question's words, but the sentence that states the
 * asked fact (the date, the amount, the office) often sits in another passage
 * of the same letter: „Ile wniosków złożono w styczniu 2021 r.?” retrieves the
 * passage that repeats the question, while the figure is in the table two
 * passages on. The extractive answer looks for the asked type there too.
 */
import type { Passage, SearchHit } from '../archive/types.js';

export interface AnsweringLetterPassagesOptions {
  /** Retrieved passages, the answering letter's first (`chooseAnsweringLetter`). */
  readonly hits: readonly SearchHit[];
  /** All passages of a letter, in order (`ArchiveIndex.getPassages`). */
  readonly passagesOf: (letterId: string) => Promise<readonly Passage[]>;
}

/**
 * The first letter's passages absent from `hits`, in letter order, as hits of
 * that letter with score 0 (they were not retrieved; their sentences compete
 * only when they hold what the question asks for).
 */
export async function answeringLetterPassages({
  hits,
  passagesOf,
}: AnsweringLetterPassagesOptions): Promise<SearchHit[]> {
  const first = hits[0]?.letter;
  if (!first) return [];
  const retrieved = new Set(hits.map((h) => h.passage.id));
  const passages = await passagesOf(first.id);
  return passages
    .filter((p) => !retrieved.has(p.id))
    .map((passage) => ({ passage, letter: first, score: 0 }));
}
