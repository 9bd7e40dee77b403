/**
 * The extraction worker process: builds one file's letters at a time
 * (`buildLetters`) for `extract-in-worker.ts` and posts them back. OCR stays
 * in the parent's pool: page images go up, recognised lines come back.
 */
import { IngestError } from '../src/errors.js';
import { analyseLetter } from './analyse-letter.js';
import {
  buildLetters,
  type BuildLettersResult,
  type BuiltLetter,
  type LetterInput,
} from './build-letter.js';
import type { ChunkOptions } from './chunk.js';
import { readLimited } from './extract/extract-file.js';
import type { OcrResult, PageRecognizer } from './extract/ocr-pool.js';
import type { ParentMessage, SerializedError, WorkerMessage } from './extraction-protocol.js';

if (!process.send)
  throw new Error('extraction-worker.ts runs only as a child process with an IPC channel');
const send = process.send.bind(process);

const pendingOcr = new Map<
  number,
  { resolve: (r: OcrResult) => void; reject: (e: unknown) => void }
>();
let nextOcrId = 0;

function post(message: WorkerMessage): void {
  send(message);
}

/** Sends and waits until the message left: batches are not queued up in memory all at once. */
function postAndWait(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) =>
    send(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
}

const PASSAGE_BATCH = 500;

async function postResult(id: number, result: BuildLettersResult): Promise<void> {
  const letters = [result.main, ...result.attachments];
  // Analysed here, on this core: the sync's main thread only writes (issue 16).
  const terms = letters.map(({ letter, passages }) => analyseLetter(letter, passages));
  for (const [n, { passages }] of letters.entries()) {
    for (let i = 0; i < passages.length; i += PASSAGE_BATCH)
      await postAndWait({
        type: 'passages',
        id,
        passages: passages.slice(i, i + PASSAGE_BATCH),
        fields: terms[n]!.fields.slice(i, i + PASSAGE_BATCH),
      });
  }
  const bare = (built: BuiltLetter): BuiltLetter => ({ letter: built.letter, passages: [] });
  post({
    type: 'done',
    id,
    result: {
      passageCounts: letters.map((l) => l.passages.length),
      terms: terms.map((t) => ({ analyzer: t.analyzer, letterTerms: t.letterTerms })),
      main: bare(result.main),
      attachmentIds: result.attachmentIds,
      attachments: result.attachments.map(bare),
      attachmentFailures: result.attachmentFailures.map((f) => ({
        relativePath: f.relativePath,
        error: serializeError(f.error),
      })),
    },
  });
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof IngestError)
    return { name: 'IngestError', reason: error.reason, message: error.message };
  return {
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}

function recognizerProxy(concurrency: number): PageRecognizer {
  return {
    concurrency,
    recognize: (image) =>
      new Promise<OcrResult>((resolve, reject) => {
        const id = nextOcrId++;
        pendingOcr.set(id, { resolve, reject });
        post({ type: 'ocr', id, image });
      }),
  };
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'ocr-result') {
    const job = pendingOcr.get(message.id);
    pendingOcr.delete(message.id);
    if (!job) return;
    if (message.result) job.resolve(message.result);
    else
      job.reject(
        message.error?.name === 'IngestError'
          ? new IngestError(message.error.reason ?? 'timeout', message.error.message)
          : new Error(message.error?.message ?? 'OCR failed'),
      );
    return;
  }
  const { id, input, maxBytes, maxPages, maxChars, chunk, ocrConcurrency } = message as {
    id: number;
    input: LetterInput;
    maxBytes: number;
    maxPages: number;
    maxChars: number;
    chunk?: ChunkOptions;
    ocrConcurrency: number | null;
  };
  // Read here, not sent by the parent (see extract-in-worker.ts). Should the file change after the
  // parent hashed it, the stored hash no longer matches and the next sync indexes it again.
  readLimited(input.absolutePath, maxBytes)
    .then((bytes) =>
      buildLetters(input, bytes, {
        maxPages,
        maxChars,
        ...(chunk ? { chunk } : {}),
        ...(ocrConcurrency !== null ? { ocr: recognizerProxy(ocrConcurrency) } : {}),
      }),
    )
    .then((result: BuildLettersResult) => postResult(id, result))
    .catch((error: unknown) => post({ type: 'failed', id, error: serializeError(error) }));
});
// One small letter before saying ready: the first build pays for lazy loads and JIT
// (dictionaries, regexes), which must not count against the first real file's time limit.
const WARM_UP =
  'Chorzów, 2 marca 2020 r.\n\nZnak: WEN.0003.1.2020\n\nW odpowiedzi na pismo w sprawie remontu szkoły uprzejmie informuję, że prace trwają.\n\nZ poważaniem\nJan Kowalski';
await buildLetters(
  {
    relativePath: 'warm-up.txt',
    absolutePath: 'warm-up.txt',
    contentHash: '',
    sidecarFields: null,
  },
  new TextEncoder().encode(WARM_UP),
  { maxPages: 1 },
).catch(() => undefined);
post({ type: 'ready' });
// The parent gone (killed sync): nothing left to work for.
process.on('disconnect', () => process.exit(0));
