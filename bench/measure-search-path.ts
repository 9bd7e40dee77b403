/**
 * Times the search path the assistant really takes (access groups always on):
 * `SqliteIndex.search` with `accessGroups: []`, and `gatherEvidence` (retrieval,
 * duplicate grouping, `termStats`, answerability) per question, on an existing
 * index file. Prints JSON with p50/p95 and each question's top-10 letter ids, so
 * two builds of the code can be run alternately on the same file and compared
 * (docs/performance.md, "Search path: access groups and term statistics").
 *
 * `npx tsx bench/measure-search-path.ts --index FILE --questions FILE.jsonl [--rounds 3] [--out FILE.json]`
 */
import fs from 'node:fs';
import { Command } from 'commander';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import { gatherEvidence } from '../src/answer/assess-answerability.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { readQuestions } from './eval/questions.js';

const program = new Command()
  .requiredOption('--index <file>', 'SQLite index built by ingest or the eval')
  .requiredOption('--questions <file>', 'JSONL questions')
  .option('--rounds <n>', 'passes over the questions (the first one warms caches and is not timed)', '3')
  .option('--out <file>', 'write the JSON result here as well');
program.parse();
const options = program.opts<{ index: string; questions: string; rounds: string; out?: string }>();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: +percentile(sorted, 50).toFixed(2), p95: +percentile(sorted, 95).toFixed(2), mean: +(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(2) };
};

const index = new SqliteIndex({ path: options.index });
const questions = readQuestions(options.questions);
const searchMs: number[] = [];
const evidenceMs: number[] = [];
const top10: Record<string, string[]> = {};
const rounds = Math.max(2, Number(options.rounds));
for (let round = 0; round < rounds; round += 1) {
  for (const q of questions) {
    let started = performance.now();
    await index.search(q.question, { k: 40, filter: { accessGroups: [] } });
    const search = performance.now() - started;
    started = performance.now();
    await gatherEvidence({ index, question: q.question, k: 8, accessGroups: [] });
    const evidence = performance.now() - started;
    if (round === 0) {
      const hits = await retrievePassages({ index, question: q.question, k: 10, filter: { accessGroups: [] } });
      top10[q.id] = hits.map((h) => `${h.letter.id}:${h.passage.ordinal}`);
    } else {
      searchMs.push(search);
      evidenceMs.push(evidence);
    }
  }
}
const result = {
  questions: questions.length,
  timedRounds: rounds - 1,
  stats: await index.stats(),
  searchWithAccessGroupsMs: summary(searchMs),
  gatherEvidenceMs: summary(evidenceMs),
  top10,
};
await index.close();
const json = JSON.stringify(result);
if (options.out) fs.writeFileSync(options.out, json);
console.log(JSON.stringify({ ...result, top10: `${Object.keys(top10).length} questions` }));
