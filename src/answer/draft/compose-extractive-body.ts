/**
 * The body of a draft without an LLM: the sentences the answer reader picks
 * (`composeExtractiveAnswer`: answer types, no frame lines, one copy of each
 * letter), quoted verbatim, put back in their letter's order, one paragraph
 * per source paragraph of each letter, and joined with plain connectives
 * from a fixed list. A sentence that leans on the one before it in its letter
 * („Połączona była z delegacją…”) brings that sentence with it, so no quote
 * is left without its subject. No sentence appears twice.
 */
import { analyze, analyzeQuery } from '../../archive/analyzer.js';
import { foldText } from '../../archive/fold-text.js';
import { splitSentences } from '../../archive/split-sentences.js';
import type { Passage, SearchHit, TermStats } from '../../archive/types.js';
import { isFrameSentence } from '../../archive/letter-parts.js';
import { hasAnswerType } from '../answer-types.js';
import { citationFor } from '../citations.js';
import { composeExtractiveAnswer } from '../extractive-answer.js';
import { weighTerms } from '../term-weights.js';
import type { Citation } from '../types.js';
import { lowerFirstWord } from './lower-first-word.js';
import type { DraftParagraph, DraftSentence } from './draft-letter.js';

/** Sentences a draft quotes at most (with the sentences quotes lean on): a letter covers more than a chat answer. */
const DRAFT_SENTENCES = 8;
/** Passages considered: a reply draws on the whole answering letter. */
const DRAFT_PASSAGES = 6;
/** Connectives opening a further paragraph, used in turn. */
export const CONNECTIVES = ['Ponadto', 'Jednocześnie', 'Dodatkowo'] as const;

/** Openings that refer back to the sentence before (a pronoun, an elided subject, a consequence). */
const LEANS_BACK =
  /^(?:(?:Ten|Ta|To|Te|Tego|Tej|Tym|Ci|Oni|One|Ona|On|Ono|Jego|Jej|Ich|Wówczas|Wtedy|Tam|Natomiast|Jednak|Dlatego|Również|Także)\b|W (?:efekcie|związku z tym|wyniku tego|ramach tego)\b|\p{Lu}\p{Ll}+(?:ona|ony|one|ana|any|ane|ęta|ęty|ęte)\s+(?:był|była|było|były|została|został|zostało|zostały)\b)/u;

export interface ComposeExtractiveBodyOptions {
  readonly request: string;
  readonly hits: readonly SearchHit[];
  readonly stats: TermStats;
  /** All passages of a letter: the dated facts of the answering letter are looked up in the whole of it. */
  readonly passagesOf: (letterId: string) => Promise<readonly Passage[]>;
}

export interface ExtractiveBody {
  readonly paragraphs: DraftParagraph[];
  readonly citations: Citation[];
}

interface Placed {
  readonly text: string;
  readonly n: number;
  readonly hit: SearchHit;
  /** Offset in the letter's text, for the letter's order. */
  readonly at: number;
}

/** A line of capitalised words only (an addressee block, a heading): not a fact to quote. */
function isHeadingLine(text: string): boolean {
  return !/(?:^|\s)\p{Ll}\p{L}{2,}/u.test(text);
}

const keyOf = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** The passage holding a quote, and the quote's sentence index and offset there. */
function locate(quote: string, hits: readonly SearchHit[], c: Citation) {
  const key = keyOf(quote);
  for (const hit of hits) {
    if (hit.letter.id !== c.letterId || hit.passage.page !== c.page) continue;
    const sentences = splitSentences(hit.passage.text);
    const i = sentences.findIndex((s) => keyOf(s.text).includes(key));
    if (i >= 0) return { hit, sentences, i };
  }
  return null;
}

