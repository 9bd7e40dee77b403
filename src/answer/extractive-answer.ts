/**
 * The answer without an LLM: the sentences from the top passages that best
 * cover the question's (rarity-weighted) terms, each quoted verbatim and
 * followed by its `[n]`. Honest by construction: every word comes from a
 * letter, and every sentence names its source.
 */
import type { SearchHit } from '../archive/types.js';
import { ANSWER_TEXT } from '../messages.js';
import { citationFor } from './citations.js';
import { analyzeQuery, foldText } from '../archive/analyzer.js';
import {
  LIST_MARKER,
  normalizeSpace,
  quotableSentences,
  rowMatcher,
} from './quotable-sentences.js';
import {
  asksForSignatory,
  directSpan,
  hasAnswerType,
  questionParts,
  type AnswerType,
} from './answer-types.js';
import type { TermWeights } from './term-weights.js';
import { coveredTerms, ECHO_FACTOR, isEcho, TYPE_MISS_FACTOR } from './sentence-coverage.js';
import type { Citation, ExtractiveAnswer } from './types.js';

export interface ExtractiveAnswerOptions {
  readonly question: string;
  readonly hits: readonly SearchHit[];
  readonly weights: TermWeights;
  readonly language: 'pl' | 'en';
  /** Sentences in the answer at most. */
  readonly maxSentences?: number;
  /** Passages (in rank order) considered at most. */
  readonly maxPassages?: number;
  readonly notice?: string | null;
  /**
   * The answering letter's passages that were not retrieved
   * (`answeringLetterPassages`): a sentence there is quoted only when it
   * holds the type the question asks for (a date for „kiedy”, an amount for
   * „ile”), and then competes with the retrieved ones on the question's words.
   */
  readonly letterPassages?: readonly SearchHit[];
}

interface Candidate {
  readonly hit: SearchHit;
  readonly text: string;
  /** Question terms the sentence contains (exactly or by prefix). */
  readonly covered: ReadonlySet<string>;
  /** Rank and echo adjustments. */
  readonly factor: number;
  readonly order: number;
  /** Answer types the sentence holds (a date, an amount…). */
  readonly types: ReadonlySet<AnswerType>;
}

/**
 * A sentence that states what the one before it comes to („Oznacza to, że populacja województwa
 * spadła o 95,8 tys.”, „Łącznie …”, „W tym …”) says nothing without it: the two are one quote
 * (adjacent in the passage, so still verbatim).
 */
const CONTINUES =
  /^(?:Oznacza to|To oznacza|Tym samym|Wynika z tego|Z powyższego wynika|Daje to|Stanowi to|Łącznie|W sumie|Spośród nich|Z tego|W tym(?! (?:roku|miesiącu|tygodniu|dniu)))\b/u;
/** A continuing sentence is quoted with the one before it while the two are at most this long. */
const MAX_JOINED = 500;
/**
 * The fact often sits in the sentence after the one that shares the question's words („… zawarto umowę
 * dotyczącą wynajmu terenu. Koszt wynikający z tytułu tej umowy wyniósł 17 404,50 zł brutto.”): such a
 * pair is also a candidate, one quote, at this share of its weight (so it wins only when the first
 * sentence adds enough of the question to the second).
 */
const PAIR_FACTOR = 0.9;
/** Types a pair is built for: a figure or a date the next sentence states of what the first one names. */
const PAIRED_TYPES: ReadonlySet<AnswerType> = new Set(['ile', 'kiedy']);
/** Questions whose answer is a reason or a decision: any two adjacent sentences are a candidate too… */
const OPEN_PAIRED_TYPES: ReadonlySet<AnswerType> = new Set(['dlaczego', 'czy']);
/** …at this share of their weight. */
const OPEN_PAIR_FACTOR = 0.95;
/** A further sentence qualifies by its own coverage (this share of the first's)… */
const MIN_OWN_SHARE = 0.5;
/** …or by the new weight it adds (this share of what the first one added). */
const MIN_NEXT_GAIN = 0.25;
/** Balance between a sentence's own coverage and what it adds to earlier picks. */
const MMR_LAMBDA = 0.5;
/** Weight of the sentence that answers a question the letter quotes back, scored with that question's words. */
const ECHO_ANSWER_FACTOR = 0.9;
const NO_TERMS: ReadonlySet<string> = new Set();
/** Weight kept by a sentence with the asked amount but not the year the question asks it for. */
const YEAR_MISS_FACTOR = 0.7;
/** A sentence with the asked date or amount joins the quotes when it has at least this share of the best quote's weight. */
const MIN_DIRECT_SHARE = 0.05;
/** Quotes for an open question (`jak wyglądała…`, `co ustalono…`): one more than for a typed one, whose answer is one fact. */
const OPEN_QUESTION_SENTENCES = 4;
/** Rank factor of a sentence from a passage of the answering letter that was not retrieved: as the third retrieved passage. */
const LETTER_PASSAGE_FACTOR = 0.9;
function coverageOf(c: Candidate, weights: TermWeights, total: number): number {
  let found = 0;
  for (const term of c.covered) found += weights.get(term) ?? 0;
  return (found / Math.max(total, 1e-9)) * c.factor;
}

