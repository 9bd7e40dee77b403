/**
 * Runs `buildLetters` (extraction, sentence splitting, chunking, metadata) in
 * a worker process, one file at a time, so that a hostile file can be stopped
 * for real: a per-file timeout kills the worker even inside a synchronous
 * loop, and a heap cap (`--max-old-space-size`) ends it before it eats the
 * host's memory. A child process, not a worker thread: a worker thread that
 * reaches its `resourceLimits` while V8 compiles code (a regex on a huge
 * text) aborts the whole process, the sync with it. Either way the file is reported as bad input, a fresh
 * worker takes the next file, and the main thread (the bot during an admin
 * `reindex`) keeps answering throughout.
 */
import { createRequire } from 'node:module';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IngestError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import type { Passage } from '../src/archive/types.js';
import type {
  AttachmentFailure,
  BuildLettersResult,
  BuiltLetter,
  LetterInput,
} from './build-letter.js';
import type { ChunkOptions } from './chunk.js';
import type { PageRecognizer } from './extract/ocr-pool.js';
import { DEFAULT_MAX_TEXT_CHARS } from './extract/types.js';
import type { ParentMessage, SerializedError, WorkerMessage } from './extraction-protocol.js';

export interface ExtractionWorkerOptions {
  readonly maxPages: number;
  readonly maxChars?: number;
  /** The worker reads each file itself, with this cap (INGEST_MAX_FILE_MB). */
  readonly maxBytes: number;
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
   * Builds one file's letters in the worker, which reads `input.absolutePath` itself: a 50 MB file
   * sent over IPC was serialised in this process and deserialised (and copied) in the worker,
   * several copies of it alive at once.
   * @throws IngestError `timeout` or `memory_limit` when the worker had to be killed, or the extractor's own reason.
   * @throws Error for an unexpected failure (reported as `internal`).
   */
  build(input: LetterInput, signal?: AbortSignal): Promise<BuildLettersResult>;
  close(): Promise<void>;
}

// Run from the build (`dist/`, what `npx kancelaria` uses) this module is JavaScript and so is its
// worker; run from the sources (tests, `bin/run-sources.js`) the worker is TypeScript.
const IS_COMPILED = import.meta.url.endsWith('.js');
const ENTRY = fileURLToPath(
  new URL(IS_COMPILED ? './extraction-worker.js' : './extraction-worker.ts', import.meta.url),
);
// A TypeScript worker is a fresh node: it loads tsx itself to run the entry.
// Resolved through CommonJS (Jest's ESM mode has no import.meta.resolve).
const loaderArgs = (): string[] =>
  IS_COMPILED
    ? []
    : [
        '--import',
        pathToFileURL(
          path.join(
            path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
            'dist/esm/index.mjs',
          ),
        ).href,
      ];

