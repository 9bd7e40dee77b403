/**
 * `tsx bench/eval/compare-stored-terms.ts --corpus DIR [--k N] FILE.jsonl…`
 * Answerability from the letter terms stored at ingest must equal
 * answerability from re-analysing the letters (issue 16). Per question, on the
 * eval index, compares `gatherEvidence`'s result (stored terms) with
 * `assessAnswerability` over the same letter texts without them, and times
 * both assessments (ms, CPU-bound, same process, alternating order).
 * Prints one JSON summary; exits 1 when any question differs.
 */
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import {
  assessAnswerability,
  ENTITY_LETTERS,
  gatherEvidence,
  isAnswerable,
} from '../../src/answer/assess-answerability.js';
import { createLogger } from '../../src/logger.js';
import { buildEvalIndex } from './build-eval-index.js';
import { readQuestions } from './questions.js';

const { values, positionals } = parseArgs({
  options: { corpus: { type: 'string' }, k: { type: 'string' } },
  allowPositionals: true,
});
const { index } = await buildEvalIndex({
  corpus: path.resolve(values.corpus ?? '../shared/corpus'),
  logger: createLogger('warn'),
});
const k = Number(values.k ?? 8);
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const differing: string[] = [];
const stored: number[] = [];
const analysed: number[] = [];
let questions = 0;
let refusedByAnswerability = 0;
let withStoredTerms = 0;
for (const file of positionals) {
  for (const q of readQuestions(file)) {
    const evidence = await gatherEvidence({ index, question: q.question, k });
    const ids = [...new Set(evidence.hits.map((h) => h.letter.id))].slice(0, ENTITY_LETTERS);
    const terms = await index.letterTerms(ids);
    const letterTerms = ids.map((id) => terms.get(id));
    withStoredTerms += letterTerms.filter(Boolean).length === ids.length ? 1 : 0;
    const time = (run: () => unknown, into: number[]) => {
      const start = performance.now();
      run();
      into.push(performance.now() - start);
    };
    const withStored = () =>
      assessAnswerability({
        question: q.question,
        letterTexts: evidence.letterTexts,
        letterTerms,
        stats: evidence.stats,
      });
    const reanalysed = () =>
      assessAnswerability({
        question: q.question,
        letterTexts: evidence.letterTexts,
        stats: evidence.stats,
      });
    if (questions % 2 === 0) {
      time(withStored, stored);
      time(reanalysed, analysed);
    } else {
      time(reanalysed, analysed);
      time(withStored, stored);
    }
    const before = reanalysed();
    if (
      !isDeepStrictEqual(before, evidence.answerability) ||
      isAnswerable(before) !== isAnswerable(evidence.answerability)
    )
      differing.push(q.id);
    refusedByAnswerability += isAnswerable(evidence.answerability) ? 0 : 1;
    questions++;
  }
}
await index.close();
const ms = (xs: number[]) => ({
  p50: Number(percentile(xs, 0.5).toFixed(2)),
  p95: Number(percentile(xs, 0.95).toFixed(2)),
});
console.log(
  JSON.stringify({
    questions,
    withStoredTerms,
    refusedByAnswerability,
    differing,
    assessStoredMs: ms(stored),
    assessReanalysedMs: ms(analysed),
  }),
);
process.exitCode = differing.length === 0 ? 0 : 1;
