/**
 * Role and name casing. Signature blocks are often typeset in capitals
 * (`ZASTĘPCA PREZYDENTA MIASTA`); citations shown to users read better, and
 * compare equal across letters, in the usual Polish title case.
 */

// Function words stay lowercase inside a title-cased office name.
const LOWERCASE_WORDS = new Set([
  'i',
  'w',
  'we',
  'z',
  'ze',
  'do',
  'na',
  'ds.',
  'oraz',
  'dla',
  'od',
  'o',
  'a',
  'u',
  'po',
  'przy',
  'spraw',
]);
// Short all-caps tokens that are acronyms, not words (`RP`, `MSWiA` typed in caps).
const ACRONYM = /^[\p{Lu}]{1,3}$/u;

function capitalize(word: string): string {
  return word
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}

/**
 * Converts an ALL-CAPS role to title case (`ZASTĘPCA PREZYDENTA MIASTA` →
 * `Zastępca Prezydenta Miasta`); any role that already has lowercase letters is
 * returned unchanged, because its author chose that casing.
 */
export function formatRole(role: string): string {
  if (/\p{Ll}/u.test(role)) return role;
  return role
    .split(' ')
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (i > 0 && LOWERCASE_WORDS.has(lower)) return lower;
      if (i > 0 && ACRONYM.test(word) && word.length <= 2) return word;
      return capitalize(word);
    })
    .join(' ');
}

/** Title-cases the ALL-CAPS words of a personal name (`Paweł BEJDA` → `Paweł Bejda`). */
export function formatName(name: string): string {
  return name
    .split(' ')
    .map((word) => (/\p{Ll}/u.test(word) ? word : capitalize(word)))
    .join(' ');
}
