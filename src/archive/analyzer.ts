/**
 * The one place that turns Polish text into search terms. Both index backends
 * use it (SQLite's FTS5 column and Qdrant's sparse vectors), so lexical
 * behaviour is identical whichever stores the archive.
 *
 * Steps: Unicode normalisation → lower case → diacritics folded (so
 * `wspolpraca` typed on an English keyboard finds `współpraca`) → reference
 * numbers and numbers kept whole → stop words dropped → a light Polish suffix
 * stemmer, so inflected forms (`współpracy`, `współpracę`) meet.
 */

import { foldText } from './fold-text.js';
import { polishDictionary, polishLemmas } from './stemmers/polish-dictionary.js';
import { stripSuffix } from './stemmers/light-stemmer.js';
import { gluedAcronymBase, isKnownAcronym } from './acronyms.js';
import {
  findReferences,
  parseReference,
  referenceKey,
  referenceTerms,
} from './reference-number.js';

export { foldText };

/**
 * Words that carry no topic in letters or in questions about them. Folded
 * (no diacritics), since matching happens after folding.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a aby ach acz aczkolwiek aj albo ale ani az bardziej bardzo bez bo bowiem by byc byl byla byli bylo byly bede bedzie beda
   cala cali caly ci cie ciebie co cokolwiek cos czy czyli dla do dlaczego dlatego dosc dr go gdy gdyz gdzie gdziekolwiek
   i ich ile im inna inne inny innych iz ja jak jaka jaki jakie jakich jakiej jakim jako je jeden jedna jedno jego jej jemu jesli jest jestem
   jeszcze jezeli juz kazdy kiedy kilka kto ktora ktore ktorego ktorej ktory ktorych ktorym ktorzy ku lub ma maja mam mi
   miedzy mnie moj moze mu my na nad nam nami nas nasi nasz nasza nasze natomiast nie niego niej niech nich nic nim nimi
   niz no o obok od oraz on ona one oni ono owszem po pod poniewaz przed przez przy sa sie skad soba sobie tak taka
   taki takie takze tam te tego tej temu ten teraz tez to toba tobie totez troche tu tutaj twoj ty tych tylko tym u w
   we wiec wlasnie wszystko wy z za zas ze zeby czym tym tymi jaka jakie jakiego jakiemu nim takich takiej tego
   pan pani panie panstwo szanowny szanowna odpowiedz odpowiedzi sprawie sprawy informacja informacje informacji
   prosze uprzejmie r roku rok nr np itd itp tzn tj ws dot
   the of and or to in on at by for with about from what which who whom whose how when where why is are was were be been
   did does do has have had it its this that these those there their our we you your they them an as any all came`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Canonical term for a reference number: its matching key without trailing
 * initials (`BM-WPR.0510.131.2026.KK` → `bm.wpr.0510.131.2026`), so any
 * spelling, with or without the initials, meets the letter. Falls back to the
 * folded parts joined by dots for a string that does not parse.
 */
export function referenceToken(reference: string): string {
  const parsed = parseReference(reference, { isLabelled: true });
  return parsed ? parsed.baseKey : referenceKey(reference);
}

/** Reference terms of a text (base key, plus the full key when it has initials). */
function referenceTokens(text: string): string[] {
  return findReferences(text).flatMap(referenceTerms);
}

// An acronym with a hyphenated case ending (`ZUS-u`, `SOR-ów`, `NFZ-etu`, `KRUS-em`, `PAŻP-u`).
const HYPHENATED_ACRONYM =
  /(?<![\p{L}\d-])(\p{L}[\p{L}]*)[-–‑](etu|ecie|otu|ocie|owi|ami|ach|iem|em|ie|ze|om|ów|ow|u|y|a|ę|e|i|ą|cie|tu)(?![\p{L}\d-])/gu;

/**
 * Folds inflected acronyms to their base before tokenising: an all-capitals
 * word (or a known acronym in any case) followed by a hyphenated case ending
 * loses the ending, so `ZUS-u` and `ZUS` make one term.
 */
export function foldAcronymEndings(text: string): string {
  if (!text.includes('-') && !text.includes('–') && !text.includes('‑')) return text;
  return text.replace(HYPHENATED_ACRONYM, (whole, base: string) => {
    const isCapitals = base.length >= 2 && base === base.toUpperCase() && /\p{Lu}/u.test(base);
    return isCapitals || isKnownAcronym(base) ? base : whole;
  });
}

