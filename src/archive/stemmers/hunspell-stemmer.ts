/**
 * Dictionary stemming with the Polish hunspell dictionary (`dictionary-pl`,
 * the sjp.pl word list): an inflected form is traced back through the
 * dictionary's suffix rules to the lemma it was generated from, the way
 * hunspell's own `stem` does. `współpracy`, `współpracę` → `wspolpraca`;
 * `Chorzowa`, `Chorzowie` → `chorzow`; `nauczycieli` → `nauczyciel`.
 *
 * Why our own reader instead of a hunspell binding: the npm bindings either
 * need a native build or (hunspell-asm) expose `spell`/`suggest` but not
 * `stem`. Reversing suffix rules is short, runs in-process, and lets us fold
 * the dictionary to diacritics-free form once, so `wspolpracy` (typed on an
 * English keyboard) finds the same lemma as `współpracy`.
 */

/** One `SFX` rule of the affix file, folded. */
interface SuffixRule {
  readonly flag: string;
  /** Characters removed from the lemma (`''` for `0`). */
  readonly strip: string;
  /**
   * Condition on the end of the lemma as the dictionary spells it (with
   * diacritics: folding would merge `ż` and `ź`, which conditions tell apart),
   * or null for `.`.
   */
  readonly condition: RegExp | null;
}

/** One dictionary entry under its folded spelling. */
interface DictionaryEntry {
  /** The lemma as the dictionary writes it, lower-cased. */
  readonly lemma: string;
  readonly flags: string;
  /** Written with a capital in the dictionary (a name): loses ties to common words. */
  readonly isName: boolean;
}

/**
 * Folded word → its raw dictionary lines: a Map when parsed, or the
 * precomputed table read from disk (`lemma-table.ts`).
 */
export interface WordLookup {
  get(key: string): string | undefined;
  has(key: string): boolean;
}

/** A parsed dictionary: lemma → flags, and suffix rules indexed by the suffix they add. */
export interface HunspellDictionary {
  /** Folded word → its raw dictionary lines (`Podwyżka/mMN`), `\n`-separated. */
  readonly words: WordLookup;
  /** Suffix added → lemma ending stripped → rules (grouped so each candidate lemma is built once). */
  readonly rulesByAdd: ReadonlyMap<string, ReadonlyMap<string, readonly SuffixRule[]>>;
  readonly maxAdd: number;
  /** Flag of the `nie-` prefix rule, if the affix file has one. */
  readonly negationFlag: string | null;
}

export interface ParseHunspellOptions {
  readonly aff: string;
  readonly dic: string;
  /** Normalises dictionary text the way the analyzer normalises input (lower case, diacritics folded). */
  readonly fold: (text: string) => string;
}

/**
 * Parses an affix and a dictionary file (single-character flags, `SET UTF-8`,
 * as `dictionary-pl` ships them). Cross-product prefixes other than `nie-`
 * are ignored: Polish hunspell has only that one.
 */
export function parseHunspell({ aff, dic, fold }: ParseHunspellOptions): HunspellDictionary {
  return { words: parseWordList(dic, fold), ...parseAffixRules(aff, fold) };
}

/** The suffix rules and the `nie-` prefix flag of an affix file (fast: the word list is the slow part). */
export function parseAffixRules(
  aff: string,
  fold: (text: string) => string,
): Omit<HunspellDictionary, 'words'> {
  const rulesByAdd = new Map<string, Map<string, SuffixRule[]>>();
  let maxAdd = 0;
  let negationFlag: string | null = null;
  // Thousands of rules share a few hundred conditions: one RegExp each (a third of the parse time).
  const conditions = new Map<string, RegExp>();
  const conditionFor = (source: string) => {
    let re = conditions.get(source);
    if (!re) conditions.set(source, (re = new RegExp(`${source.toLowerCase()}$`, 'u')));
    return re;
  };
  for (const line of aff.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === 'PFX' && parts.length >= 5 && fold(parts[3] ?? '') === 'nie')
      negationFlag = parts[1] ?? null;
    if (parts[0] !== 'SFX' || parts.length < 5) continue;
    const [, flag, strip, add, condition] = parts as [string, string, string, string, string];
    const foldedAdd = add === '0' ? '' : fold(add.split('/')[0] ?? '');
    const rule: SuffixRule = {
      flag,
      strip: strip === '0' ? '' : fold(strip),
      condition: condition === '.' ? null : conditionFor(condition),
    };
    const byStrip = rulesByAdd.get(foldedAdd) ?? new Map<string, SuffixRule[]>();
    rulesByAdd.set(foldedAdd, byStrip);
    const list = byStrip.get(rule.strip) ?? [];
    list.push(rule);
    byStrip.set(rule.strip, list);
    maxAdd = Math.max(maxAdd, foldedAdd.length);
  }
  return { rulesByAdd, maxAdd, negationFlag };
}

