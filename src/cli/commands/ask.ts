/** `kancelaria ask "QUESTION" [--json]`: one answer from the index, printed. */
import { createApp } from '../../app.js';
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

export async function runAsk({ config, logger, question, json = false, out }: AskCommandOptions): Promise<void> {
  const app = await createApp(config, logger);
  try {
    const answer = await collectAnswer(app.assistant, { question, user: { id: 'cli:local' }, audience: 'asker' });
    out.write(json ? `${JSON.stringify(answerToJson(answer))}\n` : `${answerToText(answer)}\n`);
  } finally {
    await app.close();
  }
}
