/**
 * One thread of the answer pool: opens the SQLite index read-only and answers
 * questions one at a time with the same assistant core as the main thread
 * (retrieval, answerability, extractive answer), posting each `AnswerEvent`
 * back as it is yielded; on the LLM path it gathers only the evidence
 * (retrieval and answerability), and the main thread calls the LLM. Several such threads answer in parallel on the
 * cores while the main thread's event loop stays free for HTTP.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gatherEvidence } from '../answer/assess-answerability.js';
import { openSqliteIndex } from '../archive/open-sqlite-index.js';
import { usePolishDictionaryTable } from '../archive/stemmers/polish-dictionary.js';
import { createLogger } from '../logger.js';
import { USER_MESSAGES_PL } from '../messages.js';
import { createAssistant } from './create-assistant.js';
import {
  answerWorkerDataSchema,
  type EvidenceRequest,
  type PoolMessage,
  type PooledRequest,
  type WorkerReply,
} from './answer-worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('answer-worker.ts runs as a worker thread of the answer pool');
const data = answerWorkerDataSchema.parse(workerData);
const logger = createLogger(data.logLevel).child({ worker: 'answer' });
// Before the index opens (it loads the dictionary): the main thread's table, not a copy of the file.
if (data.lemmaTable) usePolishDictionaryTable(data.lemmaTable);

// Commits to the file (ingest, reindex, `ingest --full`, which empties and refills the same file) are
// seen by the next read: WAL, and the index's caches follow `PRAGMA data_version`.
const index = openSqliteIndex({ path: data.indexPath, isReadonly: true });
const assistant = createAssistant({
  index,
  logger,
  passages: data.passages,
  ...(data.minAnswerability !== undefined ? { minAnswerability: data.minAnswerability } : {}),
});

const running = new Map<number, AbortController>();
const post = (reply: WorkerReply) => port.postMessage(reply);

async function answer(id: number, request: PooledRequest): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    for await (const event of assistant.answer({ ...request, signal: controller.signal }))
      post({ type: 'event', id, event });
  } catch (error) {
    // The assistant turns its own failures into `error` events; this is one it did not catch.
    logger.error({ err: error }, 'answer worker failed');
    post({
      type: 'event',
      id,
      event: { type: 'error', code: 'internal', text: USER_MESSAGES_PL.internal },
    });
  } finally {
    running.delete(id);
    post({ type: 'done', id });
  }
}

async function evidence(id: number, request: EvidenceRequest): Promise<void> {
  try {
    post({ type: 'evidence', id, evidence: await gatherEvidence({ index, ...request }) });
  } catch (error) {
    logger.error({ err: error }, 'gathering evidence failed');
    post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    post({ type: 'done', id });
  }
}

port.on('message', (message: PoolMessage) => {
  switch (message.type) {
    case 'answer':
      void answer(message.id, message.request);
      return;
    case 'evidence':
      void evidence(message.id, message.request);
      return;
    case 'abort':
      running.get(message.id)?.abort();
      return;
    default: {
      const never: never = message;
      logger.warn({ message: never }, 'unknown message to the answer worker');
    }
  }
});
post({ type: 'ready' });
