/**
 * A name the question writes out that the letter only abbreviates: „Komisję
 * Europejską” against a letter that says „KE”, „Ministerstwo Spraw
 * Wewnętrznych i Administracji” against „MSWiA”. Without this, the written-out
 * name looks absent and an answerable question is refused (the reverse case,
 * an acronym in the question spelled out in the letter, is `spellsOut` in
 * `assess-answerability.ts`).
 */
import { ACRONYMS } from '../archive/acronyms.js';
import { foldText } from '../archive/fold-text.js';
import { rememberByText } from '../archive/remember-by-text.js';

/** Lower-case words an acronym keeps inside a name (`MSWiA`, `MRiRW`). */
const CONNECTORS = new Set(['i', 'w', 'z', 'do', 'na']);

/**
 * Per word position of the question (as `[\p{L}\p{N}]+` matches count them),
 * the acronym of the run of capitalised words it belongs to, for runs of two
 * or more capitalised words (`Komisję Europejską` → `KE` for both words).
 */
export function acronymsOfNameRuns(question: string): Map<number, string> {
  const words = [...question.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  const out = new Map<number, string>();
  let i = 0;
  while (i < words.length) {
    if (!/^\p{Lu}\p{Ll}/u.test(words[i]!)) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    while (j < words.length) {
      if (/^\p{Lu}\p{Ll}/u.test(words[j]!)) run.push(j);
      else if (!(
        CONNECTORS.has(words[j]!) &&
        j + 1 < words.length &&
        /^\p{Lu}\p{Ll}/u.test(words[j + 1]!)
      ))
        break;
      j++;
    }
    if (run.length >= 2) {
      const acronym = foldText(
        words
          .slice(i, j)
          .map((w) => w[0]!)
          .join(''),
      ).toUpperCase();
      for (const k of run) out.set(k, acronym);
    }
    i = j;
  }
  return out;
}

/**
 * Acronyms a text uses (`KE`, `MSWiA`, `ZUS-u`), folded to upper case. A whole letter's are
 * remembered: the constraint check scans the answering letter for each candidate order.
 */
export const acronymsIn: (text: string) => ReadonlySet<string> = rememberByText(findAcronyms);

function findAcronyms(text: string): ReadonlySet<string> {
  return new Set(
    [...text.matchAll(/(?<![\p{L}\d])\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}(?![\p{Ll}\d])/gu)].map((m) =>
      foldText(m[0]).toUpperCase(),
    ),
  );
}

/** Initials of each known acronym's expansions (`PGWWP` → `PGW`: `Państwowe Gospodarstwo Wodne Wody Polskie`). */
const BY_EXPANSION_INITIALS = new Map<string, string>(
  ACRONYMS.flatMap((e) =>
    e.expansions
      .filter((x) => /^\p{Lu}/u.test(x))
      .map((x) => x.split(/[\s,]+/u).filter(Boolean))
      .filter((words) => words.length >= 2)
      .map(
        (words) => [foldText(words.map((w) => w[0]!).join('')).toUpperCase(), e.acronym] as const,
      ),
  ),
);

/** The known acronym of a name with these initials (folded, upper case), or `null`. */
export function acronymOfExpansion(initials: string): string | null {
  return BY_EXPANSION_INITIALS.get(initials) ?? null;
}
