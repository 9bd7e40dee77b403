/**
 * Answers questions on worker threads (`answer-worker.ts`), so a CPU-bound
 * answer (retrieval, answerability, the extractive answer on the embedded
 * SQLite index) runs on another core and the main thread's event loop stays
 * free for `/healthz`, Slack acks and Teams. Used by `serve` only: a one-shot
 * CLI command would pay a worker's start for a single answer.
 *
 * Hand-written rather than piscina: answers stream (`AnswerEvent`s, in order,
 * as each worker yields them) and a cancelled question is stopped by its
 * `AbortSignal` inside the worker, where piscina's abort terminates the
 * thread, whose replacement would reopen the index and reload the
 * dictionary before the next question.
 *
 * The queue is bounded: past `queueMax` waiting questions the asker gets the
 * `busy` sentence at once instead of an answer minutes later.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Evidence } from '../answer/assess-answerability.js';
import { polishDictionaryTable } from '../archive/stemmers/polish-dictionary.js';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { USER_MESSAGES_PL } from '../messages.js';
import type {
  AnswerWorkerData,
  EvidenceRequest,
  PoolMessage,
  PooledRequest,
  WorkerReply,
} from './answer-worker-protocol.js';
import type { AnswerEvent, AnswerRequest, Answerer } from './types.js';

export interface AnswerPoolOptions {
  /** Worker threads (each opens the index read-only and answers one question at a time). */
  readonly workers: number;
  /** Questions allowed to wait for a free worker; one more gets the `busy` error event. */
  readonly queueMax: number;
  /** What each worker opens and how it answers. */
  readonly worker: AnswerWorkerData;
  readonly logger: Logger;
}

/** Questions being answered and waiting, for `/healthz`. */
export interface AnswerPoolLoad {
  readonly workers: number;
  readonly running: number;
  readonly queued: number;
}

export interface AnswerPool extends Answerer {
  /** Resolves once every worker has opened the index (a question sent earlier waits in the worker). */
  readonly ready: Promise<void>;
  /**
   * The LLM path's CPU-bound part on a worker: retrieval and answerability (`gatherEvidence` over
   * the worker's read-only index); the caller calls the LLM.
   * @throws BotError `busy` when the queue is full; Error when the worker failed or stopped.
   */
  gatherEvidence(request: EvidenceRequest): Promise<Evidence>;
  load(): AnswerPoolLoad;
  /** Stops the workers; questions still waiting or running end with the `internal` error event. */
  close(): Promise<void>;
}

type Task =
  | { readonly type: 'answer'; readonly request: PooledRequest }
  | { readonly type: 'evidence'; readonly request: EvidenceRequest };

interface Job {
  readonly id: number;
  readonly task: Task;
  /** An answer's events, in order. */
  readonly events: AnswerEvent[];
  /** An evidence task's result, or why there is none. */
  evidence: Evidence | null;
  failure: string | null;
  wake: (() => void) | null;
  isDone: boolean;
  slot: Slot | null;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
}

// Run from the build (`dist/`) this module is JavaScript and so is the worker; run from the sources
// (tests, `bin/run-sources.js`) the worker is TypeScript and needs tsx's loader.
const IS_COMPILED = import.meta.url.endsWith('.js');

