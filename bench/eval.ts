/**
 * `npm run eval -- --corpus DIR --questions FILE.jsonl [--k 10] [--json] [--dump FILE] [--no-llm] [--judge]`
 * Prints per-question misses and a summary; with --json the last line of
 * stdout is the summary object. Answers are written by the configured LLM
 * (OPENAI_MODEL set) unless --no-llm, else extractively; --judge adds an
 * LLM-judged groundedness score (needs an LLM).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { createLlmFromConfig } from '../src/app.js';
import type { Answer } from '../src/answer/types.js';
import { createAssistant } from '../src/assistant/create-assistant.js';
import { loadConfig } from '../src/config.js';
import { judgeGroundedness } from './eval/judge-groundedness.js';
import { createLogger } from '../src/logger.js';
import { buildEvalIndex } from './eval/build-eval-index.js';
import { readQuestions } from './eval/questions.js';
import { dumpLine, evaluateQuestion, summarize, type QuestionResult } from './eval/run-eval.js';
import { buildFts5Baseline } from './eval/fts5-baseline.js';
import { scoreRetrieval } from './retrieval/score-retrieval.js';

const program = new Command()
  .name('eval')
  .requiredOption('--corpus <dir>', 'archive folder to evaluate on (read recursively)')
  .requiredOption('--questions <file>', 'questions, JSONL')
  .option('--k <n>', 'cut-off for reported misses', (v) => Number.parseInt(v, 10), 10)
  .option('--json', 'print the summary as one JSON object on the last line')
  .option('--fresh', 'rebuild the evaluation index even if a cached one matches')
  .option('--no-llm', 'answer extractively even when an LLM is configured')
  .option('--judge', 'score groundedness with the configured LLM (off by default)')
  .option(
    '--dump <file>',
    'write one JSON line per question: answer, citations, top letters with ranks',
  )
  .option(
    '--baseline <name>',
    'also score a baseline built in this process (fts5: naive FTS5, raw words OR-ed) and print both rows',
  )
  .parse(process.argv);

const opts = program.opts<{
  corpus: string;
  questions: string;
  k: number;
  json?: boolean;
  fresh?: boolean;
  llm: boolean;
  judge?: boolean;
  baseline?: string;
  dump?: string;
}>();
const logger = createLogger('warn');
const config = loadConfig();
const llm = config.hasLlm && (opts.llm || opts.judge) ? createLlmFromConfig(config) : undefined;
if (opts.judge && !llm) {
  console.error('--judge needs an LLM: set OPENAI_MODEL (and OPENAI_API_KEY / OPENAI_BASE_URL)');
  process.exit(2);
}
const answerLlm = opts.llm ? llm : undefined;

function describeMiss(r: QuestionResult, k: number): string | null {
  const problems: string[] = [];
  if (r.answerable && (r.rank === null || r.rank > k))
    problems.push(`not in top ${k} (got ${r.ranked.slice(0, 3).join(', ') || 'nothing'})`);
  if (r.answerable && r.refused) problems.push('refused an answerable question');
  if (!r.answerable && !r.refused) problems.push('answered an unanswerable question');
  if (r.mustContainOk === false) problems.push('missing required facts');
  if (r.isFallback) problems.push('LLM failed, extractive fallback');
  if (r.validCitations < r.citations)
    problems.push(`${r.citations - r.validCitations} invalid citation(s)`);
  return problems.length
    ? `MISS ${r.id}: ${problems.join('; ')} — ${r.question.slice(0, 90)}`
    : null;
}

const { index, reused, sync } = await buildEvalIndex({
  corpus: path.resolve(opts.corpus),
  logger,
  fresh: Boolean(opts.fresh),
});
const stats = await index.stats();
console.log(
  `index: ${stats.letters} letters, ${stats.passages} passages (${reused ? 'reused' : `built in ${((sync?.durationMs ?? 0) / 1000).toFixed(1)} s`})`,
);
const assistant = createAssistant({
  index,
  logger,
  ...(config.ANSWER_MIN_SCORE !== undefined ? { minAnswerability: config.ANSWER_MIN_SCORE } : {}),
  ...(answerLlm ? { llm: answerLlm } : {}),
});
const judge = opts.judge && llm ? (answer: Answer) => judgeGroundedness(answer, llm) : undefined;
const results: QuestionResult[] = [];
for (const q of readQuestions(opts.questions)) {
  const result = await evaluateQuestion(q, {
    index,
    assistant,
    k: opts.k,
    ...(judge ? { judge } : {}),
  });
  results.push(result);
  const miss = describeMiss(result, opts.k);
  if (miss) console.log(miss);
}
if (opts.dump) fs.writeFileSync(opts.dump, results.map((r) => `${dumpLine(r)}\n`).join(''));
const summary: ReturnType<typeof summarize> & { baseline?: unknown } = summarize(
  results,
  answerLlm ? 'llm' : 'extractive',
);
if (opts.baseline !== undefined) {
  if (opts.baseline !== 'fts5') throw new Error(`unknown baseline ${opts.baseline} (known: fts5)`);
  const baseline = await buildFts5Baseline(index);
  const b = await scoreRetrieval(readQuestions(opts.questions), async (q) =>
    baseline.search(q, 50),
  );
  baseline.close();
  const rows = [
    ['system', 'r@1', 'r@5', 'r@10', 'MRR@10', 'p50 ms', 'p95 ms'],
    [
      'kancelaria',
      summary.recall_at_1,
      summary.recall_at_5,
      summary.recall_at_10,
      summary.mrr_at_10,
      summary.retrieval_p50_ms,
      summary.retrieval_p95_ms,
    ],
    ['fts5 naive', b.r1, b.r5, b.r10, b.mrr, b.p50, b.p95],
  ];
  const ratio = (x: number | null, y: number) =>
    x === null || y === 0 ? null : Math.round((x / y) * 100) / 100;
  rows.push([
    'ratio',
    ratio(summary.recall_at_1, b.r1),
    ratio(summary.recall_at_5, b.r5),
    ratio(summary.recall_at_10, b.r10),
    ratio(summary.mrr_at_10, b.mrr),
    ratio(summary.retrieval_p50_ms, b.p50),
    ratio(summary.retrieval_p95_ms, b.p95),
  ]);
  for (const row of rows) console.log(row.map((c) => String(c ?? '—').padEnd(12)).join(''));
  summary.baseline = {
    name: 'fts5',
    recall_at_1: b.r1,
    recall_at_5: b.r5,
    recall_at_10: b.r10,
    mrr_at_10: b.mrr,
    retrieval_p50_ms: b.p50,
    retrieval_p95_ms: b.p95,
  };
}
await index.close();
if (opts.json) {
  console.log(JSON.stringify(summary));
} else {
  for (const [key, value] of Object.entries(summary))
    console.log(`${key.padEnd(20)} ${value === null ? '—' : value}`);
}
