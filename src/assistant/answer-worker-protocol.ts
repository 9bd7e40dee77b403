/**
 * Messages between the answer pool (`answer-pool.ts`, main thread) and its
 * workers (`answer-worker.ts`). Both ends are this program, so the types are
 * the contract; `workerData` is parsed with zod where the worker starts.
 */
import { z } from 'zod';
import type { Evidence, GatherEvidenceOptions } from '../answer/assess-answerability.js';
import type { AnswerEvent, AnswerRequest } from './types.js';

/** What a worker needs to open the index and answer like the in-process assistant. */
export const answerWorkerDataSchema = z.object({
  indexPath: z.string().min(1),
  passages: z.number().int().positive(),
  minAnswerability: z.number().min(0).optional(),
  logLevel: z.string(),
  /**
   * The main thread's dictionary table (`polishDictionaryTable`): shared memory, so the workers
   * look words up in the same bytes instead of each reading the 9.8 MB file. Set by the pool.
   */
  lemmaTable: z.instanceof(SharedArrayBuffer).optional(),
});
export type AnswerWorkerData = z.infer<typeof answerWorkerDataSchema>;

/** An `AnswerRequest` without its `signal` (not cloneable): cancelling is an `abort` message. */
export type PooledRequest = Omit<AnswerRequest, 'signal'>;

/** What the LLM path asks a worker for: retrieval and answerability only (the LLM call stays in the main thread). */
export type EvidenceRequest = Omit<GatherEvidenceOptions, 'index'>;

export type PoolMessage =
  | { readonly type: 'answer'; readonly id: number; readonly request: PooledRequest }
  | { readonly type: 'evidence'; readonly id: number; readonly request: EvidenceRequest }
  | { readonly type: 'abort'; readonly id: number };

export type WorkerReply =
  /** The index is open: the worker takes questions. */
  | { readonly type: 'ready' }
  /** One event of question `id`, in the order the assistant yielded them. */
  | { readonly type: 'event'; readonly id: number; readonly event: AnswerEvent }
  /** The evidence for request `id`, or why it could not be gathered (logged in the worker). */
  | { readonly type: 'evidence'; readonly id: number; readonly evidence: Evidence }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  /** Request `id` is finished (answered, failed with an `error` event, or cancelled; evidence sent). */
  | { readonly type: 'done'; readonly id: number };
