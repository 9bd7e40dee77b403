/**
 * `kancelaria serve` (= `npm start`): one HTTP server for health checks and
 * every enabled channel (`src/channels/channel-registry.ts`). A channel
 * without credentials is off, and the log says so at start.
 */
import { createApp, describeIndexLocation } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { createChannelAdapters } from '../../channels/channel-registry.js';
import { startServer } from '../../server.js';

export async function runServe({ config, logger }: { config: Config; logger: Logger }): Promise<void> {
  const app = await createApp(config, logger);
  // Opened now, not on the first question: a broken index fails the start, where the operator looks.
  await app.openIndex();
  if ((await app.status()).letters === 0) logger.warn({ index: describeIndexLocation(config) }, 'the index is empty: every question will be refused until `kancelaria ingest` runs');
  const adapters = createChannelAdapters(app);
  const server = await startServer({
    port: config.PORT,
    host: config.HOST,
    routes: adapters.flatMap((adapter) => adapter.routes),
    logger,
    health: async () => {
      const { llmModel, ...status } = await app.status();
      // An empty index answers nothing, an unreachable Slack reaches no one: monitoring must see both, not `ok`.
      const degraded = Object.fromEntries(
        adapters.flatMap((adapter) => {
          const health = 'health' in adapter && typeof adapter.health === 'function' ? (adapter.health as () => { status: string; reason?: string })() : null;
          return health && health.status !== 'ok' ? [[adapter.name, health.reason ?? 'connecting']] : [];
        }),
      );
      const isDegraded = Object.keys(degraded).length > 0;
      return { ...status, llm: llmModel !== null, ...(isDegraded ? { status: 'degraded', degraded } : {}), ...(status.letters === 0 ? { status: 'empty' } : {}) };
    },
  });
  const shown = Object.fromEntries(['slack', 'teams', 'web'].map((name) => [name, adapters.find((a) => a.name === name)?.describe() ?? 'off']));
  logger.info({ url: server.url, ...shown }, 'kancelaria listening');
  // Listening first: an adapter whose service is down (Slack) retries in the background and shows on /healthz.
  for (const adapter of adapters) await adapter.start();
  const shutdown = async () => {
    logger.info('shutting down');
    // No new requests first, then each channel finishes what it is writing.
    await server.close();
    for (const adapter of adapters) await adapter.stop();
    await app.close();
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