/**
 * A small young generation per worker: V8's default lets each thread's nursery grow to tens of MB
 * that a 50 ms answer never needs. 4 MB took about 44 MB off the serving process with two workers
 * at 10× (411 → 367 MB peak RSS) without a loss of throughput (bench/measure-answer-pool.ts).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

function startWorker(workerData: AnswerWorkerData): Worker {
  const entry = new URL(IS_COMPILED ? './answer-worker.js' : './answer-worker.ts', import.meta.url);
  if (IS_COMPILED) return new Worker(entry, { workerData, resourceLimits: WORKER_LIMITS });
  // `--import tsx` in a worker's execArgv registers the hooks too late for the entry itself (Node 20:
  // ERR_UNKNOWN_FILE_EXTENSION); registering them from a JavaScript bootstrap first works.
  // Resolved through CommonJS (Jest's ESM mode has no import.meta.resolve).
  const tsxApi = pathToFileURL(
    path.join(
      path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
      'dist/esm/api/index.mjs',
    ),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits: WORKER_LIMITS });
}

const internalError = (): AnswerEvent => ({
  type: 'error',
  code: 'internal',
  text: USER_MESSAGES_PL.internal,
});

/** Starts `workers` answer threads at once (each loads the dictionary and opens the index). */
export function createAnswerPool({
  workers,
  queueMax,
  worker: workerData,
  logger,
}: AnswerPoolOptions): AnswerPool {
  if (workers < 1) throw new Error('an answer pool needs at least one worker');
  // One copy of the dictionary table for the process: the main thread's (it has opened the index,
  // which loaded the dictionary), shared with every worker.
  const lemmaTable = workerData.lemmaTable ?? polishDictionaryTable();
  const sharedData: AnswerWorkerData = lemmaTable ? { ...workerData, lemmaTable } : workerData;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const readiness: Promise<void>[] = [];
  let nextId = 0;
  let isClosed = false;

  const notify = (job: Job) => {
    const wake = job.wake;
    job.wake = null;
    wake?.();
  };
  const finish = (job: Job) => {
    job.isDone = true;
    notify(job);
  };

  const spawn = (slot: Slot): Worker => {
    const worker = startWorker(sharedData);
    slot.worker = worker;
    readiness.push(
      new Promise<void>((resolve) => {
        worker.on('message', (reply: WorkerReply) => {
          const job = slot.job;
          switch (reply.type) {
            case 'ready':
              resolve();
              return;
            case 'event':
              if (job?.id !== reply.id) return;
              job.events.push(reply.event);
              notify(job);
              return;
            case 'evidence':
              if (job?.id === reply.id) job.evidence = reply.evidence;
              return;
            case 'failed':
              if (job?.id === reply.id) job.failure = reply.message;
              return;
            case 'done':
              if (job?.id !== reply.id) return;
              slot.job = null;
              finish(job);
              dispatch();
              return;
            default: {
              const never: never = reply;
              logger.warn({ reply: never }, 'unknown message from an answer worker');
            }
          }
        });
        // A worker that dies before it is ready (the index cannot be opened) must not hold `ready` up.
        worker.once('exit', () => resolve());
      }),
    );
    worker.on('error', (error) => logger.error({ err: error }, 'an answer worker failed'));
    worker.on('exit', (code) => {
      if (slot.worker === worker) slot.worker = null;
      const job = slot.job;
      if (job) {
        slot.job = null;
        job.events.push(internalError());
        job.failure = `the answer worker exited (code ${code})`;
        finish(job);
      }
      if (isClosed) return;
      logger.warn({ code }, 'an answer worker exited; the next question starts a new one');
      dispatch();
    });
    return worker;
  };

  function dispatch(): void {
    if (isClosed) return;
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      job.slot = slot;
      const worker = slot.worker ?? spawn(slot);
      try {
        const message: PoolMessage =
          job.task.type === 'answer'
            ? { type: 'answer', id: job.id, request: job.task.request }
            : { type: 'evidence', id: job.id, request: job.task.request };
        worker.postMessage(message);
      } catch (error) {
        // A request that cannot be cloned (a channel put a function in it) is this question's failure only.
        logger.error({ err: error }, 'a question could not be sent to an answer worker');
        slot.job = null;
        job.events.push(internalError());
        job.failure = 'the request could not be sent to an answer worker';
        finish(job);
      }
    }
  }

  const isFull = () => !slots.some((slot) => slot.job === null) && queue.length >= queueMax;
  const enqueue = (task: Task): Job => {
    const job: Job = {
      id: nextId++,
      task,
      events: [],
      evidence: null,
      failure: null,
      wake: null,
      isDone: false,
      slot: null,
    };
    queue.push(job);
    dispatch();
    return job;
  };

  /** Takes a waiting question out of the queue, or asks its worker to stop (it then reports `done`). */
  const cancel = (job: Job) => {
    if (job.isDone) return;
    const queued = queue.indexOf(job);
    if (queued >= 0) {
      queue.splice(queued, 1);
      finish(job);
      return;
    }
    if (job.slot?.job === job)
      job.slot.worker?.postMessage({ type: 'abort', id: job.id } satisfies PoolMessage);
  };

  for (let i = 0; i < workers; i++) {
    const slot: Slot = { worker: null, job: null };
    slots.push(slot);
    spawn(slot);
  }

  async function* answer(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
    const { signal, ...rest } = request;
    if (signal?.aborted) return;
    if (isClosed) {
      yield internalError();
      return;
    }
    if (isFull()) {
      logger.warn({ queued: queue.length, workers }, 'answer queue full: question turned away');
      yield { type: 'error', code: 'busy', text: USER_MESSAGES_PL.busy };
      return;
    }
    const job = enqueue({ type: 'answer', request: rest });
    const onAbort = () => cancel(job);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const event = job.events.shift();
        if (event) {
          yield event;
          continue;
        }
        if (job.isDone) return;
        await new Promise<void>((resolve) => (job.wake = resolve));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      // The consumer stopped reading (or the signal fired): free the worker for the next question.
      cancel(job);
    }
  }

  async function gatherEvidence(request: EvidenceRequest): Promise<Evidence> {
    if (isClosed) throw new Error('the answer pool is closed');
    if (isFull()) {
      logger.warn({ queued: queue.length, workers }, 'answer queue full: question turned away');
      throw new BotError('busy', `answer queue full (${queue.length} waiting)`);
    }
    const job = enqueue({ type: 'evidence', request });
    while (!job.isDone) await new Promise<void>((resolve) => (job.wake = resolve));
    if (job.evidence) return job.evidence;
    throw new Error(job.failure ?? 'the answer pool closed before the evidence came');
  }

  return {
    answer,
    gatherEvidence,
    ready: Promise.all(readiness).then(() => undefined),
    load: () => ({
      workers,
      running: slots.filter((slot) => slot.job !== null).length,
      queued: queue.length,
    }),
    async close() {
      isClosed = true;
      for (const job of queue.splice(0)) {
        job.events.push(internalError());
        job.failure = 'the answer pool was closed';
        finish(job);
      }
      await Promise.all(slots.map((slot) => slot.worker?.terminate()));
    },
  };
}
