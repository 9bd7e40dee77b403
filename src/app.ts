/**
 * The composition root: the only place that turns configuration into real
 * objects (index, state store, assistant, logger). CLI commands and the
 * server get everything from here; tests build their own pieces directly.
 */
import path from 'node:path';
import { SqliteIndex } from './archive/sqlite-index.js';
import type { ArchiveIndex } from './archive/types.js';
import { createAssistant } from './assistant/create-assistant.js';
import { StateStore } from './assistant/state-store.js';
import type { Assistant } from './assistant/types.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createHybridIndex } from './retrieval/hybrid-index.js';
import { createOpenAiEmbedder } from './retrieval/openai-embedder.js';

/**
 * Opens the archive index the configuration names; with EMBEDDINGS_MODEL set
 * and a backend that stores vectors, wrapped for hybrid (lexical + dense, RRF)
 * search, and passages are embedded as they are indexed.
 */
export async function openIndex(config: Config, logger: Logger): Promise<ArchiveIndex> {
  const index = await openBackend(config);
  if (!config.EMBEDDINGS_MODEL || !index.searchByVector) return index;
  const embedder = createOpenAiEmbedder({
    model: config.EMBEDDINGS_MODEL,
    ...(config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {}),
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    ...(config.EMBEDDINGS_DIMENSIONS ? { dimensions: config.EMBEDDINGS_DIMENSIONS } : {}),
    timeoutMs: config.OPENAI_TIMEOUT_MS,
  });
  return createHybridIndex({ index, embedder, logger });
}

async function openBackend(config: Config): Promise<ArchiveIndex> {
  switch (config.INDEX_BACKEND) {
    case 'sqlite':
      return new SqliteIndex({ path: path.join(config.dataDir, 'index.sqlite') });
    case 'qdrant':
      // TODO(#6): QdrantIndex lands with the Qdrant backend issue.
      throw new Error('INDEX_BACKEND=qdrant is not available yet');
    default: {
      const never: never = config.INDEX_BACKEND;
      throw new Error(`unknown backend ${String(never)}`);
    }
  }
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly index: ArchiveIndex;
  readonly store: StateStore;
  readonly assistant: Assistant;
  close(): Promise<void>;
}

/** Builds the bot's parts from configuration. */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  const index = await openIndex(config, logger);
  const store = new StateStore({ path: path.join(config.dataDir, 'state.sqlite') });
  const assistant = createAssistant({
    index,
    logger,
    passages: config.ANSWER_PASSAGES,
    ...(config.ANSWER_MIN_SCORE !== undefined ? { minCoverage: config.ANSWER_MIN_SCORE } : {}),
  });
  return {
    config,
    logger,
    index,
    store,
    assistant,
    async close() {
      store.close();
      await index.close();
    },
  };
}
