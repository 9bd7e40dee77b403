/**
 * `kancelaria snapshot`: a backup of everything the bot knows (see
 * `App.snapshot`): with Qdrant, the name of the collection snapshot Qdrant
 * wrote on its side; then each SQLite file copied from DATA_DIR.
 */
import { createApp } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

export async function runSnapshot({
  config,
  logger,
  out,
  now,
}: {
  config: Config;
  logger: Logger;
  out: NodeJS.WritableStream;
  now?: () => Date;
}): Promise<string> {
  const app = await createApp(config, logger);
  try {
    const { target, qdrant, copied } = await app.snapshot(now ? { now } : {});
    if (qdrant)
      out.write(
        `qdrant snapshot: ${qdrant.collection}/${qdrant.name} (${qdrant.sizeBytes} bytes)\n`,
      );
    for (const { file, to } of copied) out.write(`copied ${file} → ${to}\n`);
    return target;
  } finally {
    await app.close();
  }
}
