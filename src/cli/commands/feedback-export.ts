/** `kancelaria feedback export [--format csv|json]`: the stored thumbs up/down, for review. */
import { createApp } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

export async function runFeedbackExport({
  config,
  logger,
  format,
  out,
}: {
  config: Config;
  logger: Logger;
  format: 'csv' | 'json';
  out: NodeJS.WritableStream;
}): Promise<void> {
  const app = await createApp(config, logger);
  try {
    out.write(app.exportFeedback(format));
  } finally {
    await app.close();
  }
}
