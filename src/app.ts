/**
 * The composition root: the only place that turns configuration into real
 * objects (index, state store, LLM, assistant). CLI commands and the server
 * get everything from here and only parse arguments and print; tests build
 * their own pieces directly, or call these methods in-process.
 *
 * The index is opened on first use, so `feedback export` and `snapshot` work
 * while Qdrant is down, and `ingest --full` on Qdrant never creates the
 * collection its alias is about to name.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLlmClient, type LlmClient } from './answer/llm-client.js';
import { trackLlmHealth } from './answer/track-llm-health.js';
import { openSqliteIndex } from './archive/open-sqlite-index.js';
import type { ArchiveIndex } from './archive/types.js';
import { createAssistant } from './assistant/create-assistant.js';
import type { AnswerPool, AnswerPoolLoad } from './assistant/answer-pool.js';
import { createRateLimiter, withRateLimit } from './assistant/rate-limit.js';
import { createArchiveReader, type ArchiveReader } from './assistant/read-archive.js';
import { createAdminCommands, type AdminCommands } from './assistant/admin-commands.js';
import { exportFeedback } from './assistant/export-feedback.js';
import { StateStore } from './assistant/state-store.js';
import type { ArchiveStatus, Assistant } from './assistant/types.js';
import { createLetterReader, type LetterReader } from './assistant/read-letter.js';
import { createLetterLinks } from './assistant/sign-letter-links.js';
import { withViewerLinks } from './assistant/add-viewer-links.js';
import { officeSettings, type Config } from './config.js';
import type { Logger } from './logger.js';
import { createHybridIndex } from './retrieval/hybrid-index.js';
import type { Embedder } from './archive/embedder.js';
import { createOpenAiEmbedder } from './retrieval/openai-embedder.js';
import { createOcrPool } from '../ingest/extract/ocr-pool.js';
import {
  acquireIngestLock,
  IngestLockedError,
  type LockHolder,
} from '../ingest/acquire-ingest-lock.js';
import {
  DeletionGuardError,
  formatSyncSummary,
  syncArchive,
  type SyncProgress,
  type SyncSummary,
} from '../ingest/sync-archive.js';
import { REINDEX_TEXT, USER_MESSAGES_PL } from './messages.js';
import { toBotError } from './errors.js';

/** Per-file ingest limits from configuration. */
export function ingestLimits(config: Config): {
  maxBytes: number;
  maxPages: number;
  maxChars: number;
  fileTimeoutMs: number;
  fileMemoryMb: number;
  maxDeleteShare: number;
} {
  return {
    maxBytes: config.INGEST_MAX_FILE_MB * 1024 * 1024,
    maxPages: config.INGEST_MAX_PAGES,
    maxChars: config.INGEST_MAX_TEXT_CHARS,
    fileTimeoutMs: config.INGEST_FILE_TIMEOUT_S * 1000,
    fileMemoryMb: config.INGEST_FILE_MEMORY_MB,
    maxDeleteShare: config.INGEST_MAX_DELETE_SHARE,
  };
}

/** Where the configured index lives, for messages (`index.sqlite` path or Qdrant collection). */
export function describeIndexLocation(config: Config): string {
  return config.INDEX_BACKEND === 'sqlite'
    ? path.join(config.dataDir, 'index.sqlite')
    : `Qdrant collection ${config.QDRANT_COLLECTION} at ${config.QDRANT_URL ?? '?'}`;
}

/** `ingest` without a folder while ARCHIVE_DIR is unset: never a default folder, which could delete the real index. */
export class NoArchiveDirError extends Error {
  constructor() {
    super('no archive folder: give one (kancelaria ingest DIR) or set ARCHIVE_DIR');
    this.name = 'NoArchiveDirError';
  }
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
    case 'qdrant': {
      // The collection's dense vector size is fixed at creation: learn it from one call when not configured.
      if (embedder && embedder.dimensions === 0) await embedder.embed(['wymiar wektora']);
      // The Qdrant client is imported only for this backend: the embedded default never loads it.
      const { openQdrantIndex } = await import('./archive/open-qdrant-index.js');
      return openQdrantIndex({ config, ...(embedder ? { embedder } : {}), logger });
    }
    default: {
      const never: never = config.INDEX_BACKEND;
      throw new Error(`unknown backend ${String(never)}`);
    }
  }
}

