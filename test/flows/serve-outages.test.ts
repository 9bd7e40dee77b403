/**
 * `serve` while its dependencies fail: Qdrant not running at start, Qdrant
 * stopped mid-run, the LLM stopped. A real serve process, the fakes on
 * loopback; the process must stay up, `/healthz` must name what is degraded,
 * and a question must get one clear sentence.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { USER_MESSAGES_PL } from '../../src/messages.js';
import { startFakeOpenAiServer } from '../fakes/openai-server.js';
import { startFakeQdrant } from '../fakes/qdrant-server.js';
import { BIN, ROOT, startServe, type ServeProcess } from '../helpers/serve-process.js';
import { LIAONING_QUESTION } from '../helpers/sample-archive.js';

/** A loopback port nothing listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let serve: ServeProcess | null = null;
let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-outage-'));
});
afterEach(async () => {
  await serve?.stop();
  serve = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const errorText = (events: Array<{ type: string; [key: string]: unknown }>) =>
  events.find((e) => e.type === 'error')?.text;

test('Qdrant not running at start: serve stays up, /healthz names Qdrant and its URL, a question gets the archive sentence', async () => {
  const qdrantUrl = `http://127.0.0.1:${await deadPort()}`;
  serve = await startServe({ DATA_DIR: dataDir, INDEX_BACKEND: 'qdrant', QDRANT_URL: qdrantUrl });
  const health = await serve.health();
  expect(health.status).toBe('degraded');
  expect(health.degraded?.qdrant).toContain(`Qdrant at ${qdrantUrl}`);
  expect(errorText(await serve.ask(LIAONING_QUESTION))).toBe(USER_MESSAGES_PL.index_unavailable);
  expect(serve.child.exitCode).toBeNull();
}, 90_000);

test('Qdrant stopped mid-run: /healthz turns degraded, questions get the archive sentence, serve stays up', async () => {
  const qdrant = await startFakeQdrant();
  try {
    serve = await startServe({
      DATA_DIR: dataDir,
      INDEX_BACKEND: 'qdrant',
      QDRANT_URL: qdrant.url,
    });
    const before = await serve.health();
    expect(before.degraded).toBeUndefined();
    expect(before.backend).toBe('qdrant');
    await qdrant.close();
    const after = await serve.health();
    expect(after.status).toBe('degraded');
    expect(after.degraded?.qdrant).toBeTruthy();
    expect(errorText(await serve.ask(LIAONING_QUESTION))).toBe(USER_MESSAGES_PL.index_unavailable);
    expect(serve.child.exitCode).toBeNull();
    expect(qdrant.violations).toEqual([]);
  } finally {
    await qdrant.close().catch(() => undefined);
  }
}, 90_000);

test('the LLM stopped mid-run: the answer falls back to quotes and /healthz names the LLM as degraded', async () => {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir };
  await promisify(execFile)(process.execPath, [BIN, 'ingest', 'samples/letters'], {
    cwd: ROOT,
    env,
  });
  const llm = await startFakeOpenAiServer();
  serve = await startServe({
    DATA_DIR: dataDir,
    OPENAI_MODEL: 'gpt-test',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: llm.baseUrl,
    OPENAI_MAX_RETRIES: '0',
  });
  expect((await serve.health()).degraded).toBeUndefined();
  await llm.close();
  const events = await serve.ask(LIAONING_QUESTION);
  const final = events.find((e) => e.type === 'final') as
    { answer: { kind: string; citations: unknown[] } } | undefined;
  expect(final?.answer.kind).toBe('extractive');
  expect(final?.answer.citations.length).toBeGreaterThan(0);
  const health = await serve.health();
  expect(health.status).toBe('degraded');
  expect(health.degraded?.llm).toMatch(/^LLM gpt-test failing/);
  expect(serve.child.exitCode).toBeNull();
}, 120_000);

test('the LLM down at start: /healthz names it and its URL before anyone asks', async () => {
  const llmUrl = `http://127.0.0.1:${await deadPort()}/v1`;
  serve = await startServe({
    DATA_DIR: dataDir,
    OPENAI_MODEL: 'gpt-test',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: llmUrl,
  });
  let health = await serve.health();
  for (let i = 0; i < 50 && !health.degraded?.llm; i++) {
    await new Promise((r) => setTimeout(r, 200));
    health = await serve.health();
  }
  expect(health.degraded?.llm).toBe(
    `LLM gpt-test failing: cannot reach the LLM server at ${llmUrl}: fetch failed`,
  );
  expect(serve.child.exitCode).toBeNull();
}, 90_000);

test('a CLI command with Qdrant unreachable names Qdrant and its URL, not `fetch failed`', async () => {
  const qdrantUrl = `http://127.0.0.1:${await deadPort()}`;
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    INDEX_BACKEND: 'qdrant',
    QDRANT_URL: qdrantUrl,
  };
  const run = await promisify(execFile)(
    process.execPath,
    [BIN, 'ask', 'Kiedy była wizyta w Liaoning?'],
    { cwd: ROOT, env },
  ).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain(`Qdrant at ${qdrantUrl} is unreachable`);
}, 90_000);
