/** Messages between the sync and its extraction worker (structured-clone data only). */
import type { IngestFailureReason } from '../src/errors.js';
import type { Passage } from '../src/archive/types.js';
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
  | {
      readonly type: 'build';
      readonly id: number;
      readonly input: LetterInput;
      readonly maxBytes: number;
      readonly maxPages: number;
      readonly maxChars: number;
      readonly chunk?: ChunkOptions;
      readonly ocrConcurrency: number | null;
    }
  | {
      readonly type: 'ocr-result';
      readonly id: number;
      readonly result?: OcrResult;
      readonly error?: SerializedError;
    };

export interface SerializedBuildResult {
  /** Passages per letter (main first, then attachments), sent ahead in `passages` batches. */
  readonly passageCounts: readonly number[];
  /** Per letter (same order): the analyzer and the whole letter's terms; the fields came with the passages. */
  readonly terms: readonly { readonly analyzer: string; readonly letterTerms: readonly string[] }[];
  readonly main: BuiltLetter;
  readonly attachmentIds: readonly string[];
  readonly attachments: readonly BuiltLetter[];
  readonly attachmentFailures: readonly {
    readonly relativePath: string;
    readonly error: SerializedError;
  }[];
}

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'ocr'; readonly id: number; readonly image: Uint8Array }
  /**
   * A batch of passages, sent before `done` (whose letters then carry none): one message of 31 000
   * passages was a 100 MB serialised copy in each process at once. Batches arrive in order, main
   * letter first, then each attachment; `done` says how many belong to each.
   */
  | {
      readonly type: 'passages';
      readonly id: number;
      readonly passages: readonly Passage[];
      /** The passages' analysed fields, same order (`AnalysedLetter.fields`). */
      readonly fields: readonly (readonly string[])[];
    }
  | { readonly type: 'done'; readonly id: number; readonly result: SerializedBuildResult }
  | { readonly type: 'failed'; readonly id: number; readonly error: SerializedError };
