/**
 * A Qdrant outage after start: the index gives up after its retries with
 * `IndexUnavailableError`, and the user reads „Archiwum jest chwilowo
 * niedostępne”, not the generic sentence.
 */
import { openQdrantIndex } from '../../src/archive/open-qdrant-index.js';
import { createAssistant } from '../../src/assistant/create-assistant.js';
import type { AnswerEvent } from '../../src/assistant/types.js';
import { IndexUnavailableError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { USER_MESSAGES_PL } from '../../src/messages.js';
import { startFakeQdrant } from '../fakes/qdrant-server.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { instantRetry, qdrantClient, qdrantConfig } from '../helpers/qdrant.js';

test('a stopped Qdrant reaches the user as index_unavailable with its Polish sentence', async () => {
  const server = await startFakeQdrant();
  const delays: number[] = [];
  const index = await openQdrantIndex({
    config: qdrantConfig(server.url, 'outage'),
    client: qdrantClient(server.url),
    index: { retry: { ...instantRetry(delays), retries: 2 } },
  });
  await index.upsertLetter(
    makeLetter({ id: 'a' }),
    makePassages('a', ['Remont ulicy Wolności zakończono w 2020 roku.']),
  );
  expect((await index.search('remont', { k: 3 }))[0]?.letter.id).toBe('a');
  await server.close();

  await expect(index.search('remont', { k: 3 })).rejects.toBeInstanceOf(IndexUnavailableError);
  expect(delays.length).toBe(2);

  const events: AnswerEvent[] = [];
  for await (const event of createAssistant({ index, logger: silentLogger() }).answer({
    question: 'Kiedy zakończono remont ulicy Wolności?',
  }))
    events.push(event);
  expect(events.at(-1)).toEqual({
    type: 'error',
    code: 'index_unavailable',
    text: USER_MESSAGES_PL.index_unavailable,
  });
  expect(USER_MESSAGES_PL.index_unavailable).toBe(
    'Archiwum jest chwilowo niedostępne. Spróbuj ponownie za chwilę.',
  );
  await index.close();
});
