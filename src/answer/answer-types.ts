/**
 * What kind of answer a Polish question asks for, and whether a sentence
 * holds it. „Kiedy goście z Yingkou odwiedzili Chorzów?” asks for a date: the
 * sentence „w dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta
 * Yingkou” answers it, „Nasi goście oprócz wizyty w Urzędzie Miasta…” only
 * repeats its words. Compound questions („ile umów … i na jaką kwotę …”) are
 * split into parts, each with its own type, so that each part gets a sentence.
 *
 * Hand-written: the cues are Polish question words and the way official
 * letters write dates, amounts, bodies and decisions; no library covers that.
 */
import { foldText } from '../archive/fold-text.js';

export type AnswerType = 'kiedy' | 'ile' | 'kto' | 'gdzie' | 'dlaczego' | 'czy' | 'przepis';

export interface QuestionPart {
  /** The part of the question (from its question word to the next part). */
  readonly text: string;
  /** What it asks for; `null` for an open question (`jak wygląda…`, `co…`). */
  readonly type: AnswerType | null;
}

/** Question words (folded, lower case) and the type they ask for; longer cues first. */
const CUES: readonly (readonly [RegExp, AnswerType])[] = [
  [
    /\b(?:z|na podstawie|pod) (?:jakiego|ktorego) (?:artykulu|przepisu|paragrafu)|\b(?:jaki|ktory|jakie|ktore) (?:artykul|przepis|paragraf)|\bna jakiej podstawie prawnej/,
    'przepis',
  ],
  [
    /\b(?:od|do|na) kiedy\b|\bkiedy\b|\bw jakim (?:terminie|okresie|roku|dniu|miesiacu)|\bjak dlugo\b|\bw ktorym roku\b|\b(?:z|od|do) (?:ktorego|jakiego) roku\b|\bjakiego dnia\b|\bjaka data\b|\bw jakim czasie\b/,
    'kiedy',
  ],
  [
    /\bile\b|\bilu\b|\bjak(?:a|i|ie|iej) (?:\p{L}+ ){0,2}(?:kwot|odset|procent|liczb|czesc|wartos|wysokos|suma|budzet|koszt|srodk|poziom|skal|stawk|prog|pulap|limit|dlug|zadluz|zobowiazan|zaleglosc|wydatk|przychod|dochod|wynagrodzen|pensj|oplat|dotacj|subwencj|dofinansowan)\p{L}*|\bna jaka (?:\p{L}+ )?(?:kwote|sume|wartosc)|\bza jaka (?:\p{L}+ )?cene\b|\bjaka (?:\p{L}+ )?cen[ae]\b|\bile (?:czasu|dni|lat|miesiecy|tygodni|godzin)\b|\bw jakiej wysokosci\b|\bjak (?:duz|wysok|wiel)\p{L}*|\bpod jakim numerem\b|\bjaki (?:numer|limit|wskaznik|termin placy)/u,
    'ile',
  ],
  [
    /\bkto\b|\bkogo\b|\bkomu\b|\bz kim\b|\bktor\p{L}* (?:organ|urzad|urzed|podmiot|minist|resort|sad|instytucj|firm|spolk|sluzb|jednost|prokuratur|oddzial)\p{L}*|\bjak(?:i|a|ie|iemu|im) (?:organ|urzad|podmiot|instytucj|resort|sluzb|firm|spolk)\p{L}*|\bprzez kogo\b/u,
    'kto',
  ],
  [
    /\bgdzie\b|\bpod jakim adresem\b|\bjaki (?:jest )?adres\b|\bw jakim (?:miejscu|miescie|regionie|wojewodztwie|powiecie)|\bw ktorym (?:miejscu|miescie|regionie|wojewodztwie|powiecie)|\bdokad\b|\bskad\b/,
    'gdzie',
  ],
  [
    /\bdlaczego\b|\bz jakiego powodu\b|\bz jakich powodow\b|\bczemu\b|\bco jest przyczyna\b|\bjaka jest przyczyna\b|\bw jakim celu\b|\bpo co\b/,
    'dlaczego',
  ],
  [/(?:^|[\s,;])czy\b/, 'czy'],
];
/** Any question word that may open a further part of a compound question. */
const PART_START =
  /(?:,\s*|\s+)(?:a\s+|i\s+|oraz\s+|a takze\s+)(?=(?:\p{L}{4,}\s+)?(?:od |do |na |z |w |pod |przez )?(?:kiedy|ile|ilu|kto|kogo|komu|gdzie|dlaczego|czy|jak(?:a|i|ie|iej|im|ich)?|ktor\p{L}*|na jaka|w jakiej|z jakiego|czemu)\b)/gu;

