/**
 * Builds `src/retrieval/term-lists/en-pl-freedict.json`, the compact English →
 * Polish term list the English bridge uses, from Debian's
 * `dict-freedict-eng-pol` package (FreeDict English–Polish, Piotrowski &
 * Saloni; content GFDL-1.2+, see `src/retrieval/term-lists/README.md`).
 *
 * Kept per headword: the first sense of its first part of speech, at most two
 * short translations each, and the compound phrases ("police station",
 * "waiting list"). Pronunciations, examples and labels are dropped.
 *
 * Usage (the package is not needed at run or test time; the output is committed):
 *   apt-get download dict-freedict-eng-pol && dpkg -x dict-freedict-eng-pol_*.deb /tmp/freedict
 *   npx tsx scripts/build-en-pl-dictionary.ts /tmp/freedict/usr/share/dictd [out.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Translations kept per sense. */
const MAX_ALTERNATIVES = 2;
/** Longer translations are descriptions, not search terms. */
const MAX_TRANSLATION_WORDS = 3;

/** dictd's base-64 numbers (offsets and lengths in the `.index` file). */
function decodeNumber(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 64 + B64.indexOf(ch);
  return n;
}

/** Polish translations of one sense line: the part after the last run of 2+ spaces, labels and quotes removed. */
function translationsOf(senseText: string): string[] {
  const segments = senseText
    .split(/\s{2,}/)
    .map((s) => s.trim())
    .filter(Boolean);
  const last = segments.at(-1) ?? '';
  if (/["„”`]/.test(last) || /^\d+\.$/.test(last)) return [];
  return last
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .split(/[,;]/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(
      (t) =>
        t.length > 1 && t.split(' ').length <= MAX_TRANSLATION_WORDS && /^[\p{L} -]+$/u.test(t),
    )
    .slice(0, MAX_ALTERNATIVES);
}

interface Parsed {
  readonly translations: string[];
  readonly phrases: [string, string[]][];
}

/** One entry's text → first-sense translations per part of speech, and its compound phrases. */
function parseEntry(body: string): Parsed {
  const lines = body.split('\n').slice(1);
  const translations: string[] = [];
  const phrases: [string, string[]][] = [];
  let takeNext = true;
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) continue;
    const comp =
      /^[IVX]+\.\s+<[^>]*Comp>\s*([^/]+?)\s*\/[^/]*\/\s+(.*)$/.exec(line) ??
      /^[IVX]+\.\s+<[^>]*Comp>\s*([a-z' -]+?)\s{2,}(.*)$/.exec(line);
    if (comp) {
      const tr = translationsOf(`  ${comp[2] ?? ''}`);
      const phrase = (comp[1] ?? '').trim().toLowerCase();
      if (tr.length > 0 && /^[a-z' -]+$/.test(phrase) && phrase.includes(' '))
        phrases.push([phrase, tr]);
      continue;
    }
    // A new part of speech ("II.  <V>  szkolić") opens a new first sense.
    const pos = /^[IVX]+\.\s+<[^>]*>\s*(.*)$/.exec(line);
    let sense = line;
    if (pos) {
      // Only the first part of speech: "private" is „prywatny”, not also „szeregowiec”.
      takeNext = translations.length === 0;
      sense = pos[1] ?? '';
      if (!sense.trim()) continue;
    }
    const numbered = /^\s*(\d+)\.\s*(.*)$/.exec(sense);
    if (numbered) {
      if (numbered[1] !== '1') continue;
      sense = `  ${numbered[2] ?? ''}`;
    } else if (/^\s*[a-z]\.\s/.test(sense) || /^\s+-/.test(sense)) continue;
    if (!takeNext) continue;
    const tr = translationsOf(sense.startsWith(' ') ? sense : `  ${sense}`);
    if (tr.length > 0) {
      translations.push(...tr);
      takeNext = false;
    }
  }
  return { translations, phrases };
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: build-en-pl-dictionary.ts DICTD_DIR [OUT]');
  const out = process.argv[3] ?? path.resolve('src/retrieval/term-lists/en-pl-freedict.json');
  const dict = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'freedict-eng-pol.dict.dz')));
  const index = fs.readFileSync(path.join(dir, 'freedict-eng-pol.index'), 'utf8').split('\n');
  const words = new Map<string, string[]>();
  const phrases = new Map<string, string[]>();
  for (const row of index) {
    const [, offset, length] = row.split('\t');
    if (!offset || !length || row.startsWith('00database')) continue;
    const body = dict
      .subarray(decodeNumber(offset), decodeNumber(offset) + decodeNumber(length))
      .toString('utf8');
    // "hospitalize, hospitalise /…/ <V>": every spelling of the headword.
    const heads = (body.split('\n')[0] ?? '')
      .replace(/\/.*$/, '')
      .split(',')
      .map((h) => h.trim().toLowerCase());
    const { translations, phrases: comps } = parseEntry(body);
    const unique = [...new Set(translations)];
    for (const head of heads) {
      if (!/^[a-z][a-z' -]*$/.test(head) || unique.length === 0) continue;
      if (head.includes(' ')) phrases.set(head, unique);
      else if (!words.has(head)) words.set(head, unique);
    }
    for (const [phrase, tr] of comps) if (!phrases.has(phrase)) phrases.set(phrase, tr);
  }
  const sorted = (m: Map<string, string[]>) =>
    Object.fromEntries(
      [...m.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, v.join('|')]),
    );
  const data = {
    source:
      'FreeDict eng-pol 0.2 (Debian dict-freedict-eng-pol 2022.04.21-1), Piotrowski & Saloni; GFDL-1.2+ — see README.md',
    words: sorted(words),
    phrases: sorted(phrases),
  };
  fs.writeFileSync(out, `${JSON.stringify(data, null, 0).replace(/","/g, '",\n"')}\n`);
  process.stdout.write(`${words.size} words, ${phrases.size} phrases → ${out}\n`);
}

main();
