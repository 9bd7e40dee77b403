/**
 * The precomputed dictionary table must stem exactly like the parsed
 * dictionary, and must never be used when it belongs to another dictionary
 * or is damaged.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldText } from '../../../src/archive/fold-text.js';
import {
  hunspellLemmas,
  isNameOnly,
  parseHunspell,
  type HunspellDictionary,
} from '../../../src/archive/stemmers/hunspell-stemmer.js';
import {
  encodeLemmaTable,
  LemmaTable,
  readLemmaTableFile,
} from '../../../src/archive/stemmers/lemma-table.js';
import { loadPolishDictionary } from '../../../src/archive/stemmers/polish-dictionary.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DICTIONARY_DIR = path.dirname(createRequire(import.meta.url).resolve('dictionary-pl'));

/** Every distinct word of the sample archive, folded, plus every 97th dictionary word with common endings. */
function wordList(parsed: HunspellDictionary): string[] {
  const words = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.txt'))
        for (const w of foldText(fs.readFileSync(full, 'utf8')).match(/\p{L}+/gu) ?? [])
          words.add(w);
    }
  };
  walk(path.join(ROOT, 'samples/letters'));
  const keys = fs.readFileSync(path.join(DICTIONARY_DIR, 'index.dic'), 'utf8').split('\n').slice(1);
  for (let i = 0; i < keys.length; i += 97) {
    const key = foldText(keys[i]!.split('/')[0] ?? '');
    for (const ending of ['', 'a', 'ami', 'ow', 'ego', 'nie']) words.add(`${key}${ending}`);
  }
  expect(parsed.words.has('wspolpraca')).toBe(true);
  return [...words];
}