/** Builds the body; null when the reader finds no sentence for the request. */
export async function composeExtractiveBody({
  request,
  hits: retrieved,
  stats,
  passagesOf,
}: ComposeExtractiveBodyOptions): Promise<ExtractiveBody | null> {
  const hits = [...retrieved];
  const answer = composeExtractiveAnswer({
    question: request,
    hits: retrieved,
    weights: weighTerms(request, stats),
    language: 'pl',
    maxSentences: DRAFT_SENTENCES,
    maxPassages: DRAFT_PASSAGES,
  });
  if (!answer) return null;
  const citations = answer.citations.map((c) => ({ ...c }));
  const placed: Placed[] = [];
  const seen = new Set<string>();
  const add = (p: Placed) => {
    const key = keyOf(p.text);
    if (seen.has(key)) return;
    seen.add(key);
    placed.push(p);
  };
  /** Places a quote (and the sentence it leans on) under citation `n`. */
  const place = (text: string, n: number) => {
    const found = locate(text, hits, citations[n - 1]!);
    if (!found) return;
    const { hit, sentences, i } = found;
    const at = hit.passage.start + sentences[i]!.start;
    const quoteWith = (extra: string) => {
      const c = citations[n - 1]!;
      if (!c.quote.includes(extra)) citations[n - 1] = { ...c, quote: `${c.quote} … ${extra}` };
    };
    if (LEANS_BACK.test(text) && i > 0) {
      const before = sentences[i - 1]!;
      add({ text: before.text, n, hit, at: hit.passage.start + before.start });
      quoteWith(before.text);
    }
    add({ text, n, hit, at });
    quoteWith(text);
    // …and the sentence after it that leans on it (`Rewizyta … września.` → `Połączona była …`).
    const after = sentences[i + 1];
    if (after && LEANS_BACK.test(after.text) && !isHeadingLine(after.text)) {
      add({ text: after.text, n, hit, at: hit.passage.start + after.start });
      quoteWith(after.text);
    }
  };
  const chosen: string[] = [];
  const requestTerms = new Set(analyzeQuery(request));
  const firstLetterId = citations[0]?.letterId;
  for (const line of answer.text.split('\n')) {
    const m = /^„(.+)” \[(\d+)\]$/u.exec(line);
    if (!m || isHeadingLine(m[1]!)) continue;
    const n = Number(m[2]);
    // A further letter must share two of the request's terms: one common word
    // (`wygląda`) brings a sentence a chat answer may show, not a letter.
    const shared = new Set(analyze(m[1]!).filter((t) => requestTerms.has(t)));
    if (citations[n - 1]!.letterId !== firstLetterId && shared.size < 2) continue;
    chosen.push(m[1]!);
    place(m[1]!, n);
  }
  if (placed.length === 0) return null;
  // A reply states the dated facts of its answering letter (the first letter,
  // which passed the answerability check): its sentences with a date are added
  // in its order, up to the draft's length (the reader stops at a chat answer's).
  const { letter } = placed[0]!.hit;
  const whole = (await passagesOf(letter.id)).map((passage) => ({ passage, letter, score: 0 }));
  for (const hit of whole) {
    // Passages the search did not return are placed through `hits` as well.
    if (!hits.some((h) => h.passage.id === hit.passage.id)) hits.push(hit);
    for (const s of splitSentences(hit.passage.text)) {
      if (placed.length >= DRAFT_SENTENCES) break;
      if (s.text.length < 25 || seen.has(keyOf(s.text)) || isFrameSentence(s.text)) continue;
      if (isHeadingLine(s.text)) continue;
      if (!hasAnswerType(s.text, 'kiedy')) continue;
      let n = citations.findIndex(
        (c) => c.letterId === hit.letter.id && c.page === hit.passage.page,
      );
      if (n < 0) {
        citations.push(citationFor(hit, citations.length + 1, s.text));
        n = citations.length - 1;
      }
      place(s.text, n + 1);
    }
  }

  // Letters in the order the reader ranked them; each letter's sentences in its own order.
  const letterOrder = [...new Set(placed.map((p) => p.hit.letter.id))];
  placed.sort(
    (a, b) =>
      letterOrder.indexOf(a.hit.letter.id) - letterOrder.indexOf(b.hit.letter.id) || a.at - b.at,
  );
  const paragraphs: DraftSentence[][] = [];
  placed.forEach((p, k) => {
    const prev = placed[k - 1];
    const isSameParagraph =
      prev !== undefined &&
      prev.hit.letter.id === p.hit.letter.id &&
      prev.hit.passage.id === p.hit.passage.id &&
      !/\n\s*\n/.test(
        p.hit.passage.text.slice(prev.at - p.hit.passage.start, p.at - p.hit.passage.start),
      );
    const sentence: DraftSentence = { text: p.text, sources: [p.n], isPlaceholder: false };
    if (isSameParagraph) paragraphs.at(-1)!.push(sentence);
    else paragraphs.push([sentence]);
  });
  // Only cited sources stay (a quote left out above took its number along), renumbered in reading order.
  const renumber = new Map<number, number>();
  for (const p of placed) if (!renumber.has(p.n)) renumber.set(p.n, renumber.size + 1);
  for (const sentences of paragraphs)
    for (const s of sentences) s.sources = s.sources.map((n) => renumber.get(n)!);
  const used = [...renumber].map(([old, n]) => ({ ...citations[old - 1]!, n }));
  // A further paragraph opens with a connective when its first word can be lower-cased.
  return {
    citations: used,
    paragraphs: paragraphs.map((sentences, i) => {
      if (i === 0) return { sentences };
      const [first, ...rest] = sentences;
      const lowered = lowerFirstWord(first!.text);
      const connective = CONNECTIVES[(i - 1) % CONNECTIVES.length]!;
      return {
        sentences: lowered ? [{ ...first!, text: `${connective} ${lowered}` }, ...rest] : sentences,
      };
    }),
  };
}