/** Month names in their case forms, folded, January first. */
const MONTH_FORMS = [
  'styczen|stycznia|styczniu',
  'luty|lutego|lutym',
  'marzec|marca|marcu',
  'kwiecien|kwietnia|kwietniu',
  'maj|maja|maju',
  'czerwiec|czerwca|czerwcu',
  'lipiec|lipca|lipcu',
  'sierpien|sierpnia|sierpniu',
  'wrzesien|wrzesnia|wrzesniu',
  'pazdziernik|pazdziernika|pazdzierniku',
  'listopad|listopada|listopadzie',
  'grudzien|grudnia|grudniu',
].map((forms) => new RegExp(`(?<!\\p{L})(?:${forms})(?!\\p{L})`, 'u'));

/** The months (1–12) a text names, in words or as `dd.mm.yyyy` (`od marca 2026`, `01.03.2026` → {3}). */
function monthsIn(text: string): Set<number> {
  const folded = foldText(text).toLowerCase();
  const out = new Set<number>();
  MONTH_FORMS.forEach((re, i) => {
    if (re.test(folded)) out.add(i + 1);
  });
  for (const m of text.matchAll(/(?<!\d)\d{1,2}\.(\d{1,2})\.(?:19|20)\d{2}(?!\d)/g))
    out.add(Number(m[1]));
  return out;
}

