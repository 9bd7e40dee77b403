/**
 * One source per letter: the same letter held twice (a scan and its text
 * file, two copies under different names, one reply sent to several
 * interpellations) must be quoted and listed once, the other copies named as
 * „także: …”. Two letters are copies when most of the shorter one's word
 * 3-shingles are in the longer one (containment, not Jaccard: a copy with an
 * extra page or a lost OCR line is still a copy). The threshold was measured
 * on the corpus (docs/answers.md, `bench/measure-duplicates.ts`).
 */
import { foldText } from '../archive/fold-text.js';
import type { ArchiveIndex, Letter, Passage, SearchHit } from '../archive/types.js';

/** Containment at or above which two letters are copies of one. */
export const DUPLICATE_CONTAINMENT = 0.85;
/** Distinct letters (in rank order) compared at most: the ones an answer can cite. */
const MAX_LETTERS = 8;

/** Word 3-shingles of a text, folded (case, diacritics) and without punctuation or digits-only noise. */
export function shingles(text: string): Set<string> {
  const words = foldText(text).match(/\p{L}{2,}|\d+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/**
 * `shingles` of several texts as numbers: each word gets an id shared by the texts, and a shingle
 * is its three ids in base 2^17 (exact: three ids below 2^17 fit a double's 53 bits), so equal
 * shingles are equal numbers and containment is what `shingles` gives. Numbers hash and compare
 * faster than the joined strings, which were most of the grouping's time. Falls back to the
 * strings past 2^17 distinct words.
 */
function shingleSets(texts: readonly string[]): ReadonlySet<string | number>[] {
  const ids = new Map<string, number>();
  const wordsOf = texts.map((t) => foldText(t).match(/\p{L}{2,}|\d+/gu) ?? []);
  const idsOf = wordsOf.map((words) =>
    words.map((w) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      return id;
    }),
  );
  if (ids.size > SHINGLE_BASE) return texts.map(shingles);
  return idsOf.map((w) => {
    const out = new Set<number>();
    for (let i = 0; i + 2 < w.length; i++)
      out.add((w[i]! * SHINGLE_BASE + w[i + 1]!) * SHINGLE_BASE + w[i + 2]!);
    return out;
  });
}
const SHINGLE_BASE = 2 ** 17;

/** Share of the smaller set's shingles found in the other (0 when either is empty). */
export function containment<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / small.size;
}

export interface GroupDuplicateLettersResult {
  /** The hits without those of copies, in the same order. */
  readonly hits: SearchHit[];
  /** Per kept letter id: the copies folded into it, in rank order. */
  readonly copies: ReadonlyMap<string, readonly Letter[]>;
}

/**
 * Folds copies of a letter into its best-ranked copy.
 * @throws whatever the index throws reading passages.
 */
export async function groupDuplicateLetters({
  index,
  hits,
  threshold = DUPLICATE_CONTAINMENT,
  passagesOf = (id) => index.getPassages(id),
}: {
  index: ArchiveIndex;
  hits: readonly SearchHit[];
  threshold?: number;
  /** Reads a letter's passages; pass a shared one so a question reads each letter once. */
  passagesOf?: (letterId: string) => Promise<Passage[]>;
}): Promise<GroupDuplicateLettersResult> {
  const letters: Letter[] = [];
  for (const hit of hits) {
    if (letters.length >= MAX_LETTERS) break;
    if (!letters.some((l) => l.id === hit.letter.id)) letters.push(hit.letter);
  }
  if (letters.length < 2) return { hits: [...hits], copies: new Map() };
  const sets = shingleSets(
    await Promise.all(
      letters.map(async (l) => (await passagesOf(l.id)).map((p) => p.text).join('\n')),
    ),
  );
  const copyOf = new Map<string, string>();
  const copies = new Map<string, Letter[]>();
  letters.forEach((letter, i) => {
    for (let j = 0; j < i; j++) {
      const kept = letters[j]!;
      if (copyOf.has(kept.id)) continue;
      if (containment(sets[i]!, sets[j]!) >= threshold) {
        copyOf.set(letter.id, kept.id);
        copies.set(kept.id, [...(copies.get(kept.id) ?? []), letter]);
        break;
      }
    }
  });
  return { hits: hits.filter((h) => !copyOf.has(h.letter.id)), copies };
}
