/**
 * Which language to answer in: the question's. Only Polish and English are
 * supported; anything not clearly English is answered in Polish, the office's
 * language.
 *
 * The question's language is that of its ordinary words, not of its proper
 * names: "What did the ministry say about the hospital in Chorzów?" is English
 * although „Chorzów” is spelled the Polish way. So words written with a
 * capital letter inside the sentence (names, places, institutions) and
 * acronyms do not vote, and a Polish diacritic counts only in a word that is
 * not such a name.
 */
const EN_WORDS = new Set([
  'the',
  'a',
  'an',
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'how',
  'when',
  'where',
  'why',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'did',
  'does',
  'do',
  'of',
  'and',
  'or',
  'with',
  'our',
  'about',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'by',
  'has',
  'have',
  'had',
  'came',
  'can',
  'could',
  'will',
  'would',
  'should',
  'there',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'any',
  'many',
  'much',
  'ministry',
  'letter',
  'reply',
  'answer',
  'say',
  'said',
  'tell',
  'me',
  'plan',
  'planned',
  'not',
  'why',
  'much',
  'between',
  'into',
]);
const PL_WORDS = new Set([
  'jak',
  'jaka',
  'jaki',
  'jakie',
  'czy',
  'co',
  'kto',
  'kiedy',
  'gdzie',
  'dlaczego',
  'ile',
  'w',
  'we',
  'z',
  'ze',
  'na',
  'i',
  'się',
  'jest',
  'są',
  'sprawie',
  'oraz',
  'do',
  'o',
  'od',
  'po',
  'przez',
  'dla',
  'nie',
  'to',
  'że',
  'pismo',
  'pisma',
  'ministerstwo',
  'odpowiedź',
]);
/** Polish letters that English never uses. */
const POLISH_LETTER = /[ąćęłńóśźż]/i;

/** A word that is a name, not a word of the sentence: capitalised after the first word, or an acronym. */
function isNameLike(word: string, position: number): boolean {
  if (/^\p{Lu}{2,}/u.test(word)) return true;
  return position > 0 && /^\p{Lu}/u.test(word);
}

/**
 * Detects the language of a question from its ordinary words: `en` when
 * English function words dominate, else `pl`. Proper names (capitalised
 * words after the first, acronyms) are ignored, so a Polish place name does
 * not make an English question Polish.
 */
export function detectLanguage(text: string): 'pl' | 'en' {
  const words = text.match(/\p{L}+/gu) ?? [];
  let en = 0;
  let pl = 0;
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    // „Chorzów” inside an English sentence votes for nothing; „ile” or „się” do vote.
    if (isNameLike(word, i) && !PL_WORDS.has(lower) && !EN_WORDS.has(lower)) return;
    if (EN_WORDS.has(lower)) en += 1;
    if (PL_WORDS.has(lower)) pl += 1;
    else if (POLISH_LETTER.test(word)) pl += 2;
  });
  return en > pl ? 'en' : 'pl';
}