/** Builds the extractive answer; returns `null` when no sentence touches the question. */
export function composeExtractiveAnswer({
  question,
  hits,
  weights,
  language,
  maxSentences = OPEN_QUESTION_SENTENCES - 1,
  maxPassages = 4,
  notice = null,
  letterPassages = [],
}: ExtractiveAnswerOptions): ExtractiveAnswer | null {
  const parts = questionParts(question);
  if (parts.length === 1 && parts[0]!.type === null && maxSentences === OPEN_QUESTION_SENTENCES - 1)
    maxSentences = OPEN_QUESTION_SENTENCES;
  const askedTypes = [...new Set(parts.flatMap((p) => (p.type ? [p.type] : [])))];
  // What a part asks, for its direct line: a part with no words of its own („… i ile w 2023 r.?”) counts
  // what the first part counts (`Ile kontroli … w 2022 r.`), for the year it names itself.
  const askedBy = (i: number) =>
    i === 0 || /\p{L}{4,}/u.test(parts[i]!.text.replace(/\b(?:ile|ilu)\b/giu, ''))
      ? parts[i]!.text
      : `${parts[i]!.text} ${parts[0]!.text.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu, ' ')}`;
  const candidates: Candidate[] = [];
  const seenTexts = new Set<string>();
  const retrieved = hits.slice(0, maxPassages);
  // The answering letter's other passages: retrieved below the cut, or not retrieved at all.
  const rest = [
    ...hits.slice(maxPassages).filter((h) => h.letter.id === hits[0]?.letter.id),
    ...letterPassages,
  ];
  const pool = askedTypes.length > 0 ? [...retrieved, ...rest] : retrieved;
  const rowMatches = rowMatcher(question);
  const onlyType = parts.length === 1 ? parts[0]!.type : null;
  const isOpenPaired = onlyType !== null && OPEN_PAIRED_TYPES.has(onlyType);
  const typesOf = (text: string) =>
    new Set(askedTypes.filter((t) => hasAnswerType(text, t, question)));
  pool.forEach((hit, rank) => {
    const isRetrieved = rank < retrieved.length;
    const passageText = normalizeSpace(hit.passage.text);
    const consider = (
      text: string,
      factor: number,
      inherited: ReadonlySet<string> = NO_TERMS,
    ): Set<AnswerType> | null => {
      if (text.length < 25) return null;
      // The same sentence twice (two copies of a letter, a repeated paragraph) is quoted once.
      const key = foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
      if (seenTexts.has(key)) return null;
      seenTexts.add(key);
      const covered = coveredTerms(text, weights);
      for (const term of inherited) covered.add(term);
      if (covered.size === 0) return null;
      const types = new Set(askedTypes.filter((t) => hasAnswerType(text, t, question)));
      // A passage retrieval did not return is read only for the asked fact.
      if (!isRetrieved && types.size === 0) return null;
      // Prefer sentences from higher-ranked passages when coverage ties; a
      // question echoed back by the reply (or its subject line) restates the
      // question rather than answering it.
      const weight =
        factor *
        (isRetrieved ? 1 - rank * 0.05 : LETTER_PASSAGE_FACTOR) *
        (isEcho(text) ? ECHO_FACTOR : 1);
      candidates.push({ hit, text, covered, factor: weight, order: candidates.length, types });
      return types;
    };
    // The sentence before, for one that continues it („Oznacza to, że …”): the two are quoted as one.
    let before: string | null = null;
    let beforeTypes: ReadonlySet<AnswerType> | null = null;
    for (const raw of quotableSentences(hit.passage.text, rowMatches)) {
      // A footnote mark split off at the sentence end (`2002 r.[`) is dropped; the rest stays verbatim.
      const sentence = raw.replace(/\s*[[(]$/, '');
      const joined =
        before !== null &&
        CONTINUES.test(sentence) &&
        before.length + sentence.length <= MAX_JOINED;
      // The reply that quotes a question back and answers it next („2. Czy Ministerstwo Zdrowia planuje …?
      // Opisane w pytaniu kwestie leżą w gestii płatnika publicznego …”): the answer is read with the
      // question's words, which it does not repeat.
      const answersEcho = !joined && before !== null && /\?\s*["”»)]?\s*$/u.test(before);
      const considered = answersEcho
        ? consider(sentence, ECHO_ANSWER_FACTOR, coveredTerms(before!, weights))
        : consider(joined ? `${before} ${sentence}` : sentence, 1);
      // Its types even when it is not a candidate itself (it shares no word with the question).
      const types = considered ?? (askedTypes.length > 0 ? typesOf(sentence) : null);
      // A sentence without the asked type followed by one that holds it: the pair is one quote too,
      // when the two stand side by side in the passage (a frame line between them breaks the pair).
      const pair = `${before} ${sentence}`;
      const isAdjacent = () =>
        pair.length <= MAX_JOINED && passageText.includes(normalizeSpace(pair));
      // „Dlaczego …?”, „Czy …?”: the sentence that restates the decision and the one next to it
      // (the reason, the conclusion „W związku z powyższym … nie prowadzi prac”) are read together.
      // Never a pair that opens with a question quoted back (`Ile wynosiło …? Średnie …`).
      const pairs = !joined && before !== null && !isEcho(before);
      if (pairs && isOpenPaired && isAdjacent()) consider(pair, OPEN_PAIR_FACTOR);
      else if (
        pairs &&
        beforeTypes?.size === 0 &&
        [...(types ?? [])].some((t) => PAIRED_TYPES.has(t)) &&
        // A list item opens a fact of its own (`• Akcyza …` after a sentence on CIT), unless the
        // sentence before introduces the list (`… w Białymstoku przeprowadził: a) w 2022 r. – 11 kontroli`).
        (!LIST_MARKER.test(sentence) || before?.endsWith(':') === true) &&
        isAdjacent()
      )
        consider(pair, PAIR_FACTOR);
      before = sentence;
      beforeTypes = types;
    }
  });
  if (candidates.length === 0) return null;
  let total = 0;
  for (const w of weights.values()) total += w;
  // Sentences are picked one by one, each scored half on its own coverage and
  // half on the weight it adds that earlier picks did not cover (MMR-style), so a
  // two-part question ("how many … and since when") gets both parts answered.
  const remaining = new Map(weights);
  // A sentence that holds the asked-for type (a date for „kiedy”) ranks above
  // one that only repeats the question's words.
  // A figure asked for a year („ile … w 2023”) is the one stated with that year: a sentence holding the
  // amount but none of the question's years gives another year's figure.
  const askedYears = question.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [];
  // So with a month („próg od marca 2026”, „na koniec maja”): the figure as of that month, not June's.
  const askedMonths = monthsIn(question);
  // Asked once per candidate: the selection below scores every candidate on every pick.
  const hasAskedMonth = new Map<Candidate, boolean>();
  const namesAskedMonth = (c: Candidate) => {
    let held = hasAskedMonth.get(c);
    if (held === undefined) {
      held = [...monthsIn(c.text)].some((m) => askedMonths.has(m));
      hasAskedMonth.set(c, held);
    }
    return held;
  };
  const hasAskedYear = (c: Candidate) =>
    (askedYears.length === 0 || askedYears.some((y) => c.text.includes(y))) &&
    (askedMonths.size === 0 || namesAskedMonth(c));
  const typeFactor = (c: Candidate, type: AnswerType | null) =>
    type === null
      ? 1
      : !c.types.has(type)
        ? TYPE_MISS_FACTOR
        : type === 'ile' && (askedYears.length > 0 || askedMonths.size > 0) && !hasAskedYear(c)
          ? YEAR_MISS_FACTOR
          : 1;
  const mainType = parts[0]?.type ?? null;
  const own = (c: Candidate) => coverageOf(c, weights, total) * typeFactor(c, mainType);
  const added = (c: Candidate) => {
    let g = 0;
    for (const term of c.covered) g += remaining.get(term) ?? 0;
    return (g / Math.max(total, 1e-9)) * c.factor * typeFactor(c, mainType);
  };
  const chosen: Candidate[] = [];
  /** The sentence chosen for each part of the question, for the direct answer line. */
  const forPart: (Candidate | null)[] = parts.map(() => null);
  // A sentence and the continuation quoted with it are one fact: never both.
  const overlapsChosen = (c: Candidate) =>
    chosen.some((o) => o !== c && (o.text.includes(c.text) || c.text.includes(o.text)));
  const take = (c: Candidate) => {
    chosen.push(c);
    for (const term of c.covered) remaining.set(term, 0);
  };
  // A compound question („ile umów … i na jaką kwotę …”) is covered part by
  // part: each part first gets the sentence that best answers it alone.
  if (parts.length > 1) {
    parts.forEach((part, i) => {
      const partTerms = new Set(analyzeQuery(part.text).filter((t) => weights.has(t)));
      let partTotal = 0;
      for (const t of partTerms) partTotal += weights.get(t) ?? 0;
      let best: Candidate | null = null;
      let bestScore = 0;
      // Only from the first letter: a part answered from an unrelated letter is a wrong answer, not half of one.
      const firstLetters = [...new Set(candidates.map((c) => c.hit.letter.id))].slice(0, 1);
      for (const c of candidates) {
        if (!firstLetters.includes(c.hit.letter.id)) continue;
        let found = 0;
        for (const t of c.covered) if (partTerms.has(t)) found += weights.get(t) ?? 0;
        // Coverage of the part, the whole question as a tie-breaker (the part's subject is often in the other part).
        const score =
          ((partTotal > 0 ? found / partTotal : 0) + 0.5 * coverageOf(c, weights, total)) *
          typeFactor(c, part.type) *
          c.factor;
        if (score > bestScore) [best, bestScore] = [c, score];
      }
      if (best) {
        forPart[i] = best;
        if (!chosen.includes(best) && !overlapsChosen(best) && chosen.length < maxSentences)
          take(best);
      }
    });
  }
  let bestOwn = 0;
  let firstAdded = 0;
  while (chosen.length < maxSentences) {
    let best: Candidate | null = null;
    let bestScore = -1;
    for (const c of candidates) {
      if (chosen.includes(c) || overlapsChosen(c)) continue;
      // The open question's extra quote adds context from a letter already quoted, never a new letter.
      if (
        (parts.length > 1 || chosen.length >= OPEN_QUESTION_SENTENCES - 1) &&
        chosen.length > 0 &&
        !chosen.some((o) => o.hit.letter.id === c.hit.letter.id)
      )
        continue;
      const isEligible =
        chosen.length === 0 ||
        own(c) >= bestOwn * MIN_OWN_SHARE ||
        added(c) >= firstAdded * MIN_NEXT_GAIN;
      if (!isEligible) continue;
      const score = MMR_LAMBDA * own(c) + (1 - MMR_LAMBDA) * added(c);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) break;
    if (bestOwn === 0) {
      bestOwn = own(best);
      firstAdded = added(best);
    }
    take(best);
  }
  if (parts.length === 1)
    // The direct line states what the answering letter says: a figure quoted from a letter below it
    // („ile kamperów …” answered with a hotline's „1,3 mln połączeń”) would be another question's answer.
    forPart[0] =
      chosen.find(
        (c) =>
          (mainType === null || c.types.has(mainType)) && c.hit.letter.id === hits[0]?.letter.id,
      ) ?? null;
  // A „kiedy” or „ile” question whose quotes hold no date or amount of what was asked
  // („ile wydało…” answered by „21 osób w 2025 r.”) gets the first letter's best
  // sentence that does hold one, ahead of the quotes that only share its words.
  parts.forEach((part, i) => {
    if (part.type !== 'kiedy' && part.type !== 'ile') return;
    // „… w 2022 r. i ile w 2023 r.?”: the second part's figure is the one stated with 2023.
    const partYears =
      part.type === 'ile' ? (part.text.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? []) : [];
    const answers = (c: Candidate) =>
      directSpan(c.text, part.type, askedBy(i)) !== null &&
      partYears.every((y) => c.text.includes(y));
    const held = forPart[i];
    if (held && answers(held)) return;
    const quoted = chosen.find((c) => answers(c) && c.hit.letter.id === hits[0]?.letter.id);
    if (quoted) {
      forPart[i] = quoted;
      return;
    }
    const firstLetter = chosen[0]?.hit.letter.id;
    let best: Candidate | null = null;
    for (const c of candidates) {
      if (c.hit.letter.id !== firstLetter || chosen.includes(c) || overlapsChosen(c)) continue;
      if (!answers(c)) continue;
      if (own(c) < bestOwn * MIN_DIRECT_SHARE) continue;
      if (!best || own(c) > own(best)) best = c;
    }
    if (!best) {
      // No sentence gives the figure for the asked year: the direct line would state another year's.
      if (held && !partYears.every((y) => held.text.includes(y))) forPart[i] = null;
      return;
    }
    // Room is made by the last quote no part's direct line stands on.
    if (chosen.length >= maxSentences) {
      const drop = chosen.findLastIndex((c) => !forPart.includes(c));
      if (drop < 0) return;
      chosen.splice(drop, 1);
    }
    chosen.splice(Math.min(1, chosen.length), 0, best);
    forPart[i] = best;
  });

  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const lines = chosen.map((c) => {
    // One number per letter page: a reader looks up a page, not a passage.
    const key = `${c.hit.letter.id}:${c.hit.passage.page ?? ''}`;
    let n = numberOf.get(key);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(key, n);
      citations.push(citationFor(c.hit, n, c.text));
    } else {
      const i = n - 1;
      citations[i] = { ...citations[i]!, quote: `${citations[i]!.quote} … ${c.text}` };
    }
    return `„${c.text}” [${n}]`;
  });
  const t = ANSWER_TEXT[language];
  // The direct line: for „kiedy” and „ile” parts, the shortest verbatim span
  // that answers (the date, the amount), cited like the quotes.
  const direct = parts.flatMap((part, i) => {
    const c = forPart[i];
    const span = c ? directSpan(c.text, part.type, askedBy(i)) : null;
    if (!c || !span) return [];
    const n = numberOf.get(`${c.hit.letter.id}:${c.hit.passage.page ?? ''}`);
    return n === undefined ? [] : [`„${span}” [${n}]`];
  });
  // „Kto podpisał…?”: the signatory of the first quoted letter, from its signature block (the letter's metadata).
  const signed = chosen[0]?.hit.letter;
  if (asksForSignatory(question) && signed?.author) {
    direct.unshift(
      `${signed.author}${signed.authorRole ? ` (${signed.authorRole})` : ''} [${numberOf.get(`${signed.id}:${chosen[0]!.hit.passage.page ?? ''}`)}]`,
    );
  }
  const head = direct.length > 0 ? `${t.directAnswer} ${[...new Set(direct)].join('; ')}\n\n` : '';
  return {
    kind: 'extractive',
    text: `${head}${t.extractiveIntro}\n${lines.join('\n')}`,
    citations,
    // A quoted passage that was not retrieved is shown too, so that every citation points at a shown passage.
    passages: [...hits, ...letterPassages.filter((h) => chosen.some((c) => c.hit === h))],
    question,
    language,
    notice,
  };
}