export interface IngestOptions {
  /** Folder to sync; ARCHIVE_DIR by default. */
  readonly dir?: string;
  /** Re-index every letter (Qdrant: into a new collection, then switch the alias). */
  readonly full?: boolean;
  readonly onProgress?: SyncProgress;
  /** Print-only plan: read and compare, write nothing. */
  readonly dryRun?: boolean;
  /** Allow deleting more than INGEST_MAX_DELETE_SHARE of the index. */
  readonly allowDeletions?: boolean;
  /** Wait for another writer's lock instead of failing with `IngestLockedError`. */
  readonly wait?: boolean;
  /** Called once when `wait` starts waiting. */
  readonly onWait?: (holder: LockHolder) => void;
  /** Hash every file even when its size and mtime match the cache (`ingest --verify`). */
  readonly verify?: boolean;
}

export interface IngestResult {
  /** The dead holder whose stale lock was taken over. */
  readonly tookOverFrom: LockHolder | null;
  readonly summary: SyncSummary;
  /** Qdrant `--full`: the collection the alias now names, and the one dropped. */
  readonly alias: {
    readonly name: string;
    readonly collection: string;
    readonly previous: string | null;
  } | null;
}

export interface SnapshotResult {
  /** Folder under DATA_DIR/snapshots with the copied SQLite files. */
  readonly target: string;
  readonly qdrant: {
    readonly collection: string;
    readonly name: string;
    readonly sizeBytes: number;
  } | null;
  readonly copied: readonly { readonly file: string; readonly to: string }[];
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: StateStore;
  /** Answers and drafts, rate-limited per user, drafts audited in `store`; citations carry viewer links when PUBLIC_BASE_URL is set. */
  readonly assistant: Assistant;
  /** Letters and their original files, for the letter viewer. */
  readonly letters: LetterReader;
  /** Search and letters by id with the answers' access rules, rate limit (one budget with answers) and audit. */
  readonly reader: ArchiveReader;
  /** The index, opened on first call (later calls share it). */
  openIndex(): Promise<ArchiveIndex>;
  /** Index facts for status commands and health checks. */
  status(): Promise<ArchiveStatus>;
  /** `status`/`reindex` for admins of every channel: one audit, one reindex at a time across channels. */
  readonly admin: AdminCommands;
  /** Syncs an archive folder into the index (`kancelaria ingest`). */
  ingest(options?: IngestOptions): Promise<IngestResult>;
  /**
   * Incremental sync of ARCHIVE_DIR while the bot keeps answering (each letter
   * is replaced atomically), for admin commands (`admin` guards it). Resolves
   * to the summary line.
   */
  reindex(onProgress?: (line: string) => void): Promise<string>;
  /**
   * A backup of everything the bot knows: a Qdrant collection snapshot (on
   * Qdrant's side) and SQLite online backups of the files in DATA_DIR, safe
   * while the bot runs (WAL).
   */
  snapshot(options?: { now?: () => Date }): Promise<SnapshotResult>;
  /** The stored thumbs up/down as CSV or JSON. */
  exportFeedback(format: 'csv' | 'json'): string;
  /** Why the LLM's last call failed (answers fell back to quotes), or null. */
  llmProblem(): string | null;
  /**
   * Builds the assistant now rather than at the first question, with its answer pool when
   * `isLongRunning`; resolves once the pool's workers have opened the index.
   */
  startAnswering(): Promise<void>;
  /** The answer pool's workers and queue, or null when answers run in-process. */
  answerLoad(): AnswerPoolLoad | null;
  /** Starts the LLM health probe (`serve` only: a CLI answer need not ping the model); returns its stop. */
  watchLlm(): () => void;
  close(): Promise<void>;
}

