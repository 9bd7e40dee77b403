/**
 * `npx tsx bench/compare-retrieval.ts --corpus DIR --questions A.jsonl,B.jsonl [--only NAME,…]`
 * One index (default analyzer), several query-side variants: column weights,
 * question filters, pseudo-relevance feedback. Prints a markdown table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import type { ArchiveIndex, SearchHit } from '../src/archive/types.js';
import { boostSubjectMatch } from '../src/retrieval/boost-subject-match.js';
import { expandQuery } from './retrieval/expand-query.js';
import { fuseRanks } from '../src/retrieval/fuse-ranks.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { readQuestions } from './eval/questions.js';
import { loadCorpus } from './retrieval/load-corpus.js';
import { scoreRetrieval } from './retrieval/score-retrieval.js';

const opts = new Command()
  .requiredOption('--corpus <dir>')
  .requiredOption('--questions <files>', 'comma-separated JSONL files')
  .option('--only <names>', 'comma-separated variant names')
  .option('--misses', 'print missed question ids')
  .parse(process.argv)
  .opts<{ corpus: string; questions: string; only?: string; misses?: boolean }>();

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-cmp-')), 'index.sqlite');
const builder = new SqliteIndex({ path: file });
for (const { letter, passages } of await loadCorpus(opts.corpus))
  await builder.upsertLetter(letter, passages);
await builder.close();

type Variant = {
  name: string;
  weights?: [number, number, number];
  maxTermShare?: number;
  retrieve: (index: ArchiveIndex, q: string) => Promise<SearchHit[]>;
};
const plain = (index: ArchiveIndex, question: string) =>
  retrievePassages({ index, question, k: 10, perLetter: 1 });
const variants = (
  [
    { name: 'base', retrieve: plain },
    ...[1, 0.5, 0.2, 0.1].map((maxTermShare) => ({
      name: `max term share ${maxTermShare}`,
      maxTermShare,
      retrieve: plain,
    })),
    {
      name: 'subject boost 0',
      retrieve: (index: ArchiveIndex, question: string) =>
        retrievePassages({ index, question, k: 10, perLetter: 1, subjectBoost: 0 }),
    },
    { name: 'subject×1', weights: [1, 1, 1.5] as [number, number, number], retrieve: plain },
    { name: 'subject×5', weights: [1, 5, 1.5] as [number, number, number], retrieve: plain },
    { name: 'subject×10', weights: [1, 10, 1.5] as [number, number, number], retrieve: plain },
    { name: 'people×0.5', weights: [1, 2.5, 0.5] as [number, number, number], retrieve: plain },
    {
      name: 'filters off',
      retrieve: (index, question) =>
        retrievePassages({ index, question, k: 10, perLetter: 1, queryFilters: 'off' }),
    },
    {
      name: 'filters hard',
      retrieve: (index, question) =>
        retrievePassages({ index, question, k: 10, perLetter: 1, queryFilters: 'hard' }),
    },
    ...[0.5, 1, 2].map((strength) => ({
      name: `subject match ${strength}`,
      retrieve: async (index: ArchiveIndex, question: string) => {
        const hits = boostSubjectMatch({
          hits: await index.search(question, { k: 50 }),
          question,
          strength,
        });
        return [...new Map(hits.map((h) => [h.letter.id, h])).values()].slice(0, 10);
      },
    })),
    ...[0.3, 0.5, 1].map((weight) => ({
      name: `prf w${weight}`,
      retrieve: async (index: ArchiveIndex, question: string) => {
        const first = await index.search(question, { k: 50 });
        const expansion = await expandQuery({ index, question, hits: first });
        if (!expansion) return plain(index, question);
        const second = await index.search(`${question} ${expansion}`, { k: 50 });
        const fused = fuseRanks({ lists: [{ hits: first }, { hits: second, weight }] });
        return [...new Map(fused.map((h) => [h.letter.id, h])).values()].slice(0, 10);
      },
    })),
  ] satisfies Variant[] as Variant[]
).filter((v) => !opts.only || opts.only.split(',').includes(v.name));

const sets = opts.questions.split(',').map((f) => ({ file: f, questions: readQuestions(f) }));
const header = [
  'variant',
  ...sets.flatMap(({ file: f }) => [
    `${path.basename(f, '.jsonl')} r@1`,
    'r@5',
    'r@10',
    'MRR',
    'p50 ms',
    'p95 ms',
  ]),
];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const variant of variants) {
  const index = new SqliteIndex({
    path: file,
    ...(variant.weights ? { columnWeights: variant.weights } : {}),
    ...(variant.maxTermShare ? { maxTermShare: variant.maxTermShare } : {}),
  });
  const cells: (string | number)[] = [variant.name];
  for (const { questions } of sets) {
    const s = await scoreRetrieval(questions, (q) => variant.retrieve(index, q));
    cells.push(s.r1, s.r5, s.r10, s.mrr, s.p50, s.p95);
    if (opts.misses) console.error(variant.name, s.misses.join(' '));
  }
  console.log(`| ${cells.join(' | ')} |`);
  await index.close();
}
fs.rmSync(path.dirname(file), { recursive: true, force: true });