/**
 * Splits a question into its parts and gives each its answer type.
 * „Ile umów podpisano i na jaką łączną kwotę?” → [ile: „Ile umów podpisano”, ile: „na jaką łączną kwotę?”].
 */
export function questionParts(question: string): QuestionPart[] {
  // Folding keeps lengths (one letter for one letter), so cut points carry over.
  const folded = foldText(question).toLowerCase();
  // [start, end) of each part: a part ends where its connector (`i`, `oraz`, `,`) begins.
  const bounds: [number, number][] = [];
  let start = 0;
  for (const m of folded.matchAll(PART_START)) {
    bounds.push([start, m.index]);
    start = m.index + m[0].length;
  }
  bounds.push([start, question.length]);
  const parts: QuestionPart[] = [];
  for (const [from, to] of bounds) {
    const text = question.slice(from, to).trim();
    if (text.length === 0) continue;
    parts.push({ text, type: typeOf(foldText(text).toLowerCase()) });
  }
  return parts.length > 0 ? parts : [{ text: question, type: typeOf(folded) }];
}

function typeOf(folded: string): AnswerType | null {
  // The cue that comes first in the part decides (`czy wiadomo, ile …` asks for a number).
  let best: { at: number; type: AnswerType } | null = null;
  for (const [re, type] of CUES) {
    const m = re.exec(folded);
    if (!m) continue;
    const at = type === 'czy' ? m.index + 100 : m.index;
    if (!best || at < best.at) best = { at, type };
  }
  return best?.type ?? null;
}

/** A RegExp whose `\\b` is a word boundary for Polish letters too (JavaScript's `\\b` knows only ASCII). */
function unicodeWords(source: string, flags: string): RegExp {
  return new RegExp(
    source.replaceAll(
      '\\b',
      '(?:(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}]))',
    ),
    flags,
  );
}

const MONTHS =
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień|styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrześniu|październiku|listopadzie|grudniu';
/** Dates and periods: `2-3 lipca 2013 roku`, `17.08.2026 r.`, `w marcu 2024`, `od 2020 r.`, `do końca 2026 r.`, `w I kwartale 2026`. */
const DATE_SPAN = new RegExp(
  [
    `(?:w dniach?\\s+|dnia\\s+|od\\s+|do\\s+|z dniem\\s+|z dnia\\s+|w terminie do\\s+)?\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+(?:${MONTHS})(?:\\s+\\d{4}\\s*(?:r\\.|roku)?)?`,
    `(?:od\\s+|do\\s+|dnia\\s+|z dniem\\s+|z dnia\\s+)?\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\s*(?:r\\.)?`,
    `(?:w|od|do|we|na)\\s+(?:${MONTHS})\\s+\\d{4}\\s*(?:r\\.|roku)?`,
    `(?:w|we|od|do|na|w latach|po)\\s+(?:(?:I|II|III|IV)\\s+(?:kwartale|półroczu)\\s+|końca\\s+|początku\\s+|połowie\\s+|roku\\s+)?(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)\\d{2})?\\s*(?:r\\.|roku|rok)?`,
    `(?:19|20)\\d{2}\\s*(?:r\\.|roku)`,
    // `w III kwartale`, `III kwartał 2026 r.`, `do końca I półrocza`: a period without a day.
    // The numeral is a word of its own: „drugi kwartał” holds no `I kwartał`.
    `(?:(?:w|na|do|od|po|z)\\s+(?:końca\\s+)?)?(?<!\\p{L})(?:I|II|III|IV)\\s+(?:kwarta\\p{L}*|półrocz\\p{L}*)(?:\\s+(?:19|20)\\d{2}\\s*(?:r\\.|roku)?)?`,
    // `na pierwszy lub drugi kwartał 2027 roku`: the quarter in words.
    `(?:(?:w|na|do|od|po|z)\\s+)?(?<!\\p{L})(?:pierwsz|drug|trzec|czwart)\\p{L}*\\s+(?:(?:lub|albo|i|–|-)\\s+(?:drug|trzec|czwart)\\p{L}*\\s+)?(?:kwarta\\p{L}*|półrocz\\p{L}*)(?:\\s+(?:19|20)\\d{2}\\s*(?:r\\.|roku)?)?`,
  ].join('|'),
  'iu',
);
/** Law citations and other numbers that are no amount: `art. 12`, `poz. 1483`, `Dz. U.`, `nr 18193`, `§ 2`, years. */
const NOT_AN_AMOUNT =
  /(?:art\.|ust\.|pkt|poz\.|nr|§|lit\.|Dz\.\s*U\.|sygn\.|K\d|interpelacj\p{L}*)\s*$/iu;