/** Runs `open` once; a failed open is retried on the next call rather than cached. */
function once<T>(open: () => Promise<T>): () => Promise<T> {
  let opened: Promise<T> | null = null;
  return () => {
    opened ??= open().catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };
}

/** A Qdrant snapshot; its modules are imported here so the embedded default never loads the Qdrant client. */
async function snapshotQdrant(config: Config) {
  const [{ createSnapshot }, { createQdrantClient }] = await Promise.all([
    import('./archive/qdrant-snapshot.js'),
    import('./archive/open-qdrant-index.js'),
  ]);
  return createSnapshot({
    client: createQdrantClient(config),
    collection: config.QDRANT_COLLECTION,
  });
}

export interface AppOptions {
  /**
   * A long-running process (`serve`): the CPU-bound part of answers runs on the worker pool
   * (ANSWER_WORKERS) on the SQLite index without embeddings: the whole answer without an LLM, the
   * retrieval and answerability with one (the LLM call waits on the network, in this thread).
   * One-shot commands answer in-process: starting workers would cost more than their one answer.
   */
  readonly isLongRunning?: boolean;
}

/**
 * Whether this configuration's answers use the answer pool (see `AppOptions.isLongRunning`): the
 * SQLite index without embeddings (a worker would need the embeddings client; Qdrant does the
 * search in its own process).
 */
export function usesAnswerPool(config: Config): boolean {
  return config.INDEX_BACKEND === 'sqlite' && !config.EMBEDDINGS_MODEL && config.ANSWER_WORKERS > 0;
}

