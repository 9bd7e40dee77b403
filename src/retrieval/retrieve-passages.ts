/**
 * Retrieval as the assistant sees it: ask the index for more passages than
 * needed, let dates and reference numbers named in the question lift the
 * letters that match them, then keep the best few passages per letter so the
 * answer draws on distinct letters (one long letter must not crowd out the
 * others).
 */
import type { ArchiveIndex, SearchFilter, SearchHit } from '../archive/types.js';
import { boostSubjectMatch } from './boost-subject-match.js';
import { voivodeshipsNamed } from './region-names.js';
import { fuseRanks } from './fuse-ranks.js';
import {
  isLookup,
  mentionsMinistry,
  scoreLookupMatch,
  signatorySearchText,
} from './lookup-constraints.js';
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

/** Passages fetched for a signatory's letters in a lookup: enough for a few dozen letters. */
const LOOKUP_POOL = 300;

/** Candidate letters whose opening passages are read to check a ministry named in a lookup. */
const MINISTRY_CHECKS = 30;

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
  const guessed = queryFilters === 'off' ? null : extractQueryFilters(question, now ? { now } : {});
  // Ministry acronyms (`MZ`) meet the letters through the ministry's name (`Ministerstwo Zdrowia`, `minister zdrowia`),
  // regions named as people say them (`w Małopolsce`) through the voivodeship's adjective (`małopolskie`).
  const query = [
    question,
    ...(guessed?.lookup.ministries ?? []),
    ...voivodeshipsNamed(question),
  ].join(' ');
  const search = async (text: string, f: SearchFilter | undefined, size = pool) =>
    boostSubjectMatch({
      hits: await index.search(text, { k: size, ...(f ? { filter: f } : {}) }),
      question,
      strength: subjectBoost,
    });
  const unfiltered = await search(query, filter);
  if (!guessed) return diversifyByLetter(unfiltered, { k, perLetter });
  const { lookup } = guessed;
  // A ministry with the letter's date (`pismo MZ z 19 sierpnia 2026`) names letters as a lookup does.
  if (isLookup(lookup) || (lookup.ministries && hasQueryFilters(guessed)))
    return diversifyByLetter(await rankLookup(), { k, perLetter });
  if (!hasQueryFilters(guessed)) return diversifyByLetter(unfiltered, { k, perLetter });
  const filtered = await search(query, { ...filter, ...guessed.filter });
  const merged =
    queryFilters === 'hard'
      ? [
          ...filtered,
          ...unfiltered.filter((h) => !filtered.some((f) => f.passage.id === h.passage.id)),
        ]
      : fuseRanks({ lists: [{ hits: unfiltered }, { hits: filtered }] });
  return diversifyByLetter(merged, { k, perLetter });

  /**
   * A lookup names one letter: candidates come from the question's search, the
   * same search inside the date/reference filter, and a search for the
   * signatory's name; then letters meeting more of the constraints (number,
   * reference, signatory, date) come first, in search order among equals.
   */
  async function rankLookup(): Promise<SearchHit[]> {
    const hard = { ...filter, ...guessed!.filter };
    const lists: SearchHit[][] = [unfiltered];
    if (hasQueryFilters(guessed!)) lists.push(await search(query, hard));
    const names = signatorySearchText(lookup);
    if (names) {
      // Reference and dates narrow the signatory's letters; without them, every letter they signed is a candidate.
      lists.push(await search(`${names} ${query}`, hard, LOOKUP_POOL));
      if (hasQueryFilters(guessed!)) lists.push(await search(names, hard, LOOKUP_POOL));
    }
    const fused = fuseRanks({ lists: lists.map((hits) => ({ hits })) });
    const scored = new Map<string, number>();
    for (const hit of fused)
      if (!scored.has(hit.letter.id))
        scored.set(hit.letter.id, scoreLookupMatch(hit.letter, lookup, guessed!.filter));
    if (lookup.ministries) {
      // The ministry shows in the letterhead or the signature: read the opening passages of the best candidates only.
      const best = Math.max(0, ...scored.values());
      const top = [...scored].filter(([, s]) => s === best).slice(0, MINISTRY_CHECKS);
      for (const [id, s] of top) {
        const [letter, passages] = await Promise.all([index.getLetter(id), index.getPassages(id)]);
        const text = [
          letter?.authorRole ?? '',
          letter?.title ?? '',
          ...passages.slice(0, 2).map((p) => p.text),
          passages.at(-1)?.text ?? '',
        ].join('\n');
        if (mentionsMinistry(text, lookup)) scored.set(id, s + 1);
      }
    }
    const scoreOf = (hit: SearchHit) => scored.get(hit.letter.id) ?? 0;
    return fused
      .map((hit, rank) => ({ hit, rank, match: scoreOf(hit) }))
      .sort((a, b) => b.match - a.match || a.rank - b.rank)
      .map(({ hit }) => hit);
  }
}

/**
 * Keeps at most `perLetter` passages per letter and groups them under the
 * letter's best rank, so the list reads letter by letter in relevance order.
 */
export function diversifyByLetter(
  hits: readonly SearchHit[],
  { k, perLetter }: { k: number; perLetter: number },
): SearchHit[] {
  const byLetter = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const group = byLetter.get(hit.letter.id) ?? [];
    if (group.length < perLetter) group.push(hit);
    byLetter.set(hit.letter.id, group);
  }
  return [...byLetter.values()].flat().slice(0, k);
}
