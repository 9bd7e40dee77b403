/**
 * The Polish question word for an English question („When…” → `kiedy`, „How
 * much…” → `ile`), put before its Polish search terms: the bridge translates
 * content words and drops question words as stop words, which left every
 * English question without an answer type, so „When was the dam built?” got
 * quotes on the dam rather than the sentence with its dates. Polish question
 * words are stop words of the analyzer: retrieval does not change, only the
 * answer's type (`answer-types.ts`).
 */

/** English openings and the Polish question word each asks with; the first that matches decides. */
const CUES: readonly (readonly [RegExp, string])[] = [
  [
    /^(?:under |on )?(?:which|what) (?:article|provision|regulation|law|legal basis)\b|\bon what legal basis\b/i,
    'który przepis',
  ],
  [
    /^(?:since when|from when|from what date|as of when|starting when)\b|^(?:from|since) (?:which|what) (?:date|year|day|month)\b/i,
    'od kiedy',
  ],
  [
    /^(?:when|until when|by when|by what date|on what date|in what year|what year|in which year|what date|how long)\b/i,
    'kiedy',
  ],
  [
    /^(?:how (?:much|many|high|large|big)|what (?:share|percentage|percent|proportion|part|amount|number|sum|value|level|rate|cost|price|fraction|budget)|what (?:is|was|were|are) the (?:amount|number|cost|value|level|rate|share|percentage|total|sum|budget|price))\b/i,
    'ile',
  ],
  [
    /^(?:who|whom|whose|to whom|by whom|which (?:body|bodies|institution|institutions|authority|authorities|ministry|office|organisation|organization|company|companies|court|prosecutor'?s? office|agency|minister))\b/i,
    'kto',
  ],
  [
    /^(?:where|at what address|in (?:which|what) (?:town|city|region|voivodeship|place|county|municipality))\b/i,
    'gdzie',
  ],
  [
    /^(?:why|for what reason|what is the reason|what was the reason|what are the reasons)\b/i,
    'dlaczego',
  ],
  [/^(?:is|are|does|do|did|will|can|could|has|have|had|was|were|should|would|may)\b/i, 'czy'],
];

/** The Polish question word for `question` (English), or `null` for an open question („What does…”). */
export function polishQuestionWord(question: string): string | null {
  const text = question.trim();
  for (const [re, word] of CUES) if (re.test(text)) return word;
  return null;
}
