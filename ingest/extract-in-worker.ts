/**
 * Runs `buildLetters` (extraction, sentence splitting, chunking, metadata) in
 * a worker thread, one file at a time, so that a hostile file can be stopped
 * for real: a per-file timeout terminates the worker even inside a
 * synchronous loop, and a heap cap (`resourceLimits`) ends it before it eats
 * the host's memory. Either way the file is reported as bad input, a fresh
 * worker takes the next file, and the main thread (the bot during an admin
 * `reindex`) keeps answering throughout.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IngestError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import type { AttachmentFailure, BuildLettersResult, LetterInput } from './build-letter.js';
import type { ChunkOptions } from './chunk.js';
import type { PageRecognizer } from './extract/ocr-pool.js';
import type { ParentMessage, SerializedError, WorkerMessage } from './extraction-protocol.js';

export interface ExtractionWorkerOptions {
  readonly maxPages: number;
  /** Per file, OCR included; 0 or unset: no limit. */
  readonly fileTimeoutMs?: number;
  /** Heap cap of the worker (V8 old generation), in MB. */
  readonly memoryMb: number;
  readonly ocr?: PageRecognizer;
  readonly chunk?: ChunkOptions;
  readonly logger: Logger;
}

export interface ExtractionWorker {
  /**
   * Builds one file's letters in the worker.
   * @throws IngestError `timeout` or `memory_limit` when the worker had to be killed, or the extractor's own reason.
   * @throws Error for an unexpected failure (reported as `internal`).
   */
  build(input: LetterInput, bytes: Uint8Array, signal?: AbortSignal): Promise<BuildLettersResult>;
  close(): Promise<void>;
}

const ENTRY = new URL('./extraction-worker.ts', import.meta.url);
// The worker is a fresh thread: it registers tsx itself to load the TypeScript entry.
// Resolved through CommonJS (Jest's ESM mode has no import.meta.resolve), then its ESM twin.
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
const BOOTSTRAP = `
import(${JSON.stringify(TSX_API)})
  .then(({ register }) => { register(); return import(${JSON.stringify(ENTRY.href)}); })
`;

function deserializeError(error: SerializedError): Error {
  if (error.name === 'IngestError' && error.reason) return new IngestError(error.reason, error.message);
  const out = new Error(error.message);
  out.name = error.name;
  if (error.stack) out.stack = error.stack;
  return out;
}

/** Starts (lazily) the worker that builds letters; call `close()` when the sync ends. */
export function createExtractionWorker({ maxPages, fileTimeoutMs = 0, memoryMb, ocr, chunk, logger }: ExtractionWorkerOptions): ExtractionWorker {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let nextId = 0;
  let current: { id: number; resolve: (r: BuildLettersResult) => void; reject: (e: unknown) => void; ocrAbort: AbortController } | null = null;

  const spawn = (): Promise<void> => {
    const w = new Worker(BOOTSTRAP, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(memoryMb / 8))) },
      stdout: false,
      stderr: false,
    });
    worker = w;
    let exitReason: IngestError | Error | null = null;
    ready = new Promise<void>((resolve, reject) => {
      w.on('message', (message: WorkerMessage) => {
        switch (message.type) {
          case 'ready':
            resolve();
            return;
          case 'ocr': {
            const job = current;
            if (!ocr || !job) return;
            ocr
              .recognize(message.image, { signal: job.ocrAbort.signal })
              .then((result) => w.postMessage({ type: 'ocr-result', id: message.id, result } satisfies ParentMessage))
              .catch((error: unknown) => {
                const serialized: SerializedError =
                  error instanceof IngestError ? { name: 'IngestError', reason: error.reason, message: error.message } : { name: 'Error', message: error instanceof Error ? error.message : String(error) };
                // The worker may be gone already (killed on timeout).
                if (worker === w) w.postMessage({ type: 'ocr-result', id: message.id, error: serialized } satisfies ParentMessage);
              });
            return;
          }
          case 'done':
          case 'failed': {
            const job = current;
            if (!job || job.id !== message.id) return;
            current = null;
            if (message.type === 'failed') {
              job.reject(deserializeError(message.error));
              return;
            }
            const { result } = message;
            const attachmentFailures: AttachmentFailure[] = result.attachmentFailures.map((f) => ({ relativePath: f.relativePath, error: deserializeError(f.error) }));
            job.resolve({ ...result, attachmentFailures });
            return;
          }
          default: {
            const never: never = message;
            logger.warn({ message: never }, 'unknown message from the extraction worker');
          }
        }
      });
      w.on('error', (error: Error & { code?: string }) => {
        exitReason =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new IngestError('memory_limit', `extraction needed more than ${memoryMb} MB of memory (INGEST_FILE_MEMORY_MB): stopped`, { cause: error })
            : error;
        reject(error);
      });
      w.on('exit', (code) => {
        if (worker === w) {
          worker = null;
          ready = null;
        }
        const job = current;
        if (job) {
          current = null;
          job.ocrAbort.abort();
          job.reject(exitReason ?? new Error(`the extraction worker exited with code ${code}`));
        }
        reject(exitReason ?? new Error(`the extraction worker exited with code ${code} before it was ready`));
      });
    });
    return ready;
  };

  const kill = async (w: Worker, reason: IngestError): Promise<void> => {
    const job = current;
    current = null;
    worker = null;
    ready = null;
    job?.ocrAbort.abort();
    job?.reject(reason);
    await w.terminate();
  };

  return {
    async build(input, bytes, signal) {
      signal?.throwIfAborted();
      if (!worker || !ready) await spawn();
      else await ready;
      const w = worker!;
      const id = nextId++;
      return new Promise<BuildLettersResult>((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const onAbort = () => void kill(w, new IngestError('timeout', 'the sync was stopped'));
        const settle = <T>(fn: (value: T) => void) => (value: T) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          fn(value);
        };
        current = { id, resolve: settle(resolve), reject: settle(reject), ocrAbort: new AbortController() };
        if (fileTimeoutMs > 0) {
          timer = setTimeout(() => {
            const seconds = fileTimeoutMs >= 1000 ? `${Math.round(fileTimeoutMs / 1000)} s` : `${fileTimeoutMs} ms`;
            void kill(w, new IngestError('timeout', `stopped after ${seconds} (INGEST_FILE_TIMEOUT_S)`));
          }, fileTimeoutMs);
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        // A copy the worker owns: transferring it costs nothing and frees the reader's buffer sooner.
        const copy = new Uint8Array(bytes);
        w.postMessage({ type: 'build', id, input, bytes: copy, maxPages, ...(chunk ? { chunk } : {}), ocrConcurrency: ocr ? ocr.concurrency : null } satisfies ParentMessage, [copy.buffer]);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      ready = null;
      if (w) await w.terminate();
    },
  };
}
