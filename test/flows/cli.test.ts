/**
 * The command line end to end, as a newcomer runs it: real processes, the
 * committed sample archive, a fresh DATA_DIR. Each command runs as a real
 * process at least once; set-up steps (an ingest before `ask` or `draft`)
 * call the same code in-process (`runIngest`), which keeps the tests fast.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import mammoth from 'mammoth';
import { runAsk } from '../../src/cli/commands/ask.js';
import { runIngest } from '../../src/cli/commands/ingest.js';
import { StateStore } from '../../src/assistant/state-store.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/run-sources.js');

let dataDir: string;
const kancelaria = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    timeout: 60_000,
  });

/** A stream that keeps what a command printed. */
function sink(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, text: () => text };
}

/** `kancelaria ingest samples/letters` in-process, with the DATA_DIR the processes use; returns what it printed. */
async function ingestInProcess(): Promise<string> {
  const { out, text } = sink();
  await runIngest({
    config: loadConfig({ DATA_DIR: dataDir }),
    logger: silentLogger(),
    dir: path.join(ROOT, 'samples/letters'),
    out,
  });
  return text();
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-cli-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('kancelaria CLI', () => {
  test('npm run demo path: ingests the samples and answers about Liaoning with a cited source', async () => {
    const { stdout } = await kancelaria(['demo']);
    expect(stdout).toMatch(/added \d+, updated 0, deleted 0, unchanged 0, failed 0/);
    expect(stdout).toContain('Yingkou');
    expect(stdout).toMatch(/\[1\] WEN\.9823\.2020\.RFZ, 2020-03-02, Marcin Michalik/);
    expect(stdout).toContain('Źródła:');
  });

  test('ingest twice: the second run changes nothing', async () => {
    const first = await kancelaria(['ingest', 'samples/letters']);
    const added = Number(/added (\d+)/.exec(first.stdout)?.[1]);
    expect(added).toBeGreaterThan(15);
    // Each sync leaves its summary in the state store, for the admin page after the process is gone.
    const lastSync = () => {
      const store = new StateStore({ path: path.join(dataDir, 'state.sqlite') });
      try {
        return store.lastSync();
      } finally {
        store.close();
      }
    };
    expect(lastSync()).toMatchObject({ added, unchanged: 0, failed: 0, failures: [] });
    const second = await ingestInProcess();
    expect(second).toContain(`added 0, updated 0, deleted 0, unchanged ${added}, failed 0`);
    expect(lastSync()).toMatchObject({ added: 0, unchanged: added });
  });

  test('ask --json prints the contract object; an unanswerable question is refused', async () => {
    await ingestInProcess();
    const { stdout } = await kancelaria([
      'ask',
      '--json',
      'współpraca z prowincją Liaoning i miastem Yingkou',
    ]);
    const json = JSON.parse(stdout) as Record<string, unknown> & {
      citations: Record<string, unknown>[];
      passages: Record<string, unknown>[];
    };
    expect(Object.keys(json).sort()).toEqual(['answer', 'citations', 'passages', 'refused']);
    expect(json.refused).toBe(false);
    expect(json.citations[0]).toMatchObject({
      n: 1,
      reference: 'WEN.9823.2020.RFZ',
      date: '2020-03-02',
      author: 'Marcin Michalik',
    });
    expect(Object.keys(json.citations[0]!).sort()).toEqual([
      'author',
      'date',
      'file',
      'letterId',
      'n',
      'page',
      'quote',
      'reference',
    ]);
    expect(Object.keys(json.passages[0]!).sort()).toEqual([
      'file',
      'letterId',
      'page',
      'score',
      'text',
    ]);

    const printed = sink();
    await runAsk({
      config: loadConfig({ DATA_DIR: dataDir }),
      logger: silentLogger(),
      question: 'Ile kosztował remont ratusza w Wąbrzeźnie?',
      json: true,
      out: printed.out,
    });
    const refused = JSON.parse(printed.text()) as {
      refused: boolean;
      answer: string;
      citations: unknown[];
    };
    expect(refused).toMatchObject({
      refused: true,
      answer: 'Nie znalazłem w archiwum odpowiedzi na to pytanie.',
      citations: [],
    });
  });

  test('draft prints a cited reply in letter form and exports a Word file that opens', async () => {
    await ingestInProcess();
    const out = path.join(dataDir, 'odpowiedz.docx');
    const { stdout } = await kancelaria([
      'draft',
      'Proszę o informację o współpracy z prowincją Liaoning',
      '--to',
      'Grzegorz Krzak, Radny Miasta Chorzów',
      '--out',
      out,
    ]);
    expect(stdout).toContain('Grzegorz Krzak');
    expect(stdout).toContain('Szanowny Panie');
    expect(stdout).toMatch(/\[1\] WEN\.9823\.2020\.RFZ, 2020-03-02/);
    const { value } = await mammoth.extractRawText({ path: out });
    expect(value).toContain('Yingkou');
    expect(value).toContain('WEN.9823.2020.RFZ');
    await expect(kancelaria(['draft', 'x', '--out', 'draft.pdf'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('.docx'),
    });
  });

  test('an invalid configuration exits with 2 and names the variable', async () => {
    await expect(kancelaria(['ask', 'x'], { INDEX_BACKEND: 'elastic' })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('INDEX_BACKEND'),
    });
  });

  test('a missing archive folder exits with 1 and a clear message', async () => {
    await expect(kancelaria(['ingest', 'no/such/folder'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no/such/folder'),
    });
  });
});
