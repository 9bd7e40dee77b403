/**
 * `npm run eval -- --corpus DIR --questions FILE.jsonl [--k 10] [--json]`
 * Prints per-question misses and a summary; with --json the last line of
 * stdout is the summary object.
 */
import path from 'node:path';
import { Command } from 'commander';
import { createAssistant } from '../src/assistant/create-assistant.js';
import { createLogger } from '../src/logger.js';
import { buildEvalIndex } from './eval/build-eval-index.js';
import { readQuestions } from './eval/questions.js';
import { evaluateQuestion, summarize, type QuestionResult } from './eval/run-eval.js';

const program = new Command()
  .name('eval')
  .requiredOption('--corpus <dir>', 'archive folder to evaluate on (read recursively)')
  .requiredOption('--questions <file>', 'questions, JSONL')
  .option('--k <n>', 'cut-off for reported misses', (v) => Number.parseInt(v, 10), 10)
  .option('--json', 'print the summary as one JSON object on the last line')
  .option('--fresh', 'rebuild the evaluation index even if a cached one matches')
  .parse(process.argv);

const opts = program.opts<{ corpus: string; questions: string; k: number; json?: boolean; fresh?: boolean }>();
const logger = createLogger('warn');

function describeMiss(r: QuestionResult, k: number): string | null {
  const problems: string[] = [];
  if (r.answerable && (r.rank === null || r.rank > k)) problems.push(`not in top ${k} (got ${r.ranked.slice(0, 3).join(', ') || 'nothing'})`);
  if (r.answerable && r.refused) problems.push('refused an answerable question');
  if (!r.answerable && !r.refused) problems.push('answered an unanswerable question');
  if (r.mustContainOk === false) problems.push('missing required facts');
  if (r.validCitations < r.citations) problems.push(`${r.citations - r.validCitations} invalid citation(s)`);
  return problems.length ? `MISS ${r.id}: ${problems.join('; ')} — ${r.question.slice(0, 90)}` : null;
}

const { index, reused, sync } = await buildEvalIndex({ corpus: path.resolve(opts.corpus), logger, fresh: Boolean(opts.fresh) });
const stats = await index.stats();
console.log(`index: ${stats.letters} letters, ${stats.passages} passages (${reused ? 'reused' : `built in ${((sync?.durationMs ?? 0) / 1000).toFixed(1)} s`})`);
const assistant = createAssistant({ index, logger });
const results: QuestionResult[] = [];
for (const q of readQuestions(opts.questions)) {
  const result = await evaluateQuestion(q, { index, assistant, k: opts.k });
  results.push(result);
  const miss = describeMiss(result, opts.k);
  if (miss) console.log(miss);
}
const summary = summarize(results);
await index.close();
if (opts.json) {
  console.log(JSON.stringify(summary));
} else {
  for (const [key, value] of Object.entries(summary)) console.log(`${key.padEnd(20)} ${value === null ? '—' : value}`);
}
