/**
 * The whole product on the Qdrant backend: ingest the sample archive, answer,
 * rebuild with `--full` behind the alias, snapshot. Every request goes to the
 * spec-validated fake; none may violate Qdrant's OpenAPI spec.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createApp } from '../../src/app.js';
import { collectAnswer } from '../../src/assistant/create-assistant.js';
import { runIngest } from '../../src/cli/commands/ingest.js';
import { runSnapshot } from '../../src/cli/commands/snapshot.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startFakeQdrant, type FakeQdrantServer } from '../fakes/qdrant-server.js';

const SAMPLES = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../samples/letters',
);
let qdrant: FakeQdrantServer;
let dataDir: string;

beforeEach(async () => {
  qdrant = await startFakeQdrant();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-qdrant-flow-'));
});
afterEach(async () => {
  await qdrant.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sink = () => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  return { out, text: () => text };
};

test('ingest, answer, full rebuild behind the alias and snapshot on Qdrant', async () => {
  const config = loadConfig({
    INDEX_BACKEND: 'qdrant',
    QDRANT_URL: qdrant.url,
    QDRANT_COLLECTION: 'archiwum',
    DATA_DIR: dataDir,
    ARCHIVE_DIR: SAMPLES,
  });
  const logger = silentLogger();
  const first = await runIngest({ config, logger, dir: SAMPLES, out: sink().out });
  expect(first).toMatchObject({ failed: 0, deleted: 0 });
  expect(first.added).toBeGreaterThan(15);
  expect((await runIngest({ config, logger, dir: SAMPLES, out: sink().out })).unchanged).toBe(
    first.added,
  );

  const app = await createApp(config, logger);
  const answer = await collectAnswer(app.assistant, {
    question: 'Jak wyglądała współpraca Chorzowa z prowincją Liaoning?',
  });
  expect(answer.kind).toBe('extractive');
  expect(answer.text).toContain('Liaoning');
  expect(answer.citations[0]).toMatchObject({ reference: 'WEN.9823.2020.RFZ', date: '2020-03-02' });

  const rebuildOut = sink();
  const rebuilt = await runIngest({
    config,
    logger,
    dir: SAMPLES,
    full: true,
    out: rebuildOut.out,
  });
  expect(rebuilt).toMatchObject({ added: first.added, failed: 0 });
  expect(rebuildOut.text()).toMatch(/alias archiwum → archiwum_\S+ \(dropped archiwum_\S+\)/);
  // The running app reads through the alias, so it answers from the new collection.
  expect(
    (await collectAnswer(app.assistant, { question: 'prowincja Liaoning Yingkou' })).citations[0]
      ?.reference,
  ).toBe('WEN.9823.2020.RFZ');
  expect(await app.status()).toMatchObject({ backend: 'qdrant', letters: first.added });

  const snapOut = sink();
  await runSnapshot({ config, logger, out: snapOut.out });
  expect(snapOut.text()).toMatch(/qdrant snapshot: archiwum_\S+\//);
  expect(snapOut.text()).toContain('state.sqlite');
  await app.close();
  expect(qdrant.violations).toEqual([]);
}, 60_000);