/** Splits folded text into word and number tokens. */
export function tokenize(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Reduces one folded, non-stop-word token to its index term (or terms, for an ambiguous form). */
export type StemWord = (word: string) => string | readonly string[];

/** Turns text into index and query terms; both index backends use the same one. */
export interface Analyzer {
  /** Short name, shown in comparisons (`hunspell`, `light`…). */
  readonly name: string;
  /** Terms of a text for indexing (order kept, repeats kept: term frequency matters). */
  analyze(text: string): string[];
  /** Terms of a question: like `analyze`, duplicates removed. */
  analyzeQuery(text: string): string[];
  /** Loads what the stemmer needs (the dictionary), so the first question does not pay for it. */
  prepare(): void;
}

export interface CreateAnalyzerOptions {
  readonly name: string;
  readonly stem: StemWord;
  /** Loads the stemmer's resources ahead of the first word. */
  readonly prepare?: () => void;
  /** Stemmed words remembered per analyzer (a dictionary lookup costs microseconds; a cache hit nanoseconds). */
  readonly cacheSize?: number;
}

const HAS_DIGIT = /\d/;
const DIGIT_RUN = /\d{3,}/g;

/**
 * Builds an analyzer around a stemmer. Everything but the stemming is shared:
 * folding, stop words, numbers kept whole (and the digits inside codes such as
 * `K10INT17882` also indexed alone, so `17882` finds it), reference numbers as
 * one token.
 */
export function createAnalyzer({
  name,
  stem,
  prepare = () => {},
  cacheSize = 500_000,
}: CreateAnalyzerOptions): Analyzer {
  const cache = new Map<string, string | readonly string[]>();
  const stemCached = (word: string): string | readonly string[] => {
    let term = cache.get(word);
    if (term === undefined) {
      // A glued case ending on a known acronym (`SORów`, `zusu`) folds to the acronym, unless the word is a real one.
      const acronym = word.length >= 4 ? gluedAcronymBase(word) : null;
      term = stem(acronym !== null && polishLemmas(word).length === 0 ? acronym : word);
      if (cache.size >= cacheSize) cache.clear();
      cache.set(word, term);
    }
    return term;
  };
  const analyze = (text: string): string[] => {
    const terms: string[] = [];
    for (const token of tokenize(foldAcronymEndings(text))) {
      if (STOP_WORDS.has(token)) continue;
      if (HAS_DIGIT.test(token)) {
        terms.push(token);
        if (/[a-z]/.test(token)) terms.push(...(token.match(DIGIT_RUN) ?? []));
        continue;
      }
      if (token.length === 1) continue;
      const stemmed = stemCached(token);
      if (typeof stemmed === 'string') terms.push(stemmed);
      else terms.push(...stemmed);
    }
    terms.push(...referenceTokens(text));
    return terms;
  };
  return { name, analyze, analyzeQuery: (text) => [...new Set(analyze(text))], prepare };
}

function orElse(lemmas: readonly string[], fallback: string): string | readonly string[] {
  if (lemmas.length === 0) return fallback;
  return lemmas.length === 1 ? lemmas[0]! : lemmas;
}

/** Stemmers compared in docs/retrieval.md (the `@nlpjs/lang-pl` one lives in bench/, it is not shipped). */
export const STEMMERS = {
  /** v0: strip one common suffix. */
  light: stripSuffix,
  /** One dictionary lemma (nouns first); unknown words (names, acronyms) stay as written. */
  hunspell: (word: string) => polishLemmas(word)[0] ?? word,
  /** One dictionary lemma (nouns first); unknown words get the light suffix stripper. */
  'hunspell+light': (word: string) => polishLemmas(word)[0] ?? stripSuffix(word),
  /** Every lemma of an ambiguous form (up to 3), for comparison. */
  'hunspell-all+light': (word: string) => orElse(polishLemmas(word), stripSuffix(word)),
  /** First six letters: the crude floor. */
  prefix6: (word: string) => word.slice(0, 6),
} as const satisfies Record<string, StemWord>;

export type StemmerName = keyof typeof STEMMERS;

/** The analyzer every index and question uses unless told otherwise (chosen by measurement, docs/retrieval.md). */
export const DEFAULT_ANALYZER: Analyzer = createAnalyzer({
  name: 'hunspell+light',
  stem: STEMMERS['hunspell+light'],
  prepare: () => void polishDictionary(),
});

/** Terms of a text with the default analyzer. */
export function analyze(text: string): string[] {
  return DEFAULT_ANALYZER.analyze(text);
}

/** Question terms with the default analyzer (duplicates removed). */
export function analyzeQuery(text: string): string[] {
  return DEFAULT_ANALYZER.analyzeQuery(text);
}
