/**
 * Which language to answer in: the question's. Only Polish and English are
 * supported; anything not clearly English is answered in Polish, the office's
 * language.
 */
const EN_WORDS = new Set(['the', 'what', 'which', 'who', 'how', 'when', 'where', 'why', 'is', 'are', 'was', 'were', 'did', 'does', 'do', 'of', 'and', 'with', 'our', 'about', 'in', 'to', 'for', 'has', 'have', 'came']);
const PL_WORDS = new Set(['jak', 'jaka', 'jakie', 'czy', 'co', 'kto', 'kiedy', 'gdzie', 'dlaczego', 'ile', 'w', 'z', 'na', 'i', 'się', 'jest', 'sprawie', 'oraz', 'do', 'o', 'od']);

/** Detects the language of a question: `en` when English function words dominate, else `pl`. */
export function detectLanguage(text: string): 'pl' | 'en' {
  if (/[ąćęłńóśźż]/i.test(text)) return 'pl';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let en = 0;
  let pl = 0;
  for (const w of words) {
    if (EN_WORDS.has(w)) en += 1;
    if (PL_WORDS.has(w)) pl += 1;
  }
  return en > pl ? 'en' : 'pl';
}
