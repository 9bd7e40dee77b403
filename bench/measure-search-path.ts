/**
 * Times the search path the assistant really takes (access groups always on):
 * `SqliteIndex.search` with `accessGroups: []`, `termStats`, and
 * `gatherEvidence` (retrieval, duplicate grouping, term statistics,
 * answerability) per question, on an existing index file.
 *
 * With `--baseline MODULE` (another build's `src/archive/sqlite-index.ts`, e.g.
 * from `git archive`), both builds open the same file in this process and are
 * timed alternately question by question (which goes first alternates too), so
 * load from other processes hits both alike; the top 10 of every question is
 * compared between them. Prints JSON (docs/performance.md, "Search path:
 * access groups and term statistics").
 *
 * `npx tsx bench/measure-search-path.ts --index FILE --questions FILE.jsonl [--baseline MODULE] [--rounds 3] [--out FILE.json]`
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { analyzeQuery } from '../src/archive/analyzer.js';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import type { ArchiveIndex } from '../src/archive/types.js';
import { gatherEvidence } from '../src/answer/assess-answerability.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { readQuestions } from './eval/questions.js';

const program = new Command()
  .requiredOption('--index <file>', 'SQLite index built by ingest or the eval')
  .requiredOption('--questions <file>', 'JSONL questions')
  .option('--baseline <module>', "another build's sqlite-index.ts, timed alternately with this one")
  .option(
    '--rounds <n>',
    'passes over the questions (the first one warms caches and is not timed)',
    '3',
  )
  .option('--out <file>', 'write the JSON result here as well');
program.parse();
const options = program.opts<{
  index: string;
  questions: string;
  baseline?: string;
  rounds: string;
  out?: string;
}>();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
function summary(ms: readonly number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => +x.toFixed(2);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(ms.reduce((a, b) => a + b, 0) / ms.length),
  };
}

interface Timings {
  search: number[];
  termStats: number[];
  evidence: number[];
}

async function timeOne(index: ArchiveIndex, question: string, into: Timings): Promise<void> {
  let started = performance.now();
  await index.search(question, { k: 40, filter: { accessGroups: [] } });
  into.search.push(performance.now() - started);
  started = performance.now();
  await index.termStats(analyzeQuery(question));
  into.termStats.push(performance.now() - started);
  started = performance.now();
  await gatherEvidence({ index, question, k: 8, accessGroups: [] });
  into.evidence.push(performance.now() - started);
}

async function top10(index: ArchiveIndex, question: string): Promise<string[]> {
  const hits = await retrievePassages({ index, question, k: 10, filter: { accessGroups: [] } });
  return hits.map((h) => `${h.letter.id}:${h.passage.ordinal}`);
}

const builds: { name: string; index: ArchiveIndex; timings: Timings }[] = [
  {
    name: 'this',
    index: new SqliteIndex({ path: options.index }),
    timings: { search: [], termStats: [], evidence: [] },
  },
];
if (options.baseline) {
  const module = (await import(pathToFileURL(path.resolve(options.baseline)).href)) as {
    SqliteIndex: typeof SqliteIndex;
  };
  builds.push({
    name: 'baseline',
    index: new module.SqliteIndex({ path: options.index }),
    timings: { search: [], termStats: [], evidence: [] },
  });
}
const questions = readQuestions(options.questions);
const rounds = Math.max(2, Number(options.rounds));
const differing: string[] = [];
for (let round = 0; round < rounds; round += 1) {
  for (const [i, q] of questions.entries()) {
    if (round === 0) {
      // Warm-up pass: the top 10 of each build, compared.
      const tops = await Promise.all(builds.map((b) => top10(b.index, q.question)));
      if (tops.some((t) => JSON.stringify(t) !== JSON.stringify(tops[0]))) differing.push(q.id);
      for (const b of builds)
        await timeOne(b.index, q.question, { search: [], termStats: [], evidence: [] });
      continue;
    }
    const order = (i + round) % 2 === 0 ? builds : [...builds].reverse();
    for (const b of order) await timeOne(b.index, q.question, b.timings);
  }
}
const result = {
  index: options.index,
  questions: questions.length,
  timedRounds: rounds - 1,
  stats: await builds[0]!.index.stats(),
  top10Differing: options.baseline ? differing : null,
  builds: Object.fromEntries(
    builds.map((b) => [
      b.name,
      {
        searchWithAccessGroupsMs: summary(b.timings.search),
        termStatsMs: summary(b.timings.termStats),
        gatherEvidenceMs: summary(b.timings.evidence),
      },
    ]),
  ),
};
for (const b of builds) await b.index.close();
const json = JSON.stringify(result);
if (options.out) fs.writeFileSync(options.out, json);
console.log(json);
