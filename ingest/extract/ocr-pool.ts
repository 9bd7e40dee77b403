/**
 * A pool of tesseract.js workers (one WebAssembly engine per worker thread)
 * reading Polish. Everything is loaded from node_modules: the engine from
 * `tesseract.js-core`, the LSTM model from `@tesseract.js-data/pol`. Nothing
 * is downloaded and nothing is cached to the working directory, so OCR works
 * offline and leaves no `pol.traineddata` behind.
 *
 * Workers start on first use (an archive without scans never pays for them)
 * and a job that is aborted (per-file timeout) terminates its worker: a
 * WebAssembly recognise cannot be interrupted any other way.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type tesseract from 'tesseract.js';
import { IngestError } from '../../src/errors.js';

const require = createRequire(import.meta.url);
/** LSTM-only integer model (2.6 MB): the engine we load has no legacy recogniser anyway. */
const POLISH_LANG_PATH = join(
  dirname(require.resolve('@tesseract.js-data/pol/package.json')),
  '4.0.0_best_int',
);
const CORE_PATH = dirname(require.resolve('tesseract.js-core/package.json'));

/** One recognised word and its box, in image pixels (y grows downwards). */
export interface OcrWord {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One recognised text line, in image pixels (y grows downwards). */
export interface OcrLine {
  readonly text: string;
  /** Baseline height from the top of the image. */
  readonly baseline: number;
  /** Line height (ascender to descender) in pixels. */
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly confidence: number;
  /** Its words with boxes, for the letter viewer's highlight on the scan. */
  readonly words?: readonly OcrWord[];
}

export interface OcrResult {
  readonly lines: readonly OcrLine[];
  /** Tesseract's mean word confidence, 0–100. */
  readonly confidence: number;
}

export interface RecognizeOptions {
  readonly signal?: AbortSignal;
}

/** What the PDF extractor needs from OCR: an image in, lines out. */
export interface PageRecognizer {
  /** Pages worth having in flight at once (the pool size). */
  readonly concurrency: number;
  /**
   * Recognises one page image (PNG, or binary PGM/PPM bytes).
   * @throws IngestError `timeout` when the signal fires first.
   */
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<OcrResult>;
}

export interface OcrPool extends PageRecognizer {
  /** Terminates every worker; pending jobs are rejected. */
  close(): Promise<void>;
}

export interface CreateOcrPoolOptions {
  /** Worker threads; 0 means one per core. */
  readonly workers?: number;
  /** Tesseract language codes joined by `+`; each needs its `@tesseract.js-data/<code>` package. */
  readonly languages?: string;
}

interface Job {
  readonly image: Uint8Array;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (result: OcrResult) => void;
  readonly reject: (error: unknown) => void;
}

type TesseractWorker = Awaited<ReturnType<typeof tesseract.createWorker>>;

/** Pool size for `OCR_WORKERS`: 0 → one per core. */
export function resolveOcrWorkers(configured: number): number {
  return configured > 0 ? configured : Math.max(1, availableParallelism());
}

/**
 * Creates a lazily started pool of Polish OCR workers.
 * @throws nothing itself; a worker that fails to start rejects the job that needed it.
 */
export function createOcrPool({
  workers = 0,
  languages = 'pol',
}: CreateOcrPoolOptions = {}): OcrPool {
  const size = resolveOcrWorkers(workers);
  const queue: Job[] = [];
  const idle: TesseractWorker[] = [];
  let running = 0;
  let isClosed = false;
  const all = new Set<TesseractWorker>();

  const startWorker = async (): Promise<TesseractWorker> => {
    // tesseract.js is imported when the first OCR worker starts, not with the
    // pool: most syncs never meet a scanned page, and `serve` builds a pool per reindex.
    const { default: ocr } = await import('tesseract.js');
    const worker = await ocr.createWorker(languages, ocr.OEM.LSTM_ONLY, {
      langPath: POLISH_LANG_PATH,
      corePath: CORE_PATH,
      gzip: true,
      // 'none': never read or write `./pol.traineddata` in the working directory.
      cacheMethod: 'none',
      workerBlobURL: false,
    });
    if (isClosed) {
      // close() ran while this worker was loading: do not leave a thread behind.
      await worker.terminate();
      throw new Error('OCR pool closed');
    }
    all.add(worker);
    return worker;
  };

  const finish = (worker: TesseractWorker | null): void => {
    running -= 1;
    if (worker && !isClosed) idle.push(worker);
    pump();
  };

  const run = async (job: Job): Promise<void> => {
    let worker: TesseractWorker | null = null;
    let isAborted = false;
    const onAbort = (): void => {
      isAborted = true;
      if (worker) {
        all.delete(worker);
        void worker.terminate();
      }
      job.reject(
        new IngestError('timeout', 'OCR was stopped: the time limit for this file ran out', {
          cause: job.signal?.reason,
        }),
      );
    };
    try {
      if (job.signal?.aborted) return onAbort();
      job.signal?.addEventListener('abort', onAbort, { once: true });
      worker = idle.pop() ?? (await startWorker());
      if (isAborted) {
        all.delete(worker);
        await worker.terminate();
        worker = null;
        return;
      }
      const { data } = await worker.recognize(
        Buffer.from(job.image),
        {},
        { text: false, blocks: true },
      );
      job.resolve(toResult(data));
    } catch (error) {
      if (isAborted) {
        worker = null;
        return;
      }
      job.reject(
        new IngestError(
          'corrupt',
          `OCR failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        ),
      );
    } finally {
      job.signal?.removeEventListener('abort', onAbort);
      finish(isAborted ? null : worker);
    }
  };

  const pump = (): void => {
    while (!isClosed && running < size && queue.length > 0) {
      const job = queue.shift() as Job;
      running += 1;
      void run(job);
    }
  };

  return {
    concurrency: size,
    recognize(image, { signal } = {}) {
      if (isClosed) return Promise.reject(new Error('OCR pool is closed'));
      return new Promise<OcrResult>((resolve, reject) => {
        queue.push({ image, signal, resolve, reject });
        pump();
      });
    },
    async close() {
      isClosed = true;
      for (const job of queue.splice(0)) job.reject(new Error('OCR pool closed'));
      const workers = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function toResult(data: tesseract.Page): OcrResult {
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const text = line.text.replace(/\s+/g, ' ').trim();
        if (text === '') continue;
        const height = line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0;
        // The baseline is a sloped segment; its mean height is where the glyphs sit.
        const baseline = line.baseline ? (line.baseline.y0 + line.baseline.y1) / 2 : line.bbox.y1;
        lines.push({
          text,
          baseline,
          height,
          left: line.bbox.x0,
          right: line.bbox.x1,
          confidence: line.confidence,
          words: line.words
            .filter((w) => w.text.trim() !== '')
            .map((w) => ({ text: w.text.trim(), ...w.bbox })),
        });
      }
    }
  }
  return { lines, confidence: data.confidence };
}
