/**
 * Measures `extractMetadata` on the Sejm answer corpus against its ground truth
 * (`eval/sejm-index.jsonl`): date (overall, and on letters whose text states it),
 * author (name and role), interpellation number and title (subject equal after
 * normalising, or token F1 >= 0.8), with a sample of misses per field for debugging.
 *
 * Usage: npx tsx scripts/measure-metadata.ts /work/shared [--misses N] [--json]
 * (expects SHARED/corpus/sejm/*.txt and SHARED/eval/sejm-index.jsonl).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { extractMetadata } from '../ingest/metadata.js';
import { findDates } from '../ingest/metadata/parse-date.js';

const TruthSchema = z.object({
  file: z.string(),
  number: z.number(),
  title: z.string(),
  author: z.string(),
  date: z.string(),
});
type Truth = z.infer<typeof TruthSchema>;

// Ground-truth authors are "<role> <Name Surname>", roles being one of a few
// short forms; the name is what follows the role.
const TRUTH_ROLE =
  /^(podsekretarz stanu|sekretarz stanu|minister|szef\S*|wiceminister|prezes rady ministrów)\s+/iu;

function normalize(s: string): string {
  return (
    s
      .toLowerCase()
      // A woman minister is "Ministra" in the signature, "Minister" in the index.
      .replace(/^ministra\b/u, 'minister')
      .replace(/[„”"“«»'’`]/gu, '')
      .replace(/\bs\.a\./gu, 'sa')
      .replace(/\s*[–—-]\s*/gu, '-')
      .replace(/\s+/gu, ' ')
      .replace(/[\s.,]+$/u, '')
      .trim()
  );
}

/** The part of a title from "w sprawie" on, which is what answers and interpellations share. */
function subjectOf(title: string): string {
  const at = title.search(/w\s+sprawie\s/iu);
  return normalize(at === -1 ? title : title.slice(at));
}

/** Token-level F1 between two subjects: paraphrased subjects still score high, unrelated ones low. */
function subjectF1(a: string, b: string): number {
  const tokens = (s: string): string[] =>
    subjectOf(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length > 1);
  const ta = tokens(a);
  const tb = new Map<string, number>();
  for (const t of tokens(b)) tb.set(t, (tb.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = tb.get(t) ?? 0;
    if (n > 0) {
      common++;
      tb.set(t, n - 1);
    }
  }
  const total = ta.length + tokens(b).length;
  return total === 0 ? 0 : (2 * common) / total;
}

// A title counts as matching the interpellation's when most of its words agree.
const TITLE_F1 = 0.8;

interface FieldScore {
  total: number;
  hits: number;
  found: number;
  misses: string[];
}

function main(): void {
  const args = process.argv.slice(2);
  const shared = args.find((a) => !a.startsWith('--')) ?? '/work/shared';
  const missLimit = Number(args[args.indexOf('--misses') + 1] ?? 5) || 5;
  const truths: Truth[] = readFileSync(join(shared, 'eval', 'sejm-index.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => TruthSchema.parse(JSON.parse(l)));

  const fields = [
    'date',
    'dateStated',
    'author',
    'role',
    'interpellation',
    'title',
    'titleF1',
  ] as const;
  const score = Object.fromEntries(
    fields.map((f): [string, FieldScore] => [f, { total: 0, hits: 0, found: 0, misses: [] }]),
  ) as Record<(typeof fields)[number], FieldScore>;
  const record = (
    field: (typeof fields)[number],
    file: string,
    got: string | null,
    want: string,
    hit: boolean,
  ): void => {
    const s = score[field];
    s.total++;
    if (got !== null) s.found++;
    if (hit) s.hits++;
    else s.misses.push(`${file}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  };

  const started = performance.now();
  for (const truth of truths) {
    const text = readFileSync(join(shared, 'corpus', 'sejm', truth.file), 'utf8');
    const meta = extractMetadata(text);
    const stripped = truth.author.replace(TRUTH_ROLE, '');
    // Longer roles ("Szef Służby Cywilnej …") leave words behind: keep the name.
    const wantName =
      stripped.split(' ').length > 3 ? stripped.split(' ').slice(-2).join(' ') : stripped;
    const wantRole = truth.author.slice(0, truth.author.length - wantName.length).trim();
    record('date', truth.file, meta.date, truth.date, meta.date === truth.date);
    record(
      'author',
      truth.file,
      meta.author,
      wantName,
      meta.author?.toLowerCase() === wantName.toLowerCase(),
    );
    record(
      'role',
      truth.file,
      meta.authorRole,
      wantRole,
      meta.authorRole !== null &&
        wantRole !== '' &&
        normalize(meta.authorRole).startsWith(normalize(wantRole)),
    );
    record(
      'interpellation',
      truth.file,
      meta.interpellation,
      String(truth.number),
      meta.interpellation === String(truth.number),
    );
    record(
      'title',
      truth.file,
      meta.title,
      truth.title,
      meta.title !== null && subjectOf(meta.title) === subjectOf(truth.title),
    );
    record(
      'titleF1',
      truth.file,
      meta.title,
      truth.title,
      meta.title !== null && subjectF1(meta.title, truth.title) >= TITLE_F1,
    );
    // Many letters carry only an e-signature timestamp placeholder; their date
    // exists in the Sejm index, not in the text, so null is the right answer.
    if (findDates(text).some((d) => d.iso === truth.date)) {
      record('dateStated', truth.file, meta.date, truth.date, meta.date === truth.date);
    }
  }
  const ms = performance.now() - started;

  const n = truths.length;
  const summary = Object.fromEntries(
    fields.map((f) => {
      const { total, hits, found } = score[f];
      const ratio = (a: number, b: number): number => +(a / Math.max(1, b)).toFixed(4);
      return [
        f,
        {
          letters: total,
          accuracy: ratio(hits, total),
          coverage: ratio(found, total),
          precision: ratio(hits, found),
        },
      ];
    }),
  );
  if (!args.includes('--json')) {
    for (const f of fields) {
      console.log(`\n## ${f}: ${score[f].misses.length} misses`);
      for (const m of score[f].misses.slice(0, missLimit)) console.log(`  ${m}`);
    }
    console.log(`\nletters: ${n}, ${ms.toFixed(0)} ms`);
    console.log('field           letters  accuracy  coverage  precision');
    for (const f of fields) {
      const s = summary[f]!;
      console.log(
        `${f.padEnd(15)} ${String(s.letters).padStart(7)}  ${s.accuracy.toFixed(4)}    ${s.coverage.toFixed(4)}    ${s.precision.toFixed(4)}`,
      );
    }
  }
  console.log(JSON.stringify({ letters: n, ...summary }));
}

main();