/** The worker could not start (e.g. the heap cap is too small to load the extractors): fatal to the sync, not one file's fault. */
export class ExtractionWorkerStartError extends Error {
  constructor(cause: unknown, memoryMb: number) {
    super(
      `the extraction worker could not start (INGEST_FILE_MEMORY_MB=${memoryMb}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'ExtractionWorkerStartError';
  }
}

function deserializeError(error: SerializedError): Error {
  if (error.name === 'IngestError' && error.reason)
    return new IngestError(error.reason, error.message);
  const out = new Error(error.message);
  out.name = error.name;
  if (error.stack) out.stack = error.stack;
  return out;
}

/** Starts (lazily) the worker that builds letters; call `close()` when the sync ends. */
export function createExtractionWorker({
  maxPages,
  maxChars = DEFAULT_MAX_TEXT_CHARS,
  maxBytes,
  fileTimeoutMs = 0,
  memoryMb,
  ocr,
  chunk,
  logger,
}: ExtractionWorkerOptions): ExtractionWorker {
  let worker: ChildProcess | null = null;
  let ready: Promise<void> | null = null;
  let nextId = 0;
  let current: {
    id: number;
    passages: Passage[];
    fields: (readonly string[])[];
    resolve: (r: BuildLettersResult) => void;
    reject: (e: unknown) => void;
    ocrAbort: AbortController;
  } | null = null;

  const spawn = (): Promise<void> => {
    const w = fork(ENTRY, [], {
      execArgv: [...loaderArgs(), `--max-old-space-size=${memoryMb}`, '--no-warnings'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    worker = w;
    let stderrTail = '';
    w.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    const send = (message: ParentMessage) => {
      if (worker === w && w.connected) w.send(message);
    };
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
              .recognize(new Uint8Array(message.image), { signal: job.ocrAbort.signal })
              .then((result) => send({ type: 'ocr-result', id: message.id, result }))
              .catch((error: unknown) => {
                const serialized: SerializedError =
                  error instanceof IngestError
                    ? { name: 'IngestError', reason: error.reason, message: error.message }
                    : {
                        name: 'Error',
                        message: error instanceof Error ? error.message : String(error),
                      };
                send({ type: 'ocr-result', id: message.id, error: serialized });
              });
            return;
          }
          case 'passages': {
            if (current && current.id === message.id) {
              for (const passage of message.passages) current.passages.push(passage);
              for (const fields of message.fields) current.fields.push(fields);
            }
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
            const attachmentFailures: AttachmentFailure[] = result.attachmentFailures.map((f) => ({
              relativePath: f.relativePath,
              error: deserializeError(f.error),
            }));
            // The passages came ahead in batches: main letter first, then each attachment.
            let taken = 0;
            const withPassages = (built: BuiltLetter, i: number): BuiltLetter => {
              const count = result.passageCounts[i] ?? 0;
              const passages = job.passages.slice(taken, taken + count);
              const fields = job.fields.slice(taken, taken + count);
              taken += count;
              const terms = result.terms[i];
              return {
                letter: built.letter,
                passages,
                ...(terms ? { terms: { ...terms, fields } } : {}),
              };
            };
            const main = withPassages(result.main, 0);
            const attachments = result.attachments.map((a, i) => withPassages(a, i + 1));
            job.resolve({
              main,
              attachmentIds: result.attachmentIds,
              attachments,
              attachmentFailures,
            });
            return;
          }
          default: {
            const never: never = message;
            logger.warn({ message: never }, 'unknown message from the extraction worker');
          }
        }
      });
      w.on('error', (error) => reject(error));
      w.on('exit', (code, signal) => {
        if (worker === w) {
          worker = null;
          ready = null;
        }
        // V8 prints "heap out of memory" and aborts when --max-old-space-size is reached.
        const isOutOfMemory =
          /heap out of memory|Reached heap limit/i.test(stderrTail) ||
          signal === 'SIGABRT' ||
          code === 134;
        const reason = isOutOfMemory
          ? new IngestError(
              'memory_limit',
              `extraction needed more than ${memoryMb} MB of memory (INGEST_FILE_MEMORY_MB): stopped`,
            )
          : new Error(
              `the extraction worker exited (${signal ?? `code ${code}`})${stderrTail ? `: ${stderrTail.trim().split('\n').slice(-3).join(' | ')}` : ''}`,
            );
        const job = current;
        if (job) {
          current = null;
          job.ocrAbort.abort();
          job.reject(reason);
        }
        reject(reason);
      });
    });
    ready.catch(() => undefined); // a start failure is reported by build()
    return ready;
  };

  const kill = (w: ChildProcess, reason: IngestError): void => {
    const job = current;
    current = null;
    worker = null;
    ready = null;
    job?.ocrAbort.abort();
    job?.reject(reason);
    w.kill('SIGKILL');
  };

  return {
    async build(input, signal) {
      signal?.throwIfAborted();
      try {
        if (!worker || !ready) await spawn();
        else await ready;
      } catch (error) {
        throw new ExtractionWorkerStartError(error, memoryMb);
      }
      const w = worker!;
      const id = nextId++;
      return new Promise<BuildLettersResult>((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const onAbort = () => kill(w, new IngestError('timeout', 'the sync was stopped'));
        const settle =
          <T>(fn: (value: T) => void) =>
          (value: T) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            fn(value);
          };
        current = {
          id,
          passages: [],
          fields: [],
          resolve: settle(resolve),
          reject: settle(reject),
          ocrAbort: new AbortController(),
        };
        if (fileTimeoutMs > 0) {
          timer = setTimeout(() => {
            const seconds =
              fileTimeoutMs >= 1000
                ? `${Math.round(fileTimeoutMs / 1000)} s`
                : `${fileTimeoutMs} ms`;
            kill(w, new IngestError('timeout', `stopped after ${seconds} (INGEST_FILE_TIMEOUT_S)`));
          }, fileTimeoutMs);
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        w.send({
          type: 'build',
          id,
          input,
          maxBytes,
          maxPages,
          maxChars,
          ...(chunk ? { chunk } : {}),
          ocrConcurrency: ocr ? ocr.concurrency : null,
        } satisfies ParentMessage);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      ready = null;
      if (!w || w.exitCode !== null || w.signalCode !== null) return;
      const exited = new Promise((resolve) => w.once('exit', resolve));
      w.kill('SIGKILL');
      await exited;
    },
  };
}
