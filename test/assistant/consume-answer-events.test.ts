import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import {
  consumeAnswerEvents,
  type AnswerFailure,
} from '../../src/assistant/consume-answer-events.js';
import { createAssistant } from '../../src/assistant/create-assistant.js';
import type { AnswerEvent } from '../../src/assistant/types.js';
import { silentLogger } from '../../src/logger.js';
import { USER_MESSAGES_PL } from '../../src/messages.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

/** A scripted stream that records how far it was read. */
function scripted(events: readonly AnswerEvent[], read: AnswerEvent[]): AsyncIterable<AnswerEvent> {
  return (async function* () {
    for (const event of events) {
      read.push(event);
      yield event;
    }
  })();
}

const failOnFinal = () => {
  throw new Error('no final expected');
};

describe('consumeAnswerEvents', () => {
  test('hands a real answer stream to its handlers in order and returns what onFinal returns', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    await index.upsertLetter(
      makeLetter({ id: 'liaoning', reference: 'WEN.9823.2020.RFZ' }),
      makePassages('liaoning', [
        'W dniach 2-3 lipca 2013 roku gościliśmy w Chorzowie przedstawicieli Miasta Yingkou z prowincji Liaoning.',
      ]),
    );
    const assistant = createAssistant({ index, logger: silentLogger() });
    const seen: string[] = [];
    let streamed = '';
    const result = await consumeAnswerEvents(
      assistant.answer({ question: 'Kiedy przedstawiciele Yingkou gościli w Chorzowie?' }),
      {
        onStatus: (_text, stage) => void seen.push(`status:${stage}`),
        onDelta: (text) => {
          seen.push('delta');
          streamed += text;
        },
        onCitations: (citations) => void seen.push(`citations:${citations.length}`),
        onFinal: (answer) => {
          seen.push('final');
          return {
            kind: answer.kind,
            text: answer.text,
            reference: answer.citations[0]?.reference,
          };
        },
        onError: () => {
          throw new Error('no error expected');
        },
      },
    );
    expect(result).toEqual({ kind: 'extractive', text: streamed, reference: 'WEN.9823.2020.RFZ' });
    expect(seen[0]).toMatch(/^status:/);
    expect(seen.indexOf('citations:1')).toBeLessThan(seen.indexOf('final'));
    expect(seen.at(-1)).toBe('final');
    await index.close();
  });

  test('an error event ends the stream in onError; nothing after it is read', async () => {
    const read: AnswerEvent[] = [];
    const failure = await consumeAnswerEvents<AnswerFailure>(
      scripted(
        [
          { type: 'delta', text: 'Część' },
          { type: 'error', code: 'llm_timeout', text: USER_MESSAGES_PL.llm_timeout },
          { type: 'delta', text: 'po błędzie' },
        ],
        read,
      ),
      { onFinal: failOnFinal, onError: (f) => f },
    );
    expect(failure).toEqual({
      code: 'llm_timeout',
      text: 'Generowanie odpowiedzi trwało zbyt długo.',
    });
    expect(read.map((e) => e.type)).toEqual(['delta', 'error']);
  });

  test('a stream that ends without a final answer is reported as internal', async () => {
    const deltas: string[] = [];
    const failure = await consumeAnswerEvents<AnswerFailure>(
      scripted([{ type: 'delta', text: 'urwane' }], []),
      {
        onDelta: (text) => void deltas.push(text),
        onFinal: failOnFinal,
        onError: (f) => f,
      },
    );
    expect(deltas).toEqual(['urwane']);
    expect(failure).toEqual({
      code: 'internal',
      text: 'Coś poszło nie tak. Spróbuj ponownie za chwilę.',
    });
  });

  test('a throw from the stream or a handler rejects (the channel decides how to show it)', async () => {
    const throwing = (async function* (): AsyncGenerator<AnswerEvent> {
      yield { type: 'status', stage: 'searching', text: 'Szukam w archiwum…' };
      throw new Error('index exploded');
    })();
    await expect(
      consumeAnswerEvents(throwing, { onFinal: failOnFinal, onError: () => 'shown' }),
    ).rejects.toThrow('index exploded');
    await expect(
      consumeAnswerEvents(scripted([{ type: 'delta', text: 'x' }], []), {
        onDelta: () => {
          throw new Error('slack refused the write');
        },
        onFinal: failOnFinal,
        onError: () => 'shown',
      }),
    ).rejects.toThrow('slack refused the write');
  });

  test('the stream is closed only after the final handler is done (whoever waits on the producer sees the answer shown)', async () => {
    const order: string[] = [];
    const events = (async function* (): AsyncGenerator<AnswerEvent> {
      try {
        yield {
          type: 'error',
          code: 'index_unavailable',
          text: USER_MESSAGES_PL.index_unavailable,
        };
      } finally {
        order.push('stream closed');
      }
    })();
    await consumeAnswerEvents(events, {
      onFinal: failOnFinal,
      onError: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('shown');
      },
    });
    expect(order).toEqual(['shown', 'stream closed']);
  });
});