/** An amount: a number with a unit or a counted noun (`18 mld zł`, `16,91%`, `254 umowy`, `150 909 uczniów`, `1035 punktach`). */
const AMOUNT_SPAN =
  /(?<![\p{L}\d.,])(?:ok\.\s*|około\s+|ponad\s+|blisko\s+|prawie\s+|niemal\s+)?(?:\d{1,3}(?:[\s\u00a0]\d{3})+|\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,\d+|,-|\.\d+)?(?![\d)])(?!\.\s*\p{Ll})(?:\s*(?:%|proc\.|procent\p{L}*|tys\.|mln|mld|zł|euro|EUR|PLN|USD))*(?:\s+(?!(?:na|w|we|z|ze|do|od|i|oraz|a|o|po|przy|dla|r\.|roku|co|to|czyli|jest|są|był|była|było|wynosi|wyniosła|stanowi|stanowiło)(?![\p{L}]))(?!(?:dot|tj|np|wg|ww|tzw|pn|ok)\.)\p{Ll}[\p{L}-]*)?/gu;
const PERSON_OR_BODY = unicodeWords(
  String.raw`\b(?:minist\p{L}*|prezes\p{L}*|dyrektor\p{L}*|wojewod\p{L}*|starost\p{L}*|burmistrz\p{L}*|prezydent\p{L}*|komendant\p{L}*|rzeczni\p{L}*|sekretarz\p{L}*|marszał\p{L}*|wójt\p{L}*|inspektor\p{L}*|prokurat\p{L}*|sąd\p{L}*|urzęd\p{L}*|urząd|agencj\p{L}*|instytut\p{L}*|komend\p{L}*|rad[aziy]\s+\p{Lu}\p{L}*|fundusz\p{L}*|zakład\p{L}*|inspekcj\p{L}*|policj\p{L}*|straż\p{L}*|departament\p{L}*|biur[aoze]\p{L}*|zarząd\p{L}*|spółk\p{L}*|S\.A\.|sp\. z o\.o\.|uczelni\p{L}*|uniwersytet\p{L}*|szpital\p{L}*|kancelari\p{L}*|ośrod\p{L}*|centrum|zespół|zespoł\p{L}*|komisj\p{L}*|wykonawc\p{L}*|inwestor\p{L}*|operator\p{L}*)\b|(?<=\s)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+`,
  'u',
);
const PLACE = unicodeWords(
  String.raw`\b(?:w|we|na|do|z|ze)\s+(?!(?:Polsce|Polski)\b)\p{Lu}\p{Ll}{2,}|\b(?:województw|powiat|gmin|miast|miejscowoś|prowincj|region|adres|położon)\p{L}*`,
  'u',
);
const CAUSE = unicodeWords(
  String.raw`\b(?:ponieważ|gdyż|bowiem|albowiem|z tego względu|z tej przyczyny|z uwagi na|ze względu na|w związku z|wynika(?:ło|ją)? z|dlatego|z powodu|przyczyn\p{L}*|w celu|celem|aby|żeby|spowodowa\p{L}*|skutk\p{L}*|skutek|mając na uwadze|biorąc pod uwagę|w konsekwencji|w przeciwnym razie|odpowiedzią na|uzasadni\p{L}*|konieczn\p{L}*|wymaga\p{L}*|ryzyk\p{L}*|zagroż\p{L}*|nie spełnia\p{L}*)\b`,
  'iu',
);
const DECISION = unicodeWords(
  String.raw`\b(?:nie\s+)?(?:planuje|planowane|przewiduje|przewidziano|przewiduje się|zamierza|rozważa|prowadzi|prowadzone|podjęto|podjął|podjęła|zostanie|zostaną|został[aoy]?|zostały|trwają|są prowadzone|nie ma|nie jest|nie są|nie był[aoy]?|nie były|nie będzie|nie będą|nie przewid\p{L}*|nie planu\p{L}*|nie prowadz\p{L}*|brak|możliwe|możliwość|wyraził\p{L}*|zdecydował\p{L}*|zaplanowano|wprowadzono|wprowadzi|uruchomi\p{L}*|obowiązuje|obowiązują)\b`,
  'iu',
);
const PROVISION = unicodeWords(
  String.raw`\bart\.\s*\d+\p{Ll}?|§\s*\d+|\bustaw[aęyi]\s+z\s+dnia|\brozporządzeni\p{L}*\s+(?:Ministra|Rady)|\bKodeks\p{L}*`,
  'u',
);

