/**
 * Scaled archives with distinct text, for `npm run bench`. Copy 0 is the
 * corpus itself (so questions still point at their source letters); every
 * further copy derives one new letter per source letter: the source's header,
 * then paragraphs drawn from letters of the same ministry, with numbers,
 * dates, places and names substituted. Names and places are built from
 * syllables, so vocabulary and postings keep growing with the copies, as in
 * a real archive, instead of repeating one letter (hard links did, issue 16).
 * Deterministic for a seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MONTHS_GENITIVE } from '../../src/answer/draft/format-polish-date.js';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SourceLetter {
  readonly relativePath: string;
  readonly ministry: string;
  readonly header: readonly string[];
  readonly paragraphs: readonly string[];
}

const HEADER_LINES = 10;
const SYLLABLES = [
  'ko',
  'wal',
  'ski',
  'bro',
  'nie',
  'ła',
  'mir',
  'cze',
  'wo',
  'dą',
  'go',
  'szcz',
  'ra',
  'tyń',
  'pol',
  'gór',
  'lesz',
  'żu',
  'ba',
  'no',
  'wic',
  'ry',
  'sta',
];
const PLACE_ENDINGS = ['owo', 'ów', 'ice', 'no', 'sk', 'iec', 'ka'];
const NAME_ENDINGS = ['ski', 'cki', 'ak', 'czyk', 'ewicz', 'owski'];
const FIRST_NAMES = [
  'Anna',
  'Piotr',
  'Katarzyna',
  'Tomasz',
  'Magdalena',
  'Krzysztof',
  'Agnieszka',
  'Marcin',
  'Joanna',
  'Paweł',
  'Ewa',
  'Michał',
];

/** Groups a letter by the ministry its header names (else `inne`). */
function ministryOf(lines: readonly string[]): string {
  for (const line of lines.slice(0, HEADER_LINES)) {
    const m = line.match(
      /Minister(?:stwo|stwa)?\s+[\p{Lu}][\p{L}]+(?:\s+i\s+[\p{Lu}][\p{L}]+|\s+[\p{Lu}][\p{L}]+)?/u,
    );
    if (m) return m[0];
  }
  return 'inne';
}

/** Paragraphs of a wrapped text: lines joined until one ends a sentence. */
function paragraphsOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    current.push(line);
    if (/[.:;]\s*$/.test(line)) {
      out.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

function readSources(dir: string): SourceLetter[] {
  const out: SourceLetter[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(txt|md)$/i.test(entry.name)) {
        const lines = fs.readFileSync(path.join(dir, rel), 'utf8').split('\n');
        out.push({
          relativePath: rel,
          ministry: ministryOf(lines),
          header: lines.slice(0, HEADER_LINES),
          paragraphs: paragraphsOf(lines.slice(HEADER_LINES)),
        });
      }
    }
  };
  walk('');
  return out.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
}

function makeWord(random: () => number, endings: readonly string[]): string {
  const n = 2 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  word += endings[Math.floor(random() * endings.length)];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Substitutes numbers, dates, places and names in one text. */
function substitute(text: string, random: () => number): string {
  return text
    .replace(/\d/g, () => String(Math.floor(random() * 10)))
    .replace(
      new RegExp(`\\b(${MONTHS_GENITIVE.join('|')})\\b`, 'g'),
      () => MONTHS_GENITIVE[Math.floor(random() * MONTHS_GENITIVE.length)]!,
    )
    .replace(
      /\b(w|we|z|do|dla|gminy|gminie|miasta|mieście|powiatu|powiecie) ([\p{Lu}][\p{Ll}]{3,})/gu,
      (_, prep: string) => `${prep} ${makeWord(random, PLACE_ENDINGS)}`,
    )
    .replace(
      /\b(Pan|Pani|Pana|Panią|Panu) ([\p{Lu}][\p{Ll}]+) ([\p{Lu}][\p{Ll}]+)/gu,
      (_, title: string) =>
        `${title} ${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${makeWord(random, NAME_ENDINGS)}`,
    );
}

export interface DeriveArchiveOptions {
  readonly sourceDir: string;
  readonly targetDir: string;
  /** Whole multiples of the corpus (1 = the corpus as is). */
  readonly copies: number;
  readonly seed?: number;
}

/** Writes `copies` × the corpus into `targetDir`; returns the number of files. */
export function deriveArchive({
  sourceDir,
  targetDir,
  copies,
  seed = 16,
}: DeriveArchiveOptions): number {
  const sources = readSources(sourceDir);
  const byMinistry = new Map<string, SourceLetter[]>();
  for (const s of sources) byMinistry.set(s.ministry, [...(byMinistry.get(s.ministry) ?? []), s]);
  const random = seededRandom(seed);
  let files = 0;
  for (const s of sources) {
    fs.mkdirSync(path.dirname(path.join(targetDir, s.relativePath)), { recursive: true });
    fs.copyFileSync(path.join(sourceDir, s.relativePath), path.join(targetDir, s.relativePath));
    files++;
  }
  for (let c = 1; c < copies; c++) {
    for (const s of sources) {
      const pool = byMinistry.get(s.ministry) ?? [s];
      const count = Math.max(3, s.paragraphs.length);
      const body: string[] = [];
      for (let i = 0; i < count; i++) {
        const donor = pool[Math.floor(random() * pool.length)]!;
        const paragraph = donor.paragraphs[Math.floor(random() * donor.paragraphs.length)];
        if (paragraph) body.push(substitute(paragraph, random));
      }
      const rel = path.join(`derived-${c}`, s.relativePath.replace(/(\.\w+)$/, `-d${c}$1`));
      fs.mkdirSync(path.dirname(path.join(targetDir, rel)), { recursive: true });
      fs.writeFileSync(
        path.join(targetDir, rel),
        `${substitute(s.header.join('\n'), random)}\n${body.join('\n')}\n`,
      );
      files++;
    }
  }
  return files;
}
