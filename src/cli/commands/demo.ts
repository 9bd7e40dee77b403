/**
 * `npm run demo`: the first user story on a fresh clone. Ingests the sample
 * archive and answers the councillor's question about Liaoning.
 *
 * The demo builds its own index in a fresh temporary folder, embedded
 * (SQLite), and removes it afterwards: it never touches the configured
 * DATA_DIR or Qdrant collection, which used to be replaced by the samples.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { runAsk } from './ask.js';
import { runIngest } from './ingest.js';

/** The seed question of the project. */
export const DEMO_QUESTION = 'Jak wyglądała współpraca Chorzowa z prowincją Liaoning?';

/** The sample archive shipped in the repository. */
export const SAMPLES_DIR = path.join(PACKAGE_ROOT, 'samples/letters');

export async function runDemo({
  config,
  logger,
  out,
}: {
  config: Config;
  logger: Logger;
  out: NodeJS.WriteStream;
}): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-demo-'));
  const demoConfig: Config = {
    ...config,
    DATA_DIR: dataDir,
    dataDir,
    INDEX_BACKEND: 'sqlite',
    archiveDir: SAMPLES_DIR,
    ARCHIVE_DIR: SAMPLES_DIR,
  };
  try {
    out.write(`Archiwum: ${SAMPLES_DIR}\n`);
    await runIngest({ config: demoConfig, logger, dir: SAMPLES_DIR, out });
    out.write(`\nPytanie: ${DEMO_QUESTION}\n\n`);
    await runAsk({ config: demoConfig, logger, question: DEMO_QUESTION, out });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