/** Folded word → raw lines of a `.dic` file (the input of the precomputed table, `lemma-table.ts`). */
export function parseWordList(dic: string, fold: (text: string) => string): Map<string, string> {
  // Raw lines under their folded word, several joined by `\n`: building
  // objects for 300k entries would double the load time, and only the few
  // thousand words a corpus uses are ever looked at.
  const words = new Map<string, string>();
  const lines = dic.split('\n');
  // The first line is the entry count.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const slash = line.indexOf('/');
    const key = fold(slash === -1 ? line : line.slice(0, slash));
    const previous = words.get(key);
    words.set(key, previous === undefined ? line : `${previous}\n${line}`);
  }
  return words;
}

interface Candidate {
  readonly key: string;
  readonly isName: boolean;
}

function entriesOf(dictionary: HunspellDictionary, key: string): DictionaryEntry[] {
  const raw = dictionary.words.get(key);
  if (raw === undefined) return [];
  return raw.split('\n').map((line) => {
    const slash = line.indexOf('/');
    const written = (slash === -1 ? line : line.slice(0, slash)).trim();
    const lemma = written.toLowerCase();
    return {
      lemma,
      flags: slash === -1 ? '' : line.slice(slash + 1).trim(),
      isName: lemma !== written,
    };
  });
}

function lemmasOf(
  dictionary: HunspellDictionary,
  word: string,
  requireFlag: string | null,
): Candidate[] {
  const found: Candidate[] = [];
  for (const entry of entriesOf(dictionary, word)) {
    if (requireFlag === null || entry.flags.includes(requireFlag))
      found.push({ key: word, isName: entry.isName });
  }
  for (let length = Math.min(dictionary.maxAdd, word.length - 1); length >= 0; length--) {
    const byStrip = dictionary.rulesByAdd.get(word.slice(word.length - length));
    if (!byStrip) continue;
    const base = word.slice(0, word.length - length);
    for (const [strip, rules] of byStrip) {
      const key = base + strip;
      if (!dictionary.words.has(key)) continue;
      const entries = entriesOf(dictionary, key);
      for (const rule of rules) {
        for (const entry of entries) {
          if (!entry.flags.includes(rule.flag)) continue;
          if (requireFlag !== null && !entry.flags.includes(requireFlag)) continue;
          if (rule.condition && !rule.condition.test(entry.lemma)) continue;
          found.push({ key, isName: entry.isName });
        }
      }
    }
  }
  return found;
}

/**
 * The lemmas of a folded word, or an empty list when the dictionary does not
 * know it (names, abbreviations, new words: the caller decides the fallback).
 *
 * An ambiguous form has several lemmas (`kopalni` → `kopalnia`, `kopalny`),
 * ordered by `pickLemmas`; `max` cuts the list (the analyzer keeps one:
 * keeping all measured worse on paraphrases, docs/retrieval.md).
 * Names lose to common words (`lasami` → `las`, not the name `Lasa`).
 * Negated forms keep their `nie` (`nieodplatnego` → `nieodplatny`), so a
 * question about free transfer does not match paid transfer.
 */
export function hunspellLemmas(dictionary: HunspellDictionary, word: string, max = 3): string[] {
  const direct = lemmasOf(dictionary, word, null);
  if (direct.length > 0) return pickLemmas(direct, max);
  if (dictionary.negationFlag && word.startsWith('nie') && word.length > 5) {
    const negated = lemmasOf(dictionary, word.slice(3), dictionary.negationFlag);
    if (negated.length > 0) return pickLemmas(negated, max).map((l) => `nie${l}`);
  }
  return [];
}

/**
 * True when every reading of a folded word is a proper name in the
 * dictionary (`ciechanowie` → only `Ciechanów`), so a name typed in lower
 * case in chat is still recognised as one. `lewiatan` (also a common noun)
 * and unknown words are not.
 */
export function isNameOnly(dictionary: HunspellDictionary, word: string): boolean {
  const found = lemmasOf(dictionary, word, null);
  return found.length > 0 && found.every((c) => c.isName);
}

/** The first of `hunspellLemmas`, or null. */
export function hunspellLemma(dictionary: HunspellDictionary, word: string): string | null {
  return hunspellLemmas(dictionary, word, 1)[0] ?? null;
}

/** Folded lemma endings of adjectives (-y, -i) and verbs (-ć → c): a noun reading wins over them. */
const NON_NOUN_ENDING = /[yic]$/;

/**
 * Distinct lemmas: common words only when there are any; nouns before
 * adjectives and verbs (`kopalni` → `kopalnia` before `kopalny`,
 * `wynagrodzeń` → `wynagrodzenie` before `wynagrodzić`: questions about
 * letters name things); then shortest; at most `max`.
 */
function pickLemmas(candidates: readonly Candidate[], max: number): string[] {
  const common = candidates.filter((c) => !c.isName);
  const pool = common.length > 0 ? common : candidates;
  const rank = (l: string) => (NON_NOUN_ENDING.test(l) ? 1 : 0);
  return [...new Set(pool.map((c) => c.key))]
    .sort((a, b) => rank(a) - rank(b) || a.length - b.length || (a < b ? -1 : 1))
    .slice(0, max);
}
