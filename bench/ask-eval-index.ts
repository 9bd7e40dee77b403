/**
 * One question against the evaluation index of a corpus (the one `npm run eval` builds and caches),
 * printed as `ask --json` prints it with its sources: for reading why an eval
 * question was answered the way it was without re-running a whole set.
 *
 * `npx tsx bench/ask-eval-index.ts [--corpus DIR] "question" ["question" …]`
 */
import path from 'node:path';
import { Command } from 'commander';
import { collectAnswer, createAssistant } from '../src/assistant/create-assistant.js';
import { createLogger } from '../src/logger.js';
import { buildEvalIndex } from './eval/build-eval-index.js';

const program = new Command()
  .option(
    '--corpus <dir>',
    'archive folder (indexed once, cached like the eval)',
    '/work/shared/corpus',
  )
  .argument('<questions...>')
  .parse(process.argv);
const opts = program.opts<{ corpus: string }>();
const logger = createLogger('warn');
const { index } = await buildEvalIndex({ corpus: path.resolve(opts.corpus), logger, fresh: false });
const assistant = createAssistant({ index, logger });
for (const question of program.args) {
  const answer = await collectAnswer(assistant, { question, user: { id: 'eval' } });
  console.log(answer.text);
  for (const c of answer.citations)
    console.log(`  [${c.n}] ${path.basename(c.file)} p.${c.page ?? '-'} ${c.reference ?? ''}`);
  if ('missing' in answer && answer.missing) console.log('  missing:', answer.missing);
}
await index.close();
