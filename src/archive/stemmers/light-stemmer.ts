/**
 * The v0 light Polish stemmer: strips the longest common inflectional suffix
 * while keeping a stem of at least four letters. Kept as the floor of the
 * analyzer comparison (docs/retrieval.md) and as the fallback for words the
 * dictionary does not know.
 */

const NUMERIC = /\d/;

const SUFFIXES = [
  'owiania',
  'owanie',
  'owania',
  'owaniu',
  'owaniem',
  'iami',
  'ach',
  'ami',
  'iach',
  'iego',
  'iemu',
  'owie',
  'owej',
  'owy',
  'owa',
  'owe',
  'ych',
  'ich',
  'ymi',
  'imi',
  'ego',
  'emu',
  'ej',
  'ow',
  'om',
  'em',
  'am',
  'ie',
  'ia',
  'iu',
  'ii',
  'y',
  'a',
  'e',
  'u',
  'i',
  'o',
].sort((x, y) => y.length - x.length);

/** Strips one inflectional suffix from a folded word (numbers untouched). */
export function stripSuffix(word: string): string {
  if (word.length <= 4 || NUMERIC.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4)
      return word.slice(0, -suffix.length);
  }
  return word;
}
