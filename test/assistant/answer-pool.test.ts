/** The answer pool: real worker threads reading a real SQLite index file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gatherEvidence } from '../../src/answer/assess-answerability.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { createAnswerPool, type AnswerPool } from '../../src/assistant/answer-pool.js';
import { createAssistant } from '../../src/assistant/create-assistant.js';
import type { AnswerEvent } from '../../src/assistant/types.js';
import { BotError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { USER_MESSAGES_PL } from '../../src/messages.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import {
  LIAONING_QUESTION,
  LIAONING_REFERENCE,
  seedSampleArchive,
} from '../helpers/sample-archive.js';

const TEACHERS_QUESTION = 'O ile wzrosną płace nauczycieli początkujących?';
const BRIDGE_QUESTION = 'Kiedy zakończy się remont mostu na ulicy Kościuszki?';

let dir: string;
let indexPath: string;
let index: SqliteIndex;
const pools: AnswerPool[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-pool-'));
  indexPath = path.join(dir, 'index.sqlite');
  // The writer, as in `serve`: opened read-write first; the workers open the same file read-only.
  index = new SqliteIndex({ path: indexPath });
  await seedSampleArchive(index);
});

afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
  await index.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startPool(workers: number, queueMax: number): AnswerPool {
  const pool = createAnswerPool({
    workers,
    queueMax,
    worker: { indexPath, passages: 8, logLevel: 'silent' },
    logger: silentLogger(),
  });
  pools.push(pool);
  return pool;
}

async function collect(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
  const out: AnswerEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const finalOf = (events: readonly AnswerEvent[]) => {
  const last = events.at(-1);
  if (last?.type !== 'final') throw new Error(`no final answer: ${JSON.stringify(last)}`);
  return last.answer;
};

describe('createAnswerPool', () => {
  test('answers concurrent questions on two workers with the same events, in the same order, as the in-process assistant', async () => {
    const pool = startPool(2, 16);
    const inProcess = createAssistant({ index, logger: silentLogger() });
    const questions = [LIAONING_QUESTION, TEACHERS_QUESTION, BRIDGE_QUESTION];
    const expected = new Map<string, AnswerEvent[]>();
    for (const q of questions) expected.set(q, await collect(inProcess.answer({ question: q })));

    const asked = [...questions, ...questions];
    const answers = await Promise.all(asked.map((q) => collect(pool.answer({ question: q }))));

    answers.forEach((events, i) => expect(events).toEqual(expected.get(asked[i]!)));
    expect(finalOf(answers[0]!).citations[0]?.reference).toBe(LIAONING_REFERENCE);
    expect(finalOf(answers[1]!).citations[0]?.letterId).toBe('i10446');
    expect(finalOf(answers[2]!).kind).toBe('refusal');
    expect(pool.load()).toEqual({ workers: 2, running: 0, queued: 0 });
  });

  test('a question past the bounded queue gets the busy sentence at once; the admitted ones are answered', async () => {
    const pool = startPool(1, 1);
    await pool.ready;
    const running = pool.answer({ question: LIAONING_QUESTION })[Symbol.asyncIterator]();
    const waiting = pool.answer({ question: TEACHERS_QUESTION })[Symbol.asyncIterator]();
    // Starting each generator hands its question to the worker or the queue, before any reply can arrive.
    const firstRunning = running.next();
    const firstWaiting = waiting.next();
    expect(pool.load()).toEqual({ workers: 1, running: 1, queued: 1 });

    const turnedAway = await collect(pool.answer({ question: BRIDGE_QUESTION }));
    expect(turnedAway).toEqual([{ type: 'error', code: 'busy', text: USER_MESSAGES_PL.busy }]);

    const rest = async (
      first: Promise<IteratorResult<AnswerEvent>>,
      it: AsyncIterator<AnswerEvent>,
    ) => {
      const events = [(await first).value as AnswerEvent];
      for (let step = await it.next(); !step.done; step = await it.next()) events.push(step.value);
      return events;
    };
    const [a, b] = await Promise.all([rest(firstRunning, running), rest(firstWaiting, waiting)]);
    expect(finalOf(a).citations[0]?.reference).toBe(LIAONING_REFERENCE);
    expect(finalOf(b).citations[0]?.letterId).toBe('i10446');
  });

  test('a letter the writer commits after the workers opened the index is found by the next question', async () => {
    const pool = startPool(1, 4);
    expect(finalOf(await collect(pool.answer({ question: BRIDGE_QUESTION }))).kind).toBe('refusal');

    await index.upsertLetter(
      makeLetter({ id: 'most-kosciuszki', title: 'w sprawie remontu mostu na ulicy Kościuszki' }),
      makePassages('most-kosciuszki', [
        'Remont mostu na ulicy Kościuszki zakończy się w październiku 2026 roku, po wymianie płyty pomostu.',
      ]),
    );

    const answer = finalOf(await collect(pool.answer({ question: BRIDGE_QUESTION })));
    expect(answer.kind).toBe('extractive');
    expect(answer.citations[0]?.letterId).toBe('most-kosciuszki');
  });

  test('a question cancelled while it waits is taken out of the queue and yields nothing', async () => {
    const pool = startPool(1, 4);
    await pool.ready;
    const running = collect(pool.answer({ question: LIAONING_QUESTION }));
    const controller = new AbortController();
    const cancelled = collect(
      pool.answer({ question: TEACHERS_QUESTION, signal: controller.signal }),
    );
    // Let the cancelled question's generator start (and queue) before aborting it.
    await Promise.resolve();
    expect(pool.load().queued).toBe(1);
    controller.abort();
    expect(await cancelled).toEqual([]);
    expect(pool.load().queued).toBe(0);
    expect(finalOf(await running).citations[0]?.reference).toBe(LIAONING_REFERENCE);
  });

  test('gathers the evidence of the LLM path on a worker: the same hits, statistics and answerability as in-process; busy past the queue', async () => {
    const pool = startPool(1, 0);
    const request = { question: LIAONING_QUESTION, k: 8, accessGroups: [] };
    const [pooled, again] = await Promise.all([
      pool.gatherEvidence(request),
      pool.gatherEvidence(request).catch((error: unknown) => error),
    ]);
    expect(pooled).toEqual(await gatherEvidence({ index, ...request }));
    expect(pooled.hits[0]?.letter.reference).toBe(LIAONING_REFERENCE);
    // One worker, no queue: the second request, sent while the first ran, was turned away.
    expect(again).toBeInstanceOf(BotError);
    expect((again as BotError).code).toBe('busy');
  });
});
