import { withRateLimit } from '../../src/assistant/rate-limit.js';
import type { AnswerEvent, Assistant } from '../../src/assistant/types.js';

const echo: Assistant = {
  async *answer(request) {
    yield { type: 'delta', text: request.question };
  },
};

async function ask(assistant: Assistant, user: string): Promise<AnswerEvent[]> {
  const events: AnswerEvent[] = [];
  for await (const e of assistant.answer({ question: 'q', user: { id: user } })) events.push(e);
  return events;
}

describe('withRateLimit', () => {
  test('lets perMinute questions through per user, then refuses politely until the window passes', async () => {
    let clock = 0;
    const limited = withRateLimit(echo, { perMinute: 2, now: () => clock });
    expect((await ask(limited, 'a'))[0]?.type).toBe('delta');
    expect((await ask(limited, 'a'))[0]?.type).toBe('delta');
    expect(await ask(limited, 'a')).toEqual([{ type: 'error', code: 'rate_limited', text: expect.stringContaining('Spróbuj ponownie') }]);
    expect((await ask(limited, 'b'))[0]?.type).toBe('delta');
    clock = 60_001;
    expect((await ask(limited, 'a'))[0]?.type).toBe('delta');
  });

  test('0 turns the limit off', async () => {
    const limited = withRateLimit(echo, { perMinute: 0 });
    for (let i = 0; i < 50; i++) expect((await ask(limited, 'a'))[0]?.type).toBe('delta');
  });
});
