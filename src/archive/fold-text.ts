/** Diacritics folding shared by the analyzer and the dictionary stemmer. */
import { rememberByText } from './remember-by-text.js';

const FOLD: Record<string, string> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
};

/**
 * Lower-cases and removes Polish (and other) diacritics, so `wspolpraca`
 * typed on an English keyboard meets `współpraca`.
 */
export const foldText: (text: string) => string = rememberByText(foldAnyText);

/** `foldText` itself; a whole letter's folding is remembered, as each answer folds its letters in several checks. */
function foldAnyText(text: string): string {
  // Most tokens are plain ASCII: skip the Unicode passes for them.
  // eslint-disable-next-line no-control-regex -- the ASCII range test starts at NUL on purpose
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ąćęłńóśźż]/g, (ch) => FOLD[ch] ?? ch)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
