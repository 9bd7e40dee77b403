/**
 * A sentence joined after a connective or „informuję, że” starts in lower
 * case, unless its first word is a name (`Chorzów`, `Urząd Miasta`, `UE`).
 */
import { foldText } from '../../archive/fold-text.js';
import { isPolishName } from '../../archive/stemmers/polish-dictionary.js';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './first-names.js';

/** The sentence with its first letter lower-cased (as is when it already is), or null when the first word must keep its capital. */
export function lowerFirstWord(sentence: string): string | null {
  if (/^\p{Ll}/u.test(sentence)) return sentence;
  const m = /^(\p{Lu}\p{Ll}*)(\s+(\S+))?/u.exec(sentence);
  if (!m) return null;
  const word = m[1]!;
  // `Urząd Miasta`, `Marszałek Województwa` and the like: a capitalised pair is a name.
  if (word.length > 1 && m[3] && /^\p{Lu}\p{Ll}/u.test(m[3])) return null;
  const lower = word.toLowerCase();
  if (word.length > 1 && (isPolishName(foldText(lower)) || MALE_FIRST_NAMES.has(lower)))
    return null;
  if (FEMALE_FIRST_NAMES.has(lower)) return null;
  return lower + sentence.slice(word.length);
}