/**
 * True when the sentence holds an answer of the given type. With the
 * question, a person or body counts only when the question does not name it
 * itself: „Kto decyduje o zamknięciu punktu w Suchej Beskidzkiej?” is not
 * answered by a sentence whose only name is „Suchej Beskidzkiej”.
 */
export function hasAnswerType(sentence: string, type: AnswerType, question = ''): boolean {
  switch (type) {
    case 'kiedy':
      return hasEventDate(sentence);
    case 'ile':
      return amountSpans(sentence).length > 0;
    case 'kto':
      return hasNewPersonOrBody(sentence, question);
    case 'gdzie':
      return PLACE.test(sentence);
    case 'dlaczego':
      return CAUSE.test(sentence);
    case 'czy':
      return DECISION.test(sentence);
    case 'przepis':
      return PROVISION.test(sentence);
    default: {
      const never: never = type;
      return never;
    }
  }
}

const PERSON_OR_BODY_ALL = new RegExp(PERSON_OR_BODY.source, 'gu');

/** A person or body in the sentence with a word the question does not have (compared by the first five letters). */
function hasNewPersonOrBody(sentence: string, question: string): boolean {
  const asked = new Set(
    (
      foldText(question)
        .toLowerCase()
        .match(/\p{L}+/gu) ?? []
    ).map((w) => w.slice(0, 5)),
  );
  for (const m of sentence.matchAll(PERSON_OR_BODY_ALL)) {
    const named =
      foldText(m[0])
        .toLowerCase()
        .match(/\p{L}+/gu) ?? [];
    if (named.some((w) => !asked.has(w.slice(0, 5)))) return true;
  }
  return false;
}

/** Amounts in a sentence, without law citations, reference numbers and bare years. */
function amountSpans(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(AMOUNT_SPAN)) {
    const span = m[0].trim();
    const before = sentence.slice(0, m.index);
    if (NOT_AN_AMOUNT.test(before)) continue;
    const number = /^(?:\p{L}+\.?\s*)*([\d\s\u00a0.,]+)/u.exec(span)?.[1]?.trim() ?? '';
    // A bare year (`2024 r.`, `w 2024`) is a date, not an amount; a day of a date neither.
    if (/^(?:19|20)\d{2}$/.test(number) && !/%|zł|mln|mld|tys/.test(span)) continue;
    if (
      /^\d{1,2}$/.test(number) &&
      /^\s*(?:[-–.]\s*\d|\p{L}*(?:stycz|lut|mar|kwie|maj|czerw|lip|sierp|wrze|paźdz|listop|grud))/u.test(
        sentence.slice(m.index + m[0].indexOf(number) + number.length),
      )
    )
      continue;
    if (
      /^\d{1,2}$/.test(number) &&
      /\s(?:stycz|lut|mar|kwie|maj|czerw|lip|sierp|wrze|paźdz|listop|grud)/u.test(span)
    )
      continue;
    out.push(span);
  }
  return out;
}

/**
 * The shortest verbatim span of the sentence that answers a question of this
 * type: the date for `kiedy`, the amount for `ile`. `null` for other types or
 * when the sentence has none (the answer then opens with the quotes alone).
 */
