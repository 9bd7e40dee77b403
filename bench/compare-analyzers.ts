/**
 * `npx tsx bench/compare-analyzers.ts --corpus DIR --questions A.jsonl,B.jsonl [--only NAME,…]`
 * Builds one in-memory index per analyzer and prints a markdown table:
 * index time, and per question set recall@1/5/10, MRR@10, p50/p95 ms.
 */
import { Command } from 'commander';
import { StemmerPl } from '@nlpjs/lang-pl';
import { createAnalyzer, STEMMERS, type Analyzer } from '../src/archive/analyzer.js';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { readQuestions } from './eval/questions.js';
import { loadCorpus } from './retrieval/load-corpus.js';
import { scoreRetrieval } from './retrieval/score-retrieval.js';

const opts = new Command()
  .requiredOption('--corpus <dir>')
  .requiredOption('--questions <files>', 'comma-separated JSONL files')
  .option('--only <names>', 'comma-separated analyzer names')
  .option('--misses', 'print missed question ids')
  .parse(process.argv)
  .opts<{ corpus: string; questions: string; only?: string; misses?: boolean }>();

const nlp = new StemmerPl();
const analyzers: Analyzer[] = [
  ...Object.entries(STEMMERS).map(([name, stem]) => createAnalyzer({ name, stem })),
  createAnalyzer({ name: 'nlpjs', stem: (w) => String(nlp.stemWord(w)) }),
].filter((a) => !opts.only || opts.only.split(',').includes(a.name));

const corpus = await loadCorpus(opts.corpus);
const sets = opts.questions.split(',').map((file) => ({ file, questions: readQuestions(file) }));
const header = [
  'analyzer',
  'index s',
  ...sets.flatMap(({ file }) => {
    const n = file.split('/').pop()!.replace('.jsonl', '');
    return [`${n} r@1`, 'r@5', 'r@10', 'MRR', 'p50 ms', 'p95 ms'];
  }),
];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const analyzer of analyzers) {
  const index = new SqliteIndex({ path: ':memory:', analyzer });
  const t0 = performance.now();
  for (const { letter, passages } of corpus) await index.upsertLetter(letter, passages);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const cells: (string | number)[] = [analyzer.name, seconds];
  for (const { questions } of sets) {
    const s = await scoreRetrieval(questions, (question) =>
      retrievePassages({ index, question, k: 10, perLetter: 1 }),
    );
    cells.push(s.r1, s.r5, s.r10, s.mrr, s.p50, s.p95);
    if (opts.misses) console.error(analyzer.name, s.misses.join(' '));
  }
  console.log(`| ${cells.join(' | ')} |`);
  await index.close();
}
