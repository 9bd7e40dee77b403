/**
 * The composition root: the only place that turns configuration into real
 * objects (index, state store, assistant, logger). CLI commands and the
 * server get everything from here; tests build their own pieces directly.
 */
import path from 'node:path';
import { createLlmClient, type LlmClient } from './answer/llm-client.js';
import { openQdrantIndex } from './archive/open-qdrant-index.js';
import { SqliteIndex } from './archive/sqlite-index.js';
import type { ArchiveIndex } from './archive/types.js';
import { createAssistant } from './assistant/create-assistant.js';
import { withRateLimit } from './assistant/rate-limit.js';
import { StateStore } from './assistant/state-store.js';
import type { ArchiveStatus, Assistant } from './assistant/types.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createHybridIndex } from './retrieval/hybrid-index.js';
import type { Embedder } from './archive/embedder.js';
import { createOpenAiEmbedder } from './retrieval/openai-embedder.js';
import { createOcrPool } from '../ingest/extract/ocr-pool.js';
import { formatSyncSummary, syncArchive } from '../ingest/sync-archive.js';


/** Per-file ingest limits from configuration. */
export function ingestLimits(config: Config): { maxBytes: number; maxPages: number; fileTimeoutMs: number } {
  return { maxBytes: config.INGEST_MAX_FILE_MB * 1024 * 1024, maxPages: config.INGEST_MAX_PAGES, fileTimeoutMs: config.INGEST_FILE_TIMEOUT_S * 1000 };
}

/** The LLM client the configuration describes (call only when `config.hasLlm`). */
export function createLlmFromConfig(config: Config): LlmClient {
  return createLlmClient({
    model: config.OPENAI_MODEL ?? '',
    ...(config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {}),
    ...(config.OPENAI_BASE_URL ? { baseUrl: config.OPENAI_BASE_URL } : {}),
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
  });
}

/** The embeddings client the configuration describes, or null without EMBEDDINGS_MODEL. */
export function createEmbedderFromConfig(config: Config): Embedder | null {
  if (!config.EMBEDDINGS_MODEL) return null;
  return createOpenAiEmbedder({
    model: config.EMBEDDINGS_MODEL,
    ...(config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {}),
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    ...(config.EMBEDDINGS_DIMENSIONS ? { dimensions: config.EMBEDDINGS_DIMENSIONS } : {}),
    timeoutMs: config.OPENAI_TIMEOUT_MS,
  });
}

/**
 * Opens the archive index the configuration names. With EMBEDDINGS_MODEL set,
 * search is hybrid (lexical + dense, fused by RRF) and passages are embedded
 * as they are indexed: SQLite through the hybrid wrapper, Qdrant natively
 * (a dense prefetch beside the sparse one, fused in the engine).
 */
export async function openIndex(config: Config, logger: Logger): Promise<ArchiveIndex> {
  const embedder = createEmbedderFromConfig(config);
  switch (config.INDEX_BACKEND) {
    case 'sqlite': {
      const index = new SqliteIndex({ path: path.join(config.dataDir, 'index.sqlite') });
      return embedder ? createHybridIndex({ index, embedder, logger }) : index;
    }
    case 'qdrant':
      // The collection's dense vector size is fixed at creation: learn it from one call when not configured.
      if (embedder && embedder.dimensions === 0) await embedder.embed(['wymiar wektora']);
      return openQdrantIndex({ config, ...(embedder ? { embedder } : {}), logger });
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
  /** The LLM client when one is configured (shared by answers and reply drafts). */
  readonly llm: LlmClient | undefined;
  /** Index facts for status commands and health checks. */
  status(): Promise<ArchiveStatus>;
  /**
   * Incremental sync of ARCHIVE_DIR while the bot keeps answering (each letter
   * is replaced atomically). Resolves to the summary line.
   */
  reindex(onProgress?: (line: string) => void): Promise<string>;
  close(): Promise<void>;
}

/** Builds the bot's parts from configuration. */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  const index = await openIndex(config, logger);
  const store = new StateStore({ path: path.join(config.dataDir, 'state.sqlite') });
  const llm = config.hasLlm ? createLlmFromConfig(config) : undefined;
  const core = createAssistant({
    index,
    logger,
    passages: config.ANSWER_PASSAGES,
    ...(config.ANSWER_MIN_SCORE !== undefined ? { minAnswerability: config.ANSWER_MIN_SCORE } : {}),
    ...(llm ? { llm } : {}),
  });
  const assistant = withRateLimit(core, { perMinute: config.RATE_LIMIT_PER_MINUTE });
  let running: Promise<string> | null = null;
  return {
    config,
    logger,
    index,
    store,
    assistant,
    llm,
    async status() {
      const { backend, letters, passages, lastSync } = await index.stats();
      return { backend, letters, passages, lastSync, llmModel: config.hasLlm ? (config.OPENAI_MODEL ?? null) : null };
    },
    reindex(onProgress) {
      // Two admins asking at once share one run instead of racing.
      if (running) return running;
      const ocr = config.OCR_ENABLED ? createOcrPool({ workers: config.OCR_WORKERS }) : null;
      running = syncArchive({
        index,
        archiveDir: config.archiveDir,
        ...ingestLimits(config),
        ...(ocr ? { ocr } : {}),
        logger,
        onProgress: ({ done, total }) => {
          if (done === total || done % 100 === 0) onProgress?.(`${done}/${total}`);
        },
      })
        .then((summary) => {
          logger.info({ summary: { ...summary, failures: summary.failures.length } }, 'reindex finished');
          return formatSyncSummary(summary);
        })
        .finally(async () => {
          running = null;
          await ocr?.close();
        });
      return running;
    },
    async close() {
      store.close();
      await index.close();
    },
  };
}
