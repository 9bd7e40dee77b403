/**
 * The eval's own check for boilerplate in answers: quotes of letterheads,
 * contact lines, page counters, greetings, opening formulas that only echo the
 * question, signature blocks, distribution lists and e-mail headers (issue
 * „Answers that state the fact”). Written apart from `src/archive/letter-parts.ts`
 * on purpose, with plainer patterns, so the answer path is not graded by the
 * code it is graded on.
 */

const KINDS: readonly (readonly [string, RegExp])[] = [
  ['contact', /\+48\s?\d|\btel\.?\s*:?\s*\d|\btelefon\b|@\w+\.\w|\b\d{2}-\d{3}\s+[A-ZŁŚŻ]/u],
  ['page-counter', /\bstrona\s+\d+\s+z\s+\d+|^\s*\d+\s*\/\s*\d+\s*$/iu],
  ['greeting', /^\s*(?:wielce\s+)?szanown[ayi]\s+pan/iu],
  [
    'opening',
    /^\s*(?:w odpowiedzi na|odpowiadając na|w nawiązaniu do|nawiązując do|(?:poniżej\s+)?udzielam\s+odpowiedzi\s+na)\s+(?:\S+\s+){0,3}(?:interpelacj|zapytani|pism|wystąpieni)\S*(?![^,]*,\s*(?:uprzejmie\s+)?(?:informuję|wyjaśniam),?\s*(?:że|iż)\s+\S+\s+\S+\s+\S+\s+\S+)/iu,
  ],
  [
    'signature',
    /\$ezd|podpisan[oy]\s+(?:kwalifikowanym\s+)?(?:podpisem\s+)?elektronicznie|z wyrazami szacunku|z poważaniem/iu,
  ],
  ['distribution', /\bdo wiadomości\s*:?|\botrzymują\s*:/iu],
  [
    'place-date',
    /^\s*[A-ZŁŚŻ][a-ząćęłńóśźż]+,?\s+(?:dnia,?\s+)?\d{1,2}(?:[.\s]+)(?:\d{1,2}\.|[a-ząćęłńóśźż]+\s)\s*\d{4}\s*r?\.?\s*$/u,
  ],
  ['email-header', /^\s*(?:od|from|temat|subject)\s*:/iu],
];

/** The boilerplate kinds a quoted sentence matches (empty when it is substance). */
export function boilerplateKinds(quote: string): string[] {
  return KINDS.filter(([, re]) => re.test(quote)).map(([kind]) => kind);
}

/** The quoted sentences of an answer text (`„…” [n]` lines of an extractive answer, `„…”` fragments of an LLM answer). */
export function quotedSentences(answer: string): string[] {
  return [...answer.matchAll(/„([^”]{3,})”/gu)].map((m) => m[1]!.trim());
}
