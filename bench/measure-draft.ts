/**
 * Times a reply draft without an LLM, the way `kancelaria draft --out` makes
 * it: `draftReply` (retrieval, duplicate folding, answerability, the reader's
 * sentences, the letter form) and `draftToDocx`, per request, on an existing
 * index file (e.g. the shared corpus's, built by the eval). The requests are
 * the Chorzów case plus the questions of a JSONL set. The first pass warms
 * caches and is not timed. Prints JSON (docs/drafting.md, "Speed").
 *
 * `npx tsx bench/measure-draft.ts --index FILE [--questions FILE.jsonl] [--limit 40] [--rounds 2]`
 */
import { Command } from 'commander';
import { draftReply } from '../src/answer/draft-reply.js';
import { draftToDocx } from '../src/answer/export-docx.js';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import { readQuestions } from './eval/questions.js';

const program = new Command()
  .requiredOption('--index <file>', 'SQLite index built by ingest or the eval')
  .option('--questions <file>', 'JSONL questions used as requests as well')
  .option('--limit <n>', 'questions taken from the file at most', '40')
  .option('--rounds <n>', 'passes over the requests (the first is not timed)', '2');
program.parse();
const options = program.opts<{
  index: string;
  questions?: string;
  limit: string;
  rounds: string;
}>();

const CHORZOW = 'Prośba radnego o informację, jak wyglądała współpraca z prowincją Liaoning';
const requests = [
  CHORZOW,
  ...(options.questions
    ? readQuestions(options.questions)
        .slice(0, Number(options.limit))
        .map((q) => q.question)
    : []),
];

const index = new SqliteIndex({ path: options.index });
const draftMs: number[] = [];
const docxMs: number[] = [];
const kinds: Record<string, number> = {};
for (let round = 0; round < Number(options.rounds); round++) {
  for (const request of requests) {
    const t0 = performance.now();
    const draft = await draftReply({
      request,
      to: 'Pan Grzegorz Krzak, Radny Miasta Chorzów',
      index,
    });
    const t1 = performance.now();
    await draftToDocx(draft);
    const t2 = performance.now();
    if (round === 0) {
      kinds[draft.kind] = (kinds[draft.kind] ?? 0) + 1;
      continue;
    }
    draftMs.push(t1 - t0);
    docxMs.push(t2 - t1);
  }
}
await index.close();

function summary(ms: readonly number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const round = (x: number) => +x.toFixed(1);
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0) };
}
const total = draftMs.map((d, i) => d + docxMs[i]!);
process.stdout.write(
  `${JSON.stringify(
    {
      requests: requests.length,
      kinds,
      draftMs: summary(draftMs),
      docxMs: summary(docxMs),
      totalMs: summary(total),
    },
    null,
    2,
  )}\n`,
);
