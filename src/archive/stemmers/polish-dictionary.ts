/**
 * The Polish hunspell dictionary (`dictionary-pl`), loaded on first use and
 * shared by every analyzer in the process. The word list comes from a
 * precomputed table (`lemma-table.ts`) cached in `node_modules/.cache/kancelaria/`,
 * built by `npm ci` (the `prepare` script) or by the first process that needs
 * it; only the affix rules are parsed per process. The cache file's name
 * carries the dictionary's version and sizes and a fingerprint of the
 * folding, so a new dictionary or a changed `foldText` builds a new table
 * instead of reading a stale one.
 *
 * The table's bytes live in one `SharedArrayBuffer` per process: `serve`'s
 * answer workers receive it (`polishDictionaryTable` in the main thread,
 * `usePolishDictionaryTable` in the worker) instead of each reading its own
 * 9.8 MB copy.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { foldText } from '../fold-text.js';
import {
  hunspellLemmas,
  isNameOnly,
  parseAffixRules,
  parseWordList,
  type HunspellDictionary,
} from './hunspell-stemmer.js';
import { encodeLemmaTable, LemmaTable, readLemmaTableFile } from './lemma-table.js';

/** Bump when the table's layout or what goes into it changes. */
const TABLE_FORMAT = 2;
/** Letters whose folding decides the table's keys. */
const FOLD_PROBE = "AaĄąĆćĘęŁłŃńÓóŚśŹźŻżÄäÖöÜüßÉéÈèÁáÍíÚúÇçÑñ-.'0123456789";

export interface LoadPolishDictionaryOptions {
  /** Folder of `dictionary-pl` (index.aff, index.dic, package.json). */
  readonly dictionaryDir: string;
  /** Folder the table is cached in; created when missing. */
  readonly cacheDir: string;
}

export interface LoadPolishDictionaryFromOptions extends LoadPolishDictionaryOptions {
  /** The table already read by another thread (`LoadPolishDictionaryResult.table`): used, not read again. */
  readonly table?: SharedArrayBuffer;
}

export interface LoadPolishDictionaryResult {
  readonly dictionary: HunspellDictionary;
  /** `cache`: the table was read; `built`: the word list was parsed (and the table written when possible). */
  readonly source: 'cache' | 'built' | 'shared';
  readonly tablePath: string;
  /** The table's bytes, to share with other threads; null when the word list was parsed instead. */
  readonly table: SharedArrayBuffer | null;
}

/** Where the table for this dictionary and this folding lives. */
export function lemmaTablePath({ dictionaryDir, cacheDir }: LoadPolishDictionaryOptions): string {
  const { version } = JSON.parse(
    fs.readFileSync(path.join(dictionaryDir, 'package.json'), 'utf8'),
  ) as { version?: string };
  const sizes = ['index.aff', 'index.dic']
    .map((f) => fs.statSync(path.join(dictionaryDir, f)).size)
    .join('-');
  const fold = createHash('sha256').update(foldText(FOLD_PROBE)).digest('hex').slice(0, 8);
  return path.join(
    cacheDir,
    `pl-lemmas-v${TABLE_FORMAT}-${version ?? 'unknown'}-${sizes}-${fold}.bin`,
  );
}

/**
 * Loads the dictionary from its cached table, or parses the word list and
 * writes the table for the next process. An unreadable or corrupt table is
 * rebuilt; an unwritable cache folder only costs the next process the parse.
 */
export function loadPolishDictionary(
  options: LoadPolishDictionaryFromOptions,
): LoadPolishDictionaryResult {
  const tablePath = lemmaTablePath(options);
  const rules = parseAffixRules(
    fs.readFileSync(path.join(options.dictionaryDir, 'index.aff'), 'utf8'),
    foldText,
  );
  if (options.table) {
    // Checked like a file: a buffer that is not a table throws here, in the thread that got it.
    const words = new LemmaTable(new Uint8Array(options.table));
    return { dictionary: { words, ...rules }, source: 'shared', tablePath, table: options.table };
  }
  try {
    const table = readLemmaTableFile(tablePath);
    return {
      dictionary: { words: new LemmaTable(new Uint8Array(table)), ...rules },
      source: 'cache',
      tablePath,
      table,
    };
  } catch {
    // Missing (first run, new dictionary) or damaged: build it below.
  }
  const words = parseWordList(
    fs.readFileSync(path.join(options.dictionaryDir, 'index.dic'), 'utf8'),
    foldText,
  );
  try {
    fs.mkdirSync(options.cacheDir, { recursive: true });
    // Written under a unique name and renamed: processes starting together never read half a table.
    const partial = `${tablePath}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(partial, encodeLemmaTable(words));
    fs.renameSync(partial, tablePath);
  } catch {
    // A read-only install still works; it parses the word list per process as before.
  }
  return { dictionary: { words, ...rules }, source: 'built', tablePath, table: null };
}

/** `dictionary-pl`'s folder and the package cache folder beside it (`node_modules/.cache/kancelaria`). */
function defaultLocations(): LoadPolishDictionaryOptions {
  const dictionaryDir = path.dirname(createRequire(import.meta.url).resolve('dictionary-pl'));
  return {
    dictionaryDir,
    cacheDir: path.join(path.dirname(dictionaryDir), '.cache', 'kancelaria'),
  };
}

let loaded: LoadPolishDictionaryResult | null = null;
let given: SharedArrayBuffer | null = null;

function load(): LoadPolishDictionaryResult {
  loaded ??= loadPolishDictionary({
    ...defaultLocations(),
    ...(given ? { table: given } : {}),
  });
  return loaded;
}

/** The dictionary, loaded on the first call (see `loadPolishDictionary`). */
export function polishDictionary(): HunspellDictionary {
  return load().dictionary;
}

/**
 * This process's table bytes (loading the dictionary if needed), for a worker thread's
 * `usePolishDictionaryTable`; null when this process parsed the word list (no table could be read).
 */
export function polishDictionaryTable(): SharedArrayBuffer | null {
  return load().table;
}

/**
 * Makes this thread look words up in another thread's table (`polishDictionaryTable`) instead of
 * reading the file. Call before the first stemming; once the dictionary is loaded it has no effect.
 */
export function usePolishDictionaryTable(table: SharedArrayBuffer): void {
  given = table;
}

/** Lemmas of a folded Polish word (see `hunspellLemmas`); empty when the dictionary does not know it. */
export function polishLemmas(word: string): string[] {
  return hunspellLemmas(polishDictionary(), word);
}

/** True when a folded Polish word can only be a proper name (a place, a person): see `isNameOnly`. */
export function isPolishName(word: string): boolean {
  return isNameOnly(polishDictionary(), word);
}
