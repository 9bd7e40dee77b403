/**
 * `serve` with its answer pool, as an operator runs it: a real process on a real port, questions
 * through the web console, an `ingest` beside it (another connection writing the same index).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { collectAnswer } from '../../src/assistant/create-assistant.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { USER_MESSAGES_PL } from '../../src/messages.js';
import { startFakeOpenAiServer } from '../fakes/openai-server.js';
import { ROOT, startServe } from '../helpers/serve-process.js';

const LETTERS = ['i15498-DVRCPZ.txt', 'i18113-DVZJK8.txt', 'i18459-DWMHUN.txt'];
const UKRAINE_QUESTION =
  'Jakie są łączne koszty systemowe funkcjonowania obywateli Ukrainy w systemie świadczeń publicznych?';
const BRIDGE_QUESTION = 'Kiedy zakończy się remont mostu na ulicy Kościuszki w Chorzowie?';
const BRIDGE_LETTER = `Urząd Miasta Chorzów
Chorzów, 3 sierpnia 2026 r.
znak sprawy: MZD.7230.14.2026
Pan
Jan Kowalski
Radny Miasta Chorzów
Dotyczy: odpowiedzi na zapytanie w sprawie remontu mostu na ulicy Kościuszki
Szanowny Panie Radny,
uprzejmie informuję, że remont mostu na ulicy Kościuszki w Chorzowie zakończy się
w październiku 2026 roku, po wymianie płyty pomostu i nawierzchni jezdni.
Z poważaniem
Anna Nowak
Dyrektor Miejskiego Zarządu Dróg
`;

interface FinalAnswer {
  readonly kind: string;
  readonly citations: readonly { readonly file: string }[];
}

/** The answer of a web console reply's `final` event. */
function finalAnswer(events: readonly { type: string; [key: string]: unknown }[]): FinalAnswer {
  const last = events.at(-1);
  if (last?.type !== 'final') throw new Error(`no final answer: ${JSON.stringify(last)}`);
  return last.answer as FinalAnswer;
}

async function ingest(env: Record<string, string>): Promise<void> {
  const app = await createApp(loadConfig(env), silentLogger());
  try {
    await app.ingest();
  } finally {
    await app.close();
  }
}

test('serve answers concurrent questions on its workers, turns away what the queue cannot hold, keeps /healthz answering, and sees letters ingested beside it', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-pool-serve-'));
  const archive = path.join(tmp, 'archive');
  fs.mkdirSync(archive);
  for (const file of LETTERS)
    fs.copyFileSync(path.join(ROOT, 'samples/letters/sejm', file), path.join(archive, file));
  const env = { DATA_DIR: path.join(tmp, 'data'), ARCHIVE_DIR: archive };
  await ingest(env);
  // One worker and room for two waiting questions: of eight sent at once, some must be turned away.
  const serve = await startServe({ ...env, ANSWER_WORKERS: '1', ANSWER_QUEUE_MAX: '2' });
  try {
    expect(await serve.health()).toMatchObject({
      status: 'ok',
      answers: { workers: 1, running: 0, queued: 0 },
    });

    let isAsking = true;
    const asked = Promise.all(Array.from({ length: 8 }, () => serve.ask(UKRAINE_QUESTION))).finally(
      () => (isAsking = false),
    );
    const healths: { running: number; queued: number }[] = [];
    while (isAsking) {
      const health = await serve.health();
      expect(health.status).toBe('ok');
      healths.push(health.answers as { running: number; queued: number });
    }
    const answers = await asked;

    const finals = answers.filter((events) => events.at(-1)?.type === 'final');
    const busy = answers.filter((events) =>
      events.some(
        (e) => e.type === 'error' && e.code === 'busy' && e.text === USER_MESSAGES_PL.busy,
      ),
    );
    expect(finals.length + busy.length).toBe(8);
    expect(finals.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const events of finals)
      expect(finalAnswer(events).citations[0]?.file).toBe('i15498-DVRCPZ.txt');
    // The HTTP loop answered /healthz while the worker was answering.
    expect(healths.some((h) => h.running > 0)).toBe(true);

    expect(finalAnswer(await serve.ask(BRIDGE_QUESTION)).kind).toBe('refusal');
    fs.writeFileSync(path.join(archive, 'mzd-7230-14-2026.txt'), BRIDGE_LETTER);
    await ingest(env);
    const after = finalAnswer(await serve.ask(BRIDGE_QUESTION));
    expect(after.kind).toBe('extractive');
    expect(after.citations[0]?.file).toBe('mzd-7230-14-2026.txt');
  } finally {
    await serve.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 120_000);

test('with an LLM, the app that serve builds gathers the evidence on its worker and the LLM answers from it', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-pool-llm-'));
  const archive = path.join(tmp, 'archive');
  fs.mkdirSync(archive);
  for (const file of LETTERS)
    fs.copyFileSync(path.join(ROOT, 'samples/letters/sejm', file), path.join(archive, file));
  const llmServer = await startFakeOpenAiServer();
  const env = { DATA_DIR: path.join(tmp, 'data'), ARCHIVE_DIR: archive };
  await ingest(env);
  const app = await createApp(
    loadConfig({
      ...env,
      OPENAI_MODEL: 'fake-model',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: llmServer.baseUrl,
      ANSWER_WORKERS: '1',
    }),
    silentLogger(),
    { isLongRunning: true },
  );
  try {
    await app.startAnswering();
    expect(app.answerLoad()).toEqual({ workers: 1, running: 0, queued: 0 });
    llmServer.enqueue({
      text: 'Koszty systemowe opisano w odpowiedzi na interpelację nr 15498 [1].',
    });
    const answer = await collectAnswer(app.assistant, { question: UKRAINE_QUESTION });
    expect(answer.kind).toBe('llm');
    expect(answer.citations[0]?.file).toBe('i15498-DVRCPZ.txt');
    // The sources the LLM was given came from the worker's evidence.
    const user = llmServer.requests[0]?.body.messages?.find((m) => m.role === 'user');
    expect(user?.content).toContain('obywateli Ukrainy');
  } finally {
    await app.close();
    await llmServer.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 60_000);
