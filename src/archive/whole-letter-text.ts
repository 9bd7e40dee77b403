/**
 * A letter as one text: title, metadata (signatory, role, addressee,
 * reference, date) and every passage. Answerability judges a question against
 * this text (`assess-answerability.ts`); the index analyses it once at ingest
 * (`letterTerms`) so no question has to re-analyse whole letters. One function
 * for both, so the stored terms are those of the very text answering reads.
 */
import { analyze } from './analyzer.js';
import type { Letter, Passage } from './types.js';

/** Title, metadata and passage texts of a letter, one per line. */
export function wholeLetterText(
  letter: Letter,
  passages: readonly Pick<Passage, 'text'>[],
): string {
  return [
    letter.title ?? '',
    [letter.author, letter.authorRole, letter.addressee, letter.reference, letter.date]
      .filter(Boolean)
      .join(' \n '),
    ...passages.map((p) => p.text),
  ].join('\n');
}

/**
 * The distinct terms of `wholeLetterText`, as both indexes store them at ingest. Analysed with the
 * default analyzer whatever the index's own is, because answerability analyses questions with it.
 */
export function wholeLetterTerms(
  letter: Letter,
  passages: readonly Pick<Passage, 'text'>[],
): string[] {
  return [...new Set(analyze(wholeLetterText(letter, passages)))];
}
