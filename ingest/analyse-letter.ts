/**
 * A built letter's index terms, computed where the letter was built (the
 * extraction worker, on another core) rather than on the sync's main thread:
 * analysis (tokenising, reference numbers, the Polish stemmer) was most of a
 * cold ingest's main-thread time, and one thread did it for every letter
 * (issue 16). The index uses them when its analyzer has the same name.
 */
import { DEFAULT_ANALYZER } from '../src/archive/analyzer.js';
import { analyseOnce, documentFields } from '../src/archive/document-fields.js';
import type { AnalysedLetter, Letter, Passage } from '../src/archive/types.js';
import { wholeLetterTerms } from '../src/archive/whole-letter-text.js';

/** The default analyzer's terms of each passage's fields, and of the whole letter. */
export function analyseLetter(letter: Letter, passages: readonly Passage[]): AnalysedLetter {
  const analyse = analyseOnce(DEFAULT_ANALYZER);
  return {
    analyzer: DEFAULT_ANALYZER.name,
    fields: passages.map((p) =>
      documentFields(letter, p).map((field) => analyse(field.text).join(' ')),
    ),
    letterTerms: wholeLetterTerms(letter, passages),
  };
}
