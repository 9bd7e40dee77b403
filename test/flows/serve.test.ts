/** `kancelaria serve` as an operator starts it: a real process, a real port. */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/run-sources.js');

test('serve reports the index on /healthz and says which channels are off', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-serve-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'info',
  };
  await promisify(execFile)(process.execPath, [BIN, 'ingest', 'samples/letters'], {
    cwd: ROOT,
    env,
  });
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env });
  try {
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listen line in: ${stderr}`)), 20_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /"url":"(http:[^"]+)"/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!.replace('localhost', '127.0.0.1'));
        }
      });
    });
    const health = (await (await fetch(`${url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', backend: 'sqlite', llm: false });
    expect(health.letters).toBeGreaterThan(15);
    expect(stderr).toContain('Slack is off');
    // No WEB_CONSOLE_TOKEN: the console is not mounted at all.
    expect(stderr).toContain('Web console is off');
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/api/ask`, { method: 'POST' })).status).toBe(404);
    // The default configuration has no Teams endpoint: an unsigned activity claiming an admin gets nowhere.
    expect(stderr).toContain('Teams is off');
    expect(url).toContain('127.0.0.1');
    const unsigned = {
      type: 'message',
      id: 'm1',
      channelId: 'msteams',
      serviceUrl: 'https://attacker.example/',
      text: 'reindex',
      from: { id: '29:x', aadObjectId: 'aad-admin' },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:1', conversationType: 'personal' },
    };
    const teams = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(unsigned),
    });
    expect(teams.status).toBe(404);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);

test('serve stays up with an empty index and an unreachable Slack: /healthz says empty and names Slack as degraded', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-serve-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    // Nothing listens on port 1.
    SLACK_API_URL: 'http://127.0.0.1:1/api/',
  };
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env });
  try {
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listen line in: ${stderr}`)), 60_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /"url":"(http:[^"]+)"/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!.replace('localhost', '127.0.0.1'));
        }
      });
    });
    expect(stderr).toContain('the index is empty');
    // Until the first attempt (with its Web API retries) has failed, and past it, the process keeps answering.
    let health: { status: string; degraded?: { slack?: string } } = { status: '' };
    for (let i = 0; i < 90 && !/unreachable/.test(health.degraded?.slack ?? ''); i++) {
      health = (await (await fetch(`${url}/healthz`)).json()) as typeof health;
      expect(health.status).toBe('empty');
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(health.degraded?.slack).toMatch(/^Slack Web API unreachable/);
    await new Promise((r) => setTimeout(r, 2000));
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
