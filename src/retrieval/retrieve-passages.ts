/**
 * Retrieval as the assistant sees it: ask the index for more passages than
 * needed, let dates and reference numbers named in the question lift the
 * letters that match them, then keep the best few passages per letter so the
 * answer draws on distinct letters (one long letter must not crowd out the
 * others).
 */
import type { ArchiveIndex, SearchFilter, SearchHit } from '../archive/types.js';
import { boostSubjectMatch } from './boost-subject-match.js';
import { fuseRanks } from './fuse-ranks.js';
import { extractQueryFilters, hasQueryFilters } from './query-filters.js';

/**
 * How filters read from the question apply:
 * - `boost` (default): the filtered and the unfiltered search are fused by rank,
 *   so matching letters rise but a wrong guess (a year that dates the events,
 *   not the letter) hides nothing;
 * - `hard`: filtered results first, unfiltered ones after them (never empty
 *   because of a guess);
 * - `off`: ignore them.
 */
export type QueryFilterMode = 'boost' | 'hard' | 'off';

export interface RetrievePassagesOptions {
  readonly index: ArchiveIndex;
  readonly question: string;
  /** Passages to return. */
  readonly k?: number;
  /** At most this many passages from one letter. */
  readonly perLetter?: number;
  /** Restrictions that always apply (access groups, explicit user choices). */
  readonly filter?: SearchFilter;
  readonly queryFilters?: QueryFilterMode;
  /** Clock for relative dates in the question (`w tym roku`). */
  readonly now?: () => Date;
  /** Strength of the subject-line match boost (`boostSubjectMatch`); 0 turns it off. */
  readonly subjectBoost?: number;
}

/** Chosen on titles-dev and paraphrase-dev (docs/retrieval.md): 0.5 lifted both; 1 and 2 gave titles back. */
export const DEFAULT_SUBJECT_BOOST = 0.5;

/** Best passages for a question, diversified across letters, in rank order. */
export async function retrievePassages({
  index,
  question,
  k = 8,
  perLetter = 2,
  filter,
  queryFilters = 'boost',
  now,
  subjectBoost = DEFAULT_SUBJECT_BOOST,
}: RetrievePassagesOptions): Promise<SearchHit[]> {
  const pool = k * 5;
  const search = async (f: SearchFilter | undefined) =>
    boostSubjectMatch({ hits: await index.search(question, { k: pool, ...(f ? { filter: f } : {}) }), question, strength: subjectBoost });
  const unfiltered = await search(filter);
  const guessed = queryFilters === 'off' ? null : extractQueryFilters(question, now ? { now } : {});
  if (!guessed || !hasQueryFilters(guessed)) return diversifyByLetter(unfiltered, { k, perLetter });
  const filtered = await search({ ...filter, ...guessed.filter });
  const merged =
    queryFilters === 'hard'
      ? [...filtered, ...unfiltered.filter((h) => !filtered.some((f) => f.passage.id === h.passage.id))]
      : fuseRanks({ lists: [{ hits: unfiltered }, { hits: filtered }] });
  return diversifyByLetter(merged, { k, perLetter });
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
