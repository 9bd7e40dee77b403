/**
 * Outage drill: a real `kancelaria serve` process while Slack, Qdrant or the
 * LLM is down at start, or stops mid-run (the fakes on loopback, closed).
 * For each case: does the process stay up, what `/healthz` says, and what a
 * question through the web console gets back.
 *
 *   npx tsx bench/reliability/outages.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFakeOpenAiServer } from '../../test/fakes/openai-server.js';
import { startFakeQdrant } from '../../test/fakes/qdrant-server.js';
import { startFakeSlackApi } from '../../test/fakes/slack-api.js';
import { LIAONING_QUESTION } from '../../test/helpers/sample-archive.js';
import { BIN, ROOT, startServe, type ServeProcess } from '../../test/helpers/serve-process.js';

async function deadUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-outages-'));
const sqliteData = path.join(work, 'sqlite');
execFileSync(process.execPath, [BIN, 'ingest', 'samples/letters'], {
  cwd: ROOT,
  env: { PATH: process.env.PATH ?? '', HOME: work, DATA_DIR: sqliteData, LOG_LEVEL: 'warn' },
});
let n = 0;
const freshData = () => path.join(work, `data-${n++}`);

interface Case {
  readonly name: string;
  /** Starts what the case needs; returns serve's env and what "mid-run" stops (nothing: down at start). */
  readonly setUp: () => Promise<{
    env: Record<string, string>;
    stop?: () => Promise<void>;
    cleanUp?: () => Promise<void>;
  }>;
  /** How long to let serve try before looking (Slack's connect retries take a while). */
  readonly settleMs?: number;
  /** How long to wait after the stop before looking (Slack is checked every SLACK_HEALTH_PROBE_S). */
  readonly afterStopMs?: number;
}

const slackEnv = (apiUrl: string) => ({
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_API_URL: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
  // Checked every 2 s instead of every minute, so the drill sees a mid-run outage within its settle time.
  SLACK_HEALTH_PROBE_S: '2',
});
const llmEnv = (baseUrl: string) => ({
  OPENAI_MODEL: 'gpt-test',
  OPENAI_API_KEY: 'sk-test',
  OPENAI_BASE_URL: baseUrl,
  OPENAI_MAX_RETRIES: '0',
});

const cases: Case[] = [
  {
    name: 'Slack down at start',
    setUp: async () => ({ env: { DATA_DIR: sqliteData, ...slackEnv(`${await deadUrl()}/api/`) } }),
    settleMs: 30_000,
  },
  {
    name: 'Slack stopped mid-run',
    setUp: async () => {
      const slack = await startFakeSlackApi();
      return {
        env: { DATA_DIR: sqliteData, ...slackEnv(slack.apiUrl) },
        stop: () => slack.close(),
      };
    },
    settleMs: 5000,
    afterStopMs: 3000,
  },
  {
    name: 'Qdrant down at start',
    setUp: async () => ({
      env: { DATA_DIR: freshData(), INDEX_BACKEND: 'qdrant', QDRANT_URL: await deadUrl() },
    }),
  },
  {
    name: 'Qdrant stopped mid-run',
    setUp: async () => {
      const qdrant = await startFakeQdrant();
      return {
        env: { DATA_DIR: freshData(), INDEX_BACKEND: 'qdrant', QDRANT_URL: qdrant.url },
        stop: () => qdrant.close(),
      };
    },
  },
  {
    name: 'LLM down at start',
    setUp: async () => ({ env: { DATA_DIR: sqliteData, ...llmEnv(`${await deadUrl()}/v1`) } }),
  },
  {
    name: 'LLM stopped mid-run',
    setUp: async () => {
      const llm = await startFakeOpenAiServer();
      return { env: { DATA_DIR: sqliteData, ...llmEnv(llm.baseUrl) }, stop: () => llm.close() };
    },
  },
];

const describeAnswer = (events: Array<{ type: string; [key: string]: unknown }>): string => {
  const error = events.find((e) => e.type === 'error');
  if (error) return `error „${String(error.text)}”`;
  const final = events.find((e) => e.type === 'final') as
    { answer: { kind: string; notice?: string | null; citations?: unknown[] } } | undefined;
  return final
    ? `${final.answer.kind} answer, ${final.answer.citations?.length ?? 0} citations${final.answer.notice ? `, notice „${final.answer.notice}”` : ''}`
    : 'no answer';
};

const rows: string[] = [];
for (const c of cases) {
  const first = rows.length;
  const { env, stop, cleanUp } = await c.setUp();
  let serve: ServeProcess | null = null;
  try {
    // LOG_LEVEL stays info: startServe waits for the listen line.
    serve = await startServe(env);
    if (stop) {
      await new Promise((r) => setTimeout(r, c.settleMs ?? 0));
      const before = await serve.health();
      rows.push(
        `${c.name}: before the stop /healthz ${before.status}${before.degraded ? ` ${JSON.stringify(before.degraded)}` : ''}`,
      );
      await stop();
      await new Promise((r) => setTimeout(r, c.afterStopMs ?? 0));
    } else {
      await new Promise((r) => setTimeout(r, c.settleMs ?? 0));
    }
    const answer = describeAnswer(await serve.ask(LIAONING_QUESTION));
    const health = await serve.health();
    await new Promise((r) => setTimeout(r, 1000));
    const up = serve.child.exitCode === null;
    rows.push(
      `${c.name}: serve ${up ? 'up' : `EXITED ${serve.child.exitCode}`}; /healthz ${health.status}${health.degraded ? ` ${JSON.stringify(health.degraded)}` : ''}; question: ${answer}`,
    );
  } catch (error) {
    rows.push(
      `${c.name}: FAILED ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`,
    );
  } finally {
    await serve?.stop();
    await cleanUp?.();
    await stop?.().catch(() => undefined);
  }
  console.log(rows.slice(first).join('\n'));
}
fs.rmSync(work, { recursive: true, force: true });
