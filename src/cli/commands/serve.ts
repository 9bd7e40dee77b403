/**
 * `kancelaria serve` (= `npm start`): one HTTP server for health checks and
 * every enabled channel (`src/channels/channel-registry.ts`). A channel
 * without credentials is off, and the log says so at start.
 */
import v8 from 'node:v8';
import { createApp, describeIndexLocation } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { CHANNELS, createChannelAdapters } from '../../channels/channel-registry.js';
import { startServer } from '../../server.js';
import { keepOpeningIndex } from '../../keep-opening-index.js';

/**
 * How far V8 lets each thread's heap grow past what its last full collection kept (V8 picks
 * 1.1–4×). Answers make short-lived garbage: at 10× with two answer workers a heap kept 17 MB live
 * and had grown to 71 MB. At 1.2× the serving process peaked at 207–220 MB instead of 252–269 MB
 * over 150 questions, 8 in flight, for the same CPU time within 3% (docs/performance.md).
 */
const HEAP_GROWING_PERCENT = 20;

/** How long `/healthz` waits for the index's figures before it calls the index degraded (a dead Qdrant is retried for seconds). */
const HEALTH_INDEX_TIMEOUT_MS = 2000;

function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export async function runServe({
  config,
  logger,
}: {
  config: Config;
  logger: Logger;
}): Promise<void> {
  // Process-wide, before the answer workers' heaps exist; read by V8 at every full collection.
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const app = await createApp(config, logger, { isLongRunning: true });
  const isQdrant = config.INDEX_BACKEND === 'qdrant';
  // A broken SQLite file fails the start, where the operator looks (it will not heal by itself);
  // Qdrant is a service that may come back, so the server starts without it and keeps trying.
  if (!isQdrant) {
    await app.openIndex();
    // The answer workers load the dictionary and open the index before the first question, not during it.
    await app.startAnswering();
  }
  const opener = keepOpeningIndex({ open: () => app.openIndex(), logger });
  await opener.firstAttempt;
  if (opener.problem() === null && (await app.status()).letters === 0)
    logger.warn(
      { index: describeIndexLocation(config) },
      'the index is empty: every question will be refused until `kancelaria ingest` runs',
    );
  const indexName = isQdrant ? 'qdrant' : 'index';
  const indexStatus = async (): Promise<{
    status: Awaited<ReturnType<typeof app.status>> | null;
    problem: string | null;
  }> => {
    const opening = opener.problem();
    if (opening !== null) return { status: null, problem: opening };
    try {
      return {
        status: await withinMs(
          app.status(),
          HEALTH_INDEX_TIMEOUT_MS,
          describeIndexLocation(config),
        ),
        problem: null,
      };
    } catch (error) {
      return { status: null, problem: error instanceof Error ? error.message : String(error) };
    }
  };
  const adapters = await createChannelAdapters(app);
  const server = await startServer({
    port: config.PORT,
    host: config.HOST,
    routes: adapters.flatMap((adapter) => adapter.routes),
    logger,
    health: async () => {
      const index = await indexStatus();
      // An empty index answers nothing, an unreachable Slack, Qdrant or LLM serves no one well: monitoring must see each, not `ok`.
      const degraded: Record<string, string> = Object.fromEntries(
        adapters.flatMap((adapter) => {
          const health = adapter.health?.() ?? null;
          return health && health.status !== 'ok'
            ? [[adapter.name, health.reason ?? 'connecting']]
            : [];
        }),
      );
      if (index.problem !== null) degraded[indexName] = index.problem;
      const llmProblem = app.llmProblem();
      if (llmProblem !== null) degraded.llm = llmProblem;
      const isDegraded = Object.keys(degraded).length > 0;
      const figures = index.status
        ? (({ llmModel: _model, ...rest }) => rest)(index.status)
        : { backend: config.INDEX_BACKEND };
      const answers = app.answerLoad();
      return {
        ...figures,
        llm: config.hasLlm,
        ...(answers ? { answers } : {}),
        ...(isDegraded ? { status: 'degraded', degraded } : {}),
        ...(index.status?.letters === 0 ? { status: 'empty' } : {}),
      };
    },
  });
  const shown = Object.fromEntries(
    CHANNELS.map(({ name }) => [name, adapters.find((a) => a.name === name)?.describe() ?? 'off']),
  );
  logger.info({ url: server.url, ...shown }, 'kancelaria listening');
  // Listening first: an adapter whose service is down (Slack) retries in the background and shows on /healthz.
  for (const adapter of adapters) await adapter.start();
  const stopLlmWatch = app.watchLlm();
  const shutdown = async () => {
    logger.info('shutting down');
    // No new requests first, then each channel finishes what it is writing.
    opener.stop();
    stopLlmWatch();
    await server.close();
    for (const adapter of adapters) await adapter.stop();
    await app.close();
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
