/** `kancelaria ask "QUESTION" [--json]`: one answer from the index, printed. */
import { createApp, describeIndexLocation } from '../../app.js';
import { collectAnswer } from '../../assistant/create-assistant.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { answerToJson, answerToText } from '../format-answer.js';

export interface AskCommandOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly question: string;
  readonly json?: boolean;
  readonly out: NodeJS.WritableStream;
}

export async function runAsk({
  config,
  logger,
  question,
  json = false,
  out,
}: AskCommandOptions): Promise<void> {
  const app = await createApp(config, logger);
  try {
    // Every question would be refused with exit 0: a wrong DATA_DIR looked like an archive without answers.
    if ((await app.status()).letters === 0) {
      throw new Error(
        `the index (${describeIndexLocation(config)}) is empty: run \`kancelaria ingest DIR\` first (or check DATA_DIR)`,
      );
    }
    const answer = await collectAnswer(app.assistant, {
      question,
      user: { id: 'cli:local' },
      audience: 'asker',
    });
    out.write(json ? `${JSON.stringify(answerToJson(answer))}\n` : `${answerToText(answer)}\n`);
  } finally {
    await app.close();
  }
}