/** How much the year stated right after an amount counts in choosing the direct line's amount. */
const YEAR_WEIGHT = 5;
/** A law's own date (`ustawy z dnia 5 lipca 2018 r.`) names the act, not when something happened. */
const LAW_DATE_BEFORE =
  /(?:ustaw\p{L}*|rozporządzeni\p{L}*|zarządzeni\p{L}*|kodeks\p{L}*|dyrektyw\p{L}*|obwieszczeni\p{L}*|uchwa[łl]\p{L}*|decyzj\p{L}*|wyrok\p{L}*|orzeczeni\p{L}*)\s+(?:\p{L}+\s+){0,3}$/iu;

/** `… z dnia <date>` within a few tokens of an act's name (`dyrektywy … (UE) 2023/2225 z dnia …`) is how Polish cites the act. */
const ACT_CITED_BEFORE =
  /(?:ustaw|rozporządzeni|zarządzeni|kodeks|dyrektyw|obwieszczeni|uchwał|uchwal|decyzj|wyrok|orzeczeni)\p{L}*\s+(?:\S+\s+){0,12}$/iu;

/** Inside an open official-journal citation: `(Dz. U. …`, `(Dz. Urz. UE L …`, `(M.P. …`. */
const JOURNAL_CITED_BEFORE = /\((?:Dz\.\s*U(?:rz)?\.|M\.\s*P\.)[^()]*$/u;

/**
 * The date of a `kiedy` answer: not a law's own date, and of several the one
 * whose preceding words share most stems with the question (`weszła w życie`).
 */
function bestDate(sentence: string, question: string): string | null {
  let best: { span: string; score: number } | null = null;
  for (const date of datesIn(sentence, question)) {
    // A law's own date ranks below any other.
    const score = date.overlap - (date.isLaw ? 10 : 0);
    if (!best || score > best.score) best = { span: date.span, score };
  }
  return best?.span ?? null;
}

/** True when the sentence dates something other than an act: `zarządzenia … z dnia 22 września 2017 r.` alone names the act, not when anything happened. */
function hasEventDate(sentence: string): boolean {
  return datesIn(sentence, '').some((d) => !d.isLaw);
}

/**
 * The dates of a sentence with whether each is a law's own date and how many
 * of the question's stems precede it; dates that only cite an act or a journal
 * are left out.
 */
function datesIn(
  sentence: string,
  question: string,
): { span: string; isLaw: boolean; overlap: number }[] {
  const asked = new Set((foldText(question).match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5)));
  const global = new RegExp(DATE_SPAN.source, 'giu');
  const out: { span: string; isLaw: boolean; overlap: number }[] = [];
  for (const m of sentence.matchAll(global)) {
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    const isLaw =
      LAW_DATE_BEFORE.test(before) ||
      (/^z dnia/iu.test(m[0]) && LAW_DATE_BEFORE.test(before + 'x '));
    const overlap = (foldText(before).match(/\p{L}{4,}/gu) ?? []).filter((w) =>
      asked.has(w.slice(0, 5)),
    ).length;
    // A cited act's date is never the answer; a looser match only ranks a date lower. The act's name
    // may be long (`Uchwale Nr 190 Rady Ministrów Regulamin pracy Rady Ministrów z dnia …`): twelve words back.
    if (
      /^z dnia/iu.test(m[0]) &&
      ACT_CITED_BEFORE.test(sentence.slice(Math.max(0, m.index - 160), m.index))
    )
      continue;
    // Nor a journal's (`Dz. U. z 2025 r.`, `Dz. Urz. UE L 2023/2225 z 30.10.2023`): it dates the publication of an act.
    if (JOURNAL_CITED_BEFORE.test(before)) continue;
    out.push({ span: m[0].trim(), isLaw, overlap });
  }
  return out;
}

/** „Kto podpisał odpowiedź…?”, „kto jest autorem pisma…”: answered by the letter's signatory, read from its signature block. */
export function asksForSignatory(question: string): boolean {
  return /\bkto\s+(?:podpisal|napisal|odpowiedzial|udzielil odpowiedzi|jest autorem|sygnowal)|\bpodpisal[aoy]?\s+(?:to\s+|te\s+)?(?:pismo|odpowiedz)|\bautor\p{L}*\s+(?:pisma|odpowiedzi|listu)|\bwho\s+signed\b/u.test(
    foldText(question).toLowerCase(),
  );
}

