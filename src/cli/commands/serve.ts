/**
 * `kancelaria serve` (= `npm start`): one HTTP server for health checks and
 * every enabled channel. A channel without credentials is off, and the log
 * says so at start.
 */
import { createApp } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { startServer, type HttpRoute } from '../../server.js';

export async function runServe({ config, logger }: { config: Config; logger: Logger }): Promise<void> {
  const app = await createApp(config, logger);
  const routes: HttpRoute[] = [];
  // TODO(#5, #8): Slack and Teams channels mount their routes here.
  if (!config.slackEnabled) logger.info('Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)');
  const server = await startServer({
    port: config.PORT,
    routes,
    logger,
    health: async () => {
      const stats = await app.index.stats();
      return { backend: stats.backend, letters: stats.letters, passages: stats.passages, lastSync: stats.lastSync, llm: config.hasLlm };
    },
  });
  logger.info({ url: server.url }, 'kancelaria listening');
  const shutdown = async () => {
    logger.info('shutting down');
    await server.close();
    await app.close();
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
