/**
 * Measures `extractMetadata` on the Sejm answer corpus against its ground truth
 * (`eval/sejm-index.jsonl`): date, author (name and role), interpellation number
 * and title accuracy, with a sample of misses per field for debugging.
 *
 * Usage: npx tsx scripts/measure-metadata.ts /work/shared [--misses N] [--json]
 * (expects SHARED/corpus/sejm/*.txt and SHARED/eval/sejm-index.jsonl).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { extractMetadata } from '../ingest/metadata.js';

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
const TRUTH_ROLE = /^(podsekretarz stanu|sekretarz stanu|minister|szef\S*|wiceminister|prezes rady ministrów)\s+/iu;

function normalize(s: string): string {
  return s
    .toLowerCase()
    // A woman minister is "Ministra" in the signature, "Minister" in the index.
    .replace(/^ministra\b/u, 'minister')
    .replace(/[„”"“«»'’]/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/[\s.,]+$/u, '')
    .trim();
}

/** The part of a title from "w sprawie" on, which is what answers and interpellations share. */
function subjectOf(title: string): string {
  const at = title.search(/w\s+sprawie\s/iu);
  return normalize(at === -1 ? title : title.slice(at));
}

interface FieldScore {
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

  const fields = ['date', 'author', 'role', 'interpellation', 'title', 'titleExact'] as const;
  const score = Object.fromEntries(
    fields.map((f): [string, FieldScore] => [f, { hits: 0, found: 0, misses: [] }]),
  ) as Record<(typeof fields)[number], FieldScore>;
  const record = (field: (typeof fields)[number], file: string, got: string | null, want: string, hit: boolean): void => {
    const s = score[field];
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
    const wantName = stripped.split(' ').length > 3 ? stripped.split(' ').slice(-2).join(' ') : stripped;
    const wantRole = truth.author.slice(0, truth.author.length - wantName.length).trim();
    record('date', truth.file, meta.date, truth.date, meta.date === truth.date);
    record('author', truth.file, meta.author, wantName, meta.author?.toLowerCase() === wantName.toLowerCase());
    record(
      'role',
      truth.file,
      meta.authorRole,
      wantRole,
      meta.authorRole !== null && wantRole !== '' && normalize(meta.authorRole).startsWith(normalize(wantRole)),
    );
    record('interpellation', truth.file, meta.interpellation, String(truth.number), meta.interpellation === String(truth.number));
    record('title', truth.file, meta.title, truth.title, meta.title !== null && subjectOf(meta.title) === subjectOf(truth.title));
    record(
      'titleExact',
      truth.file,
      meta.title,
      truth.title,
      meta.title !== null && normalize(meta.title) === normalize(truth.title.replace(/^Interpelacja/u, 'Odpowiedź na interpelację')),
    );
  }
  const ms = performance.now() - started;

  const n = truths.length;
  const summary = Object.fromEntries(
    fields.map((f) => [f, { accuracy: +(score[f].hits / n).toFixed(4), coverage: +(score[f].found / n).toFixed(4), precision: +(score[f].hits / Math.max(1, score[f].found)).toFixed(4) }]),
  );
  if (!args.includes('--json')) {
    for (const f of fields) {
      console.log(`\n## ${f}: ${score[f].misses.length} misses`);
      for (const m of score[f].misses.slice(0, missLimit)) console.log(`  ${m}`);
    }
    console.log(`\nletters: ${n}, ${ms.toFixed(0)} ms`);
    console.log('field           accuracy  coverage  precision');
    for (const f of fields) {
      const s = summary[f]!;
      console.log(`${f.padEnd(15)} ${s.accuracy.toFixed(4)}    ${s.coverage.toFixed(4)}    ${s.precision.toFixed(4)}`);
    }
  }
  console.log(JSON.stringify({ letters: n, ...summary }));
}

main();