export function directSpan(
  sentence: string,
  type: AnswerType | null,
  question = '',
): string | null {
  if (type === 'kiedy') return bestDate(sentence, question);
  if (type !== 'ile') return null;
  // An amount the question itself names (`do 20 tysięcy mieszkańców`) is no answer to it.
  const given = new Set((question.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.')));
  const spans = amountSpans(sentence).filter(
    (s) => !given.has(/\d+(?:[.,]\d+)?/.exec(s)?.[0].replace(',', '.') ?? ''),
  );
  // Only an amount that says what it counts goes on the direct line: one of what was asked
  // (`ile umów` → `8 umów`), money for a money question, a share for a share one, a duration for `ile czasu`.
  // A bare first number („12 miesięcy” for „w ilu urzędach”) would state the wrong fact.
  const foldedQuestion = foldText(question);
  const asked = new Set((foldedQuestion.match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 4)));
  const isAsked = (text: string) =>
    (foldText(text).match(/\p{L}{4,}/gu) ?? []).some((w) => asked.has(w.slice(0, 4)));
  /** The span, or the span and the next word when that word says what it counts (`244 341 szkodliwych domen`); else `null`. */
  const countedSpan = (s: string): string | null => {
    if (isAsked(s)) return s;
    const at = sentence.indexOf(s);
    // One word more, the noun after an adjective the span ends with; not a preposition (`12 miesięcy w …
    // urzędach`), nor further words that qualify another noun (`52 ogniska rzekomego pomoru drobiu`).
    // A lower-case word: after a footnote number (`Młodzieży”6 Diagnoza Młodzieży, …`) comes a title.
    const next = at < 0 ? null : /^\s+\p{Ll}[\p{L}-]{3,}/u.exec(sentence.slice(at + s.length));
    return next && isAsked(next[0]) ? `${s}${next[0]}` : null;
  };
  const isCounted = (s: string) => countedSpan(s) !== null;
  const asksMoney =
    /kwot|koszt|cen[aey]|kasy|pieniedz|srodk|wydal|wydano|zaplac|dotacj|budzet|zl\b|euro|zaleg|zadluz|dlug|naleznos|wyplac|sfinansow|dofinansow/u.test(
      foldedQuestion,
    );
  const asksShare = /odset|procent|%|jaka czesc|jaki udzial/u.test(foldedQuestion);
  const asksTime = /ile (?:czasu|dni|lat|miesiecy|tygodni|godzin)|jak dlugo|w jakim terminie/u.test(
    foldedQuestion,
  );
  const candidates = spans.filter(
    (s) =>
      isCounted(s) ||
      (asksMoney && /zł|euro|EUR|PLN|USD/u.test(s)) ||
      (asksShare && /%|proc/u.test(s)) ||
      (asksTime &&
        /(?<!\p{L})(?:dni|dzień|tygodni\p{L}*|miesi\p{L}+|lat|lata|godzin\p{L}*)(?!\p{L})/u.test(
          s,
        )),
  );
  // Of several, the one whose preceding words share most with the question (`2023 rok - 4 799,4 tys. zł` for „w 2023”).
  const tokens = new Set(
    (foldedQuestion.match(/\p{L}{4,}|\d{4}/gu) ?? []).map((w) => w.slice(0, 5)),
  );
  let best: { span: string; score: number } | null = null;
  for (const span of candidates) {
    const at = sentence.indexOf(span);
    const before = foldText(sentence.slice(Math.max(0, at - 40), at));
    // „z ok. 46,3 mln zł w 2016 r. do ponad 637,7 mln zł w 2025 r.”: the year right after the amount is its year.
    const yearAfter = /^\s*(?:w|za|na)\s+(?:roku\s+)?((?:19|20)\d{2})(?!\d)/u.exec(
      sentence.slice(at + span.length, at + span.length + 20),
    )?.[1];
    const score =
      (before.match(/\p{L}{4,}|\d{4}/gu) ?? []).filter((w) => tokens.has(w.slice(0, 5))).length +
      (isCounted(span) ? 1 : 0) +
      // The year an amount is stated for outweighs words it shares with the question.
      (yearAfter === undefined || !/(?:19|20)\d{2}/u.test(foldedQuestion)
        ? 0
        : tokens.has(yearAfter)
          ? YEAR_WEIGHT
          : -YEAR_WEIGHT);
    if (!best || score > best.score) best = { span, score };
  }
  return best ? (countedSpan(best.span) ?? best.span) : null;
}
