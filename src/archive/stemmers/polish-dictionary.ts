/**
 * The Polish hunspell dictionary (`dictionary-pl`), parsed on first use and
 * shared by every analyzer in the process (about 0.8 s and 60 MB once).
 */
import dictionary from 'dictionary-pl';
import { foldText } from '../fold-text.js';
import { hunspellLemmas, isNameOnly, parseHunspell, type HunspellDictionary } from './hunspell-stemmer.js';

let parsed: HunspellDictionary | null = null;

/** The parsed dictionary, loaded on the first call. */
export function polishDictionary(): HunspellDictionary {
  if (parsed === null) {
    const decoder = new TextDecoder('utf-8');
    parsed = parseHunspell({ aff: decoder.decode(dictionary.aff), dic: decoder.decode(dictionary.dic), fold: foldText });
  }
  return parsed;
}

/** Lemmas of a folded Polish word (see `hunspellLemmas`); empty when the dictionary does not know it. */
export function polishLemmas(word: string): string[] {
  return hunspellLemmas(polishDictionary(), word);
}

/** True when a folded Polish word can only be a proper name (a place, a person): see `isNameOnly`. */
export function isPolishName(word: string): boolean {
  return isNameOnly(polishDictionary(), word);
}
