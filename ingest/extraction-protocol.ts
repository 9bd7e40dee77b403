/** Messages between the sync and its extraction worker (structured-clone data only). */
import type { IngestFailureReason } from '../src/errors.js';
import type { BuiltLetter, LetterInput } from './build-letter.js';
import type { ChunkOptions } from './chunk.js';
import type { OcrResult } from './extract/ocr-pool.js';

/** An error as it crosses the thread boundary; `IngestError`s keep their reason. */
export interface SerializedError {
  readonly name: string;
  readonly reason?: IngestFailureReason;
  readonly message: string;
  readonly stack?: string;
}

export type ParentMessage =
  | { readonly type: 'build'; readonly id: number; readonly input: LetterInput; readonly bytes: Uint8Array; readonly maxPages: number; readonly chunk?: ChunkOptions; readonly ocrConcurrency: number | null }
  | { readonly type: 'ocr-result'; readonly id: number; readonly result?: OcrResult; readonly error?: SerializedError };

export interface SerializedBuildResult {
  readonly main: BuiltLetter;
  readonly attachmentIds: readonly string[];
  readonly attachments: readonly BuiltLetter[];
  readonly attachmentFailures: readonly { readonly relativePath: string; readonly error: SerializedError }[];
}

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'ocr'; readonly id: number; readonly image: Uint8Array }
  | { readonly type: 'done'; readonly id: number; readonly result: SerializedBuildResult }
  | { readonly type: 'failed'; readonly id: number; readonly error: SerializedError };
