/**
 * `npm run demo`: the first user story on a fresh clone. Ingests the sample
 * archive into DATA_DIR and answers the councillor's question about Liaoning.
 */
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

export async function runDemo({ config, logger, out }: { config: Config; logger: Logger; out: NodeJS.WriteStream }): Promise<void> {
  out.write(`Archiwum: ${SAMPLES_DIR}\n`);
  await runIngest({ config, logger, dir: SAMPLES_DIR, out });
  out.write(`\nPytanie: ${DEMO_QUESTION}\n\n`);
  await runAsk({ config, logger, question: DEMO_QUESTION, out });
}
