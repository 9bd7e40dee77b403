/**
 * The composition root: the only place that turns configuration into real
 * objects (index, state store, assistant, logger). CLI commands and the
 * server get everything from here; tests build their own pieces directly.
 */
import path from 'node:path';
import { createLlmClient, type LlmClient } from './answer/llm-client.js';
import { openQdrantIndex } from './archive/open-qdrant-index.js';
import { openSqliteIndex } from './archive/open-sqlite-index.js';
import type { ArchiveIndex } from './archive/types.js';
import { createAssistant } from './assistant/create-assistant.js';
import { withRateLimit } from './assistant/rate-limit.js';
import { StateStore } from './assistant/state-store.js';
import type { ArchiveStatus, Assistant } from './assistant/types.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createHybridIndex } from './retrieval/hybrid-index.js';
import type { Embedder } from './retrieval/embedder.js';
import { createOpenAiEmbedder } from './retrieval/openai-embedder.js';
import { createOcrPool } from '../ingest/extract/ocr-pool.js';
import { acquireIngestLock, IngestLockedError } from '../ingest/acquire-ingest-lock.js';
import { DeletionGuardError, formatSyncSummary, syncArchive } from '../ingest/sync-archive.js';
import { REINDEX_TEXT } from './messages.js';


/** Per-file ingest limits from configuration. */
export function ingestLimits(config: Config): { maxBytes: number; maxPages: number; fileTimeoutMs: number; fileMemoryMb: number; maxDeleteShare: number } {
  return {
    maxBytes: config.INGEST_MAX_FILE_MB * 1024 * 1024,
    maxPages: config.INGEST_MAX_PAGES,
    fileTimeoutMs: config.INGEST_FILE_TIMEOUT_S * 1000,
    fileMemoryMb: config.INGEST_FILE_MEMORY_MB,
    maxDeleteShare: config.INGEST_MAX_DELETE_SHARE,
  };
}

/** Where the configured index lives, for messages (`index.sqlite` path or Qdrant collection). */
export function describeIndexLocation(config: Config): string {
  return config.INDEX_BACKEND === 'sqlite' ? path.join(config.dataDir, 'index.sqlite') : `Qdrant collection ${config.QDRANT_COLLECTION} at ${config.QDRANT_URL ?? '?'}`;
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
      const index = openSqliteIndex({ path: path.join(config.dataDir, 'index.sqlite') });
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
      const archiveDir = config.archiveDir;
      // Never a default folder: syncing the wrong one would delete the real index.
      if (!archiveDir) return Promise.resolve(REINDEX_TEXT.noArchiveDir);
      const ocr = config.OCR_ENABLED ? createOcrPool({ workers: config.OCR_WORKERS }) : null;
      const run = async (): Promise<string> => {
        // The same lock as `kancelaria ingest`: one writer at a time.
        const lock = await acquireIngestLock({ dataDir: config.dataDir });
        try {
          if (lock.tookOverFrom) logger.warn({ holder: lock.tookOverFrom }, 'took over a stale ingest lock');
          const summary = await syncArchive({
            index,
            archiveDir,
            ...ingestLimits(config),
            ...(ocr ? { ocr } : {}),
            logger,
            onProgress: ({ done, total }) => {
              if (done === total || done % 100 === 0) onProgress?.(`${done}/${total}`);
            },
          });
          logger.info({ summary: { ...summary, failures: summary.failures.length } }, 'reindex finished');
          // Bad files by name, so the admin knows which ones to fix.
          const shown = summary.failures.slice(0, 10).map((f) => `- ${f.file}: ${f.reason}: ${f.message}`);
          const more = summary.failures.length > shown.length ? [`… +${summary.failures.length - shown.length}`] : [];
          return [formatSyncSummary(summary), ...shown, ...more].join('\n');
        } finally {
          await lock.release();
        }
      };
      running = run()
        .catch((error: unknown) => {
          if (error instanceof IngestLockedError) return REINDEX_TEXT.locked(error.holder.pid, error.holder.startedAt);
          if (error instanceof DeletionGuardError) return REINDEX_TEXT.deletionGuard(error.deletions, error.indexed);
          throw error;
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
