/**
 * Times the whole answer the assistant gives on the production path (access
 * groups on, answerability, constraint checks, extractive answer) beside its
 * search alone (`retrievePassages`, as bench/run-bench.ts times it), per
 * question, on an existing index file, so the time an answer spends above its
 * search can be read (and profiled with `node --cpu-prof --import tsx`).
 *
 * With `--baseline DIR` (another checkout's root, e.g. from `git archive`), both
 * builds open the same file in this process and are timed alternately question
 * by question (which goes first alternates too), so load from other processes
 * hits both alike; every answer (text and citations) is compared between them.
 * Prints JSON (docs/performance.md, "Answer path above search").
 *
 * `npx tsx bench/measure-answer-path.ts --index FILE --questions FILE.jsonl [--queries 300] [--baseline DIR] [--rounds 3] [--no-warm-up] [--out FILE.json]`
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import { collectAnswer, createAssistant } from '../src/assistant/create-assistant.js';
import { createLogger } from '../src/logger.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { readQuestions } from './eval/questions.js';

const program = new Command()
  .requiredOption('--index <file>', 'SQLite index built by ingest or the eval')
  .requiredOption('--questions <file>', 'JSONL questions')
  .option('--queries <n>', 'the first n questions', '300')
  .option('--baseline <dir>', "another checkout's root, timed alternately with this one")
  .option(
    '--rounds <n>',
    'passes over the questions (the first one warms caches and is not timed)',
    '3',
  )
  .option(
    '--no-warm-up',
    "time the first pass too: each question meets cold caches (the stemmer's words), as in bench/run-bench.ts",
  )
  .option('--out <file>', 'write the JSON result here as well');
program.parse();
const options = program.opts<{
  index: string;
  questions: string;
  queries: string;
  baseline?: string;
  rounds: string;
  warmUp: boolean;
  out?: string;
}>();

function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
}
function summary(ms: readonly number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => +x.toFixed(2);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(ms.reduce((a, b) => a + b, 0) / Math.max(ms.length, 1)),
  };
}

interface Build {
  readonly name: string;
  readonly index: SqliteIndex;
  readonly answer: (question: string) => Promise<string>;
  readonly search: (question: string) => Promise<unknown>;
  readonly times: { answer: number[]; search: number[] };
}

const user = { id: 'bench:user', accessGroups: ['radni'] };
const logger = createLogger('silent');

function build(
  name: string,
  index: SqliteIndex,
  assistantModule: { createAssistant: typeof createAssistant; collectAnswer: typeof collectAnswer },
  retrieveModule: { retrievePassages: typeof retrievePassages },
): Build {
  const assistant = assistantModule.createAssistant({ index, logger, passages: 6 });
  return {
    name,
    index,
    answer: async (question) => {
      const a = await assistantModule.collectAnswer(assistant, { question, user });
      return JSON.stringify([a.kind, a.text, a.citations]);
    },
    search: (question) =>
      retrieveModule.retrievePassages({
        index,
        question,
        k: 10,
        perLetter: 1,
        filter: { accessGroups: user.accessGroups },
      }),
    times: { answer: [], search: [] },
  };
}

const builds: Build[] = [
  build(
    'this',
    new SqliteIndex({ path: options.index }),
    { createAssistant, collectAnswer },
    {
      retrievePassages,
    },
  ),
];
if (options.baseline) {
  const from = (file: string) => import(pathToFileURL(path.resolve(options.baseline!, file)).href);
  const archive = (await from('src/archive/sqlite-index.ts')) as {
    SqliteIndex: typeof SqliteIndex;
  };
  builds.push(
    build(
      'baseline',
      new archive.SqliteIndex({ path: options.index }),
      await from('src/assistant/create-assistant.ts'),
      await from('src/retrieval/retrieve-passages.ts'),
    ),
  );
}

async function timed<T>(run: () => Promise<T>, into?: number[]): Promise<T> {
  const started = performance.now();
  const value = await run();
  into?.push(performance.now() - started);
  return value;
}

const questions = readQuestions(options.questions).slice(0, Number(options.queries));
const rounds = Math.max(options.warmUp ? 2 : 1, Number(options.rounds));
const isTimed = (round: number) => round > 0 || !options.warmUp;
const differing: string[] = [];
for (let round = 0; round < rounds; round += 1) {
  for (const [i, q] of questions.entries()) {
    const order = (i + round) % 2 === 0 ? builds : [...builds].reverse();
    const answers = new Map<string, string>();
    for (const b of order) {
      // The first pass compares the answers; with the warm-up it only warms caches, untimed.
      const into = isTimed(round) ? b.times : undefined;
      answers.set(b.name, await timed(() => b.answer(q.question), into?.answer));
      await timed(() => b.search(q.question), into?.search);
    }
    if (round === 0 && new Set(answers.values()).size > 1) differing.push(q.id);
  }
}
const result = {
  index: options.index,
  questions: questions.length,
  timedRounds: options.warmUp ? rounds - 1 : rounds,
  answersDiffering: options.baseline ? differing : null,
  builds: Object.fromEntries(
    builds.map((b) => [
      b.name,
      {
        answerMs: summary(b.times.answer),
        searchMs: summary(b.times.search),
        aboveSearchMs: summary(b.times.answer.map((a, i) => a - (b.times.search[i] ?? 0))),
      },
    ]),
  ),
};
for (const b of builds) await b.index.close();
const json = JSON.stringify(result);
if (options.out) fs.writeFileSync(options.out, json);
console.log(json);