let cacheDir: string;
beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-lemmas-'));
});
afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe('loadPolishDictionary', () => {
  test('the cached table gives the same lemmas and name readings as the parsed dictionary, word for word', () => {
    const parsed = parseHunspell({
      aff: fs.readFileSync(path.join(DICTIONARY_DIR, 'index.aff'), 'utf8'),
      dic: fs.readFileSync(path.join(DICTIONARY_DIR, 'index.dic'), 'utf8'),
      fold: foldText,
    });
    const first = loadPolishDictionary({ dictionaryDir: DICTIONARY_DIR, cacheDir });
    expect(first.source).toBe('built');
    const cached = loadPolishDictionary({ dictionaryDir: DICTIONARY_DIR, cacheDir });
    expect(cached.source).toBe('cache');

    const words = wordList(parsed);
    expect(words.length).toBeGreaterThan(5000);
    let known = 0;
    const differences: string[] = [];
    for (const word of words) {
      const expected = hunspellLemmas(parsed, word, 3);
      if (expected.length > 0) known++;
      const got = hunspellLemmas(cached.dictionary, word, 3);
      if (
        JSON.stringify(got) !== JSON.stringify(expected) ||
        isNameOnly(cached.dictionary, word) !== isNameOnly(parsed, word)
      )
        differences.push(word);
    }
    expect(differences).toEqual([]);
    // The list must exercise the dictionary, not only unknown words.
    expect(known).toBeGreaterThan(2000);
    expect(hunspellLemmas(cached.dictionary, 'wspolpracy', 1)).toEqual(['wspolpraca']);
  });

  test('another dictionary version gets its own table instead of the cached one', () => {
    const first = loadPolishDictionary({ dictionaryDir: DICTIONARY_DIR, cacheDir });
    const copy = path.join(cacheDir, 'dictionary-copy');
    fs.mkdirSync(copy);
    for (const f of ['index.aff', 'index.dic'])
      fs.copyFileSync(path.join(DICTIONARY_DIR, f), path.join(copy, f));
    fs.writeFileSync(
      path.join(copy, 'package.json'),
      JSON.stringify({ name: 'dictionary-pl', version: '99.0.0' }),
    );
    const other = loadPolishDictionary({ dictionaryDir: copy, cacheDir });
    expect(other.source).toBe('built');
    expect(other.tablePath).not.toBe(first.tablePath);
    expect(other.tablePath).toContain('99.0.0');
  });

  test('a damaged table is rebuilt, and the rebuilt one is read next time', () => {
    const first = loadPolishDictionary({ dictionaryDir: DICTIONARY_DIR, cacheDir });
    const bytes = fs.readFileSync(first.tablePath);
    fs.writeFileSync(first.tablePath, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const again = loadPolishDictionary({ dictionaryDir: DICTIONARY_DIR, cacheDir });
    expect(again.source).toBe('built');
    expect(hunspellLemmas(again.dictionary, 'nauczycieli', 1)).toEqual(['nauczyciel']);
    expect(loadPolishDictionary({ dictionaryDir: DICTIONARY_DIR, cacheDir }).source).toBe('cache');
  });
});

describe('LemmaTable', () => {
  // Keys of 1–3 UTF-8 bytes per character and a key that is a prefix of others: the byte order and
  // the length tie-break of the binary search.
  const words = new Map<string, string>([
    ['kot', 'kot/mMN'],
    ['kota', 'Kota/A'],
    ['kotami', 'kotami'],
    ['żółw', 'żółw/mMN\nŻółw/N'],
    ['a', 'a'],
    ['zz', 'zz/X'],
    ['€uro', '€uro'],
  ]);
  const absent = ['', 'ko', 'kotamix', 'zółw', 'żół', 'b', 'zzz', '€ur'];

  function expectSameAsMap(table: LemmaTable) {
    expect(table.size).toBe(words.size);
    for (const [key, lines] of words) {
      expect(table.has(key)).toBe(true);
      expect(table.get(key)).toBe(lines);
    }
    for (const key of absent) {
      expect(table.has(key)).toBe(false);
      expect(table.get(key)).toBeUndefined();
    }
  }

  test('a file read into shared memory answers like the map it was encoded from, with and without the memo', () => {
    const file = path.join(cacheDir, 'table.bin');
    fs.writeFileSync(file, encodeLemmaTable(words));
    const shared = readLemmaTableFile(file);
    expect(shared).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.byteLength).toBe(fs.statSync(file).size);
    for (const memoSize of [0, 2, 4096]) {
      const table = new LemmaTable(new Uint8Array(shared), { memoSize });
      // Twice: the second pass is answered from the memo where there is one.
      expectSameAsMap(table);
      expectSameAsMap(table);
    }
  });

  test('bytes at an unaligned offset are read like aligned ones', () => {
    const encoded = encodeLemmaTable(words);
    const padded = new Uint8Array(encoded.length + 1);
    padded.set(encoded, 1);
    expectSameAsMap(new LemmaTable(padded.subarray(1)));
  });

  test('truncated bytes and foreign bytes are refused, not read past their end', () => {
    const encoded = encodeLemmaTable(words);
    expect(() => new LemmaTable(encoded.subarray(0, encoded.length - 1))).toThrow(/truncated/);
    expect(() => new LemmaTable(encoded.subarray(0, 12))).toThrow(/truncated/);
    expect(() => new LemmaTable(new Uint8Array(64))).toThrow(/not a lemma table/);
  });

  test('a second thread given the first thread’s shared table stems the same without reading the file', () => {
    const first = loadPolishDictionary({ dictionaryDir: DICTIONARY_DIR, cacheDir });
    const cached = loadPolishDictionary({ dictionaryDir: DICTIONARY_DIR, cacheDir });
    expect(cached.table).toBeInstanceOf(SharedArrayBuffer);
    fs.rmSync(first.tablePath);
    const shared = loadPolishDictionary({
      dictionaryDir: DICTIONARY_DIR,
      cacheDir,
      table: cached.table!,
    });
    expect(shared.source).toBe('shared');
    expect(shared.table).toBe(cached.table);
    for (const word of ['wspolpracy', 'nauczycieli', 'kopalni', 'ciechanowie', 'xqzv'])
      expect(hunspellLemmas(shared.dictionary, word, 3)).toEqual(
        hunspellLemmas(cached.dictionary, word, 3),
      );
    expect(fs.existsSync(first.tablePath)).toBe(false);
  });
});
