/**
 * `tsx bench/eval/dump-answerability.ts --corpus DIR FILE.jsonl…`
 * Prints, per question, the evidence the refusal decision uses (JSON lines),
 * for tuning the threshold on the dev sets (see docs/answers.md).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeQuery } from '../../src/archive/analyzer.js';
import {
  assessAnswerability,
  DEFAULT_MIN_ANSWERABILITY,
  isAnswerable,
  topLetterTexts,
} from '../../src/answer/assess-answerability.js';
import { createLogger } from '../../src/logger.js';
import { retrievePassages } from '../../src/retrieval/retrieve-passages.js';
import { buildEvalIndex } from './build-eval-index.js';
import { readQuestions } from './questions.js';

const { values, positionals } = parseArgs({
  options: {
    corpus: { type: 'string' },
    threshold: { type: 'string' },
    letters: { type: 'string' },
    prefix: { type: 'string' },
    boost: { type: 'string' },
    unseen: { type: 'string' },
  },
  allowPositionals: true,
});
const { index } = await buildEvalIndex({
  corpus: path.resolve(values.corpus ?? '../shared/corpus'),
  logger: createLogger('warn'),
});
for (const file of positionals) {
  for (const q of readQuestions(file)) {
    const hits = await retrievePassages({ index, question: q.question, k: 8 });
    const stats = await index.termStats(analyzeQuery(q.question));
    const letterTexts = await topLetterTexts(index, hits);
    const a = assessAnswerability({
      question: q.question,
      letterTexts,
      ...(values.letters ? { scoreLetters: Number(values.letters) } : {}),
      stats,
      ...(values.prefix ? { prefix: Number(values.prefix) } : {}),
      ...(values.boost ? { unseenNameBoost: Number(values.boost) } : {}),
      ...(values.unseen ? { unseenWordFactor: Number(values.unseen) } : {}),
    });
    const top = hits[0]?.letter.file ?? '';
    const isRelevantTop = q.relevant.some(
      (r) => path.basename(top).replace(/\.[^.]+$/, '') === r.replace(/\.[^.]+$/, ''),
    );
    console.log(
      JSON.stringify({
        set: path.basename(file),
        id: q.id,
        answerable: q.answerable,
        isRelevantTop,
        score: a.score,
        refused: !isAnswerable(
          a,
          values.threshold ? Number(values.threshold) : DEFAULT_MIN_ANSWERABILITY,
        ),
        missingNames: a.missingNames,
        unseenNames: a.unseenNames,
        uncovered: a.words.filter((w) => !w.isCovered).map((w) => `${w.word}:${w.df}`),
      }),
    );
  }
}
await index.close();