/** Builds the bot's parts from configuration. */
export async function createApp(
  config: Config,
  logger: Logger,
  { isLongRunning = false }: AppOptions = {},
): Promise<App> {
  const store = new StateStore({ path: path.join(config.dataDir, 'state.sqlite') });
  const trackedLlm = config.hasLlm ? trackLlmHealth(createLlmFromConfig(config)) : null;
  const llm = trackedLlm?.client;
  let index: Promise<ArchiveIndex> | null = null;
  let pool: AnswerPool | null = null;
  const openAppIndex = once(() => (index = openIndex(config, logger)));
  // One budget per user for answers, drafts and archive reads.
  const limiter = createRateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE });
  const core = once(async () => {
    // Opened here first, read-write: it creates the tables (or resets an old format) the workers then read.
    const opened = await openAppIndex();
    if (isLongRunning && usesAnswerPool(config)) {
      // Imported here: one-shot commands (`ask`) never load the pool's modules.
      const { createAnswerPool } = await import('./assistant/answer-pool.js');
      pool = createAnswerPool({
        workers: config.ANSWER_WORKERS,
        queueMax: config.ANSWER_QUEUE_MAX,
        worker: {
          indexPath: path.join(config.dataDir, 'index.sqlite'),
          passages: config.ANSWER_PASSAGES,
          ...(config.ANSWER_MIN_SCORE !== undefined
            ? { minAnswerability: config.ANSWER_MIN_SCORE }
            : {}),
          logLevel: config.LOG_LEVEL,
        },
        logger,
      });
    }
    const inProcess = createAssistant({
      index: opened,
      logger,
      passages: config.ANSWER_PASSAGES,
      ...(config.ANSWER_MIN_SCORE !== undefined
        ? { minAnswerability: config.ANSWER_MIN_SCORE }
        : {}),
      ...(llm ? { llm } : {}),
      audit: (record) => store.audit(record),
      office: officeSettings(config),
      ...(pool && llm ? { gather: pool.gatherEvidence } : {}),
    });
    // Without an LLM the whole answer runs on a worker. Drafts stay in-process: they are rare, and
    // audited in this thread's state store.
    const answering: Assistant =
      pool && !llm ? { answer: pool.answer, draft: inProcess.draft } : inProcess;
    return withRateLimit(answering, { perMinute: config.RATE_LIMIT_PER_MINUTE, limiter });
  });
  const letterLinks =
    config.PUBLIC_BASE_URL && config.LINK_SIGNING_KEY
      ? createLetterLinks({
          key: config.LINK_SIGNING_KEY,
          baseUrl: config.PUBLIC_BASE_URL,
          ttlSeconds: config.LINK_TTL_S,
        })
      : null;
  const readerCore = once(async () =>
    createArchiveReader({
      index: await openAppIndex(),
      logger,
      limiter,
      audit: (record) => store.audit(record),
      // The same signed links as answers' citations, made for the MCP token's user.
      ...(letterLinks
        ? {
            linkPassage: ({ letter, page, quote, userId }) =>
              letterLinks.signUrl({ letterId: letter.id, page, quote, userId }),
          }
        : {}),
    }),
  );
  const reader: ArchiveReader = {
    search: async (request) => (await readerCore()).search(request),
    getLetter: async (request) => (await readerCore()).getLetter(request),
  };
  const unlinked: Assistant = {
    async *answer(request) {
      let opened: Assistant;
      try {
        opened = await core();
      } catch (error) {
        // The index could not be opened (Qdrant down): one sentence for the user, the details in the log.
        const { code } = toBotError(error);
        logger.error({ err: error }, 'answer failed: the index cannot be opened');
        yield { type: 'error', code, text: USER_MESSAGES_PL[code] };
        return;
      }
      yield* opened.answer(request);
    },
    async draft(request) {
      return (await core()).draft(request);
    },
  };
  const assistant = letterLinks ? withViewerLinks(unlinked, letterLinks) : unlinked;

  /**
   * @throws NoArchiveDirError without a folder and ARCHIVE_DIR; IngestLockedError when another writer holds the lock;
   *   DeletionGuardError when the sync would delete too much.
   */
  async function ingest({
    dir,
    full = false,
    onProgress,
    dryRun = false,
    allowDeletions = false,
    wait = false,
    onWait,
    verify = false,
  }: IngestOptions = {}): Promise<IngestResult> {
    const archiveDir = dir ? path.resolve(dir) : config.archiveDir;
    if (!archiveDir) throw new NoArchiveDirError();
    // One writer at a time, for `ingest` and the chat `reindex` alike; taken before the index is touched.
    const lock = await acquireIngestLock({
      dataDir: config.dataDir,
      wait,
      ...(onWait ? { onWait } : {}),
    });
    if (lock.tookOverFrom)
      logger.warn({ holder: lock.tookOverFrom }, 'took over a stale ingest lock');
    // Workers start only when a scanned page needs them.
    const ocr = config.OCR_ENABLED ? createOcrPool({ workers: config.OCR_WORKERS }) : null;
    const sync = (target: ArchiveIndex, isFull: boolean) =>
      syncArchive({
        index: target,
        archiveDir,
        full: isFull,
        dryRun,
        allowDeletions,
        hashCache: store.fileHashes(),
        verify,
        ...ingestLimits(config),
        ...(ocr ? { ocr } : {}),
        logger,
        ...(onProgress ? { onProgress } : {}),
      });
    const { tookOverFrom } = lock;
    try {
      if (full && !dryRun && config.INDEX_BACKEND === 'qdrant') {
        // Qdrant modules are imported only on this backend: the embedded default never loads the Qdrant client.
        const [{ beginRebuild }, { createQdrantClient }, { collectionSettingsFromConfig }] =
          await Promise.all([
            import('./archive/qdrant-rebuild.js'),
            import('./archive/open-qdrant-index.js'),
            import('./archive/qdrant-collection.js'),
          ]);
        const rebuild = await beginRebuild({
          client: createQdrantClient(config),
          alias: config.QDRANT_COLLECTION,
          settings: collectionSettingsFromConfig(config),
          logger,
        });
        try {
          const summary = await sync(rebuild.index, true);
          const switched = await rebuild.commit();
          keepLastSync(summary);
          return {
            tookOverFrom,
            summary,
            alias: {
              name: config.QDRANT_COLLECTION,
              collection: switched.collection,
              previous: switched.previous ?? null,
            },
          };
        } catch (error) {
          await rebuild.abort();
          throw error;
        }
      }
      const summary = await sync(await openAppIndex(), full);
      if (!dryRun) keepLastSync(summary);
      return { tookOverFrom, summary, alias: null };
    } finally {
      await ocr?.close();
      await lock.release();
    }
  }

  /** The admin page shows the last sync's failures after the process that ran it is gone. */
  function keepLastSync({ plan: _plan, ...summary }: SyncSummary): void {
    store.saveLastSync(summary);
  }

  async function status(): Promise<ArchiveStatus> {
    const { backend, letters, passages, lastSync } = await (await openAppIndex()).stats();
    return {
      backend,
      letters,
      passages,
      lastSync,
      llmModel: config.hasLlm ? (config.OPENAI_MODEL ?? null) : null,
    };
  }
  async function reindex(onProgress?: (line: string) => void): Promise<string> {
    try {
      const { summary } = await ingest({
        onProgress: ({ done, total }) => {
          if (done === total || done % 100 === 0) onProgress?.(`${done}/${total}`);
        },
      });
      logger.info(
        { summary: { ...summary, failures: summary.failures.length } },
        'reindex finished',
      );
      // Bad files by name, so the admin knows which ones to fix.
      const shown = summary.failures
        .slice(0, 10)
        .map((f) => `- ${f.file}: ${f.reason}: ${f.message}`);
      const more =
        summary.failures.length > shown.length
          ? [`… +${summary.failures.length - shown.length}`]
          : [];
      return [formatSyncSummary(summary), ...shown, ...more].join('\n');
    } catch (error) {
      // Refusals to sync are answers for the admin, not failures of the bot.
      if (error instanceof NoArchiveDirError) return REINDEX_TEXT.noArchiveDir;
      if (error instanceof IngestLockedError)
        return REINDEX_TEXT.locked(error.holder.pid, error.holder.startedAt);
      if (error instanceof DeletionGuardError)
        return REINDEX_TEXT.deletionGuard(error.deletions, error.indexed);
      throw error;
    }
  }
  return {
    config,
    logger,
    store,
    assistant,
    letters: createLetterReader({ index: openAppIndex, archiveDir: config.archiveDir }),
    reader,
    openIndex: openAppIndex,
    status,
    admin: createAdminCommands({ status, reindex, audit: (record) => store.audit(record) }),
    ingest,
    reindex,
    async snapshot({ now = () => new Date() } = {}) {
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const target = path.join(config.dataDir, 'snapshots', stamp);
      fs.mkdirSync(target, { recursive: true });
      const qdrant = config.INDEX_BACKEND === 'qdrant' ? await snapshotQdrant(config) : null;
      const copied: { file: string; to: string }[] = [];
      for (const file of ['index.sqlite', 'state.sqlite']) {
        const source = path.join(config.dataDir, file);
        if (!fs.existsSync(source)) continue;
        const db = new Database(source, { readonly: true });
        try {
          await db.backup(path.join(target, file));
        } finally {
          db.close();
        }
        copied.push({ file, to: path.join(target, file) });
      }
      return {
        target,
        qdrant: qdrant
          ? { collection: qdrant.collection, name: qdrant.name, sizeBytes: qdrant.sizeBytes }
          : null,
        copied,
      };
    },
    exportFeedback: (format) => exportFeedback(store, format),
    llmProblem: () => trackedLlm?.problem() ?? null,
    async startAnswering() {
      await core();
      await pool?.ready;
    },
    answerLoad: () => pool?.load() ?? null,
    watchLlm: () => trackedLlm?.watch(config.LLM_HEALTH_PROBE_S * 1000) ?? (() => undefined),
    async close() {
      await pool?.close();
      store.close();
      if (index) await (await index.catch(() => null))?.close();
    },
  };
}
