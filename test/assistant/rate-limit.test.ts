import { buildDraftLetter } from '../../src/answer/draft/build-draft-letter.js';
import { withRateLimit } from '../../src/assistant/rate-limit.js';
import type { AnswerEvent, Assistant } from '../../src/assistant/types.js';
import { RateLimitedError } from '../../src/errors.js';
import { USER_MESSAGES_PL } from '../../src/messages.js';

/** An inner assistant that repeats the question, so a test sees whether the wrapper let a request through. */
const echo: Assistant = {
  async *answer(request) {
    yield { type: 'delta', text: request.question };
  },
  async draft(request) {
    return {
      kind: 'refusal',
      letter: buildDraftLetter({
        request: request.request,
        now: new Date(),
        paragraphs: [],
        citations: [],
        missing: [],
      }),
      text: request.request,
      citations: [],
      passages: [],
      request: request.request,
      to: null,
      removedCitations: 0,
      unverifiedQuotes: [],
    };
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
    expect(await ask(limited, 'a')).toEqual([
      { type: 'error', code: 'rate_limited', text: expect.stringContaining('Spróbuj ponownie') },
    ]);
    expect((await ask(limited, 'b'))[0]?.type).toBe('delta');
    clock = 60_001;
    expect((await ask(limited, 'a'))[0]?.type).toBe('delta');
  });

  test('drafts count against the same per-user budget and are refused with RateLimitedError', async () => {
    const limited = withRateLimit(echo, { perMinute: 2, now: () => 0 });
    expect((await ask(limited, 'a'))[0]?.type).toBe('delta');
    expect((await limited.draft({ request: 'r', user: { id: 'a' }, channel: 'web' })).text).toBe(
      'r',
    );
    const refused = limited.draft({ request: 'r', user: { id: 'a' }, channel: 'web' });
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited' });
    expect(USER_MESSAGES_PL.rate_limited).toBe(
      'Zbyt wiele pytań w krótkim czasie. Spróbuj ponownie za minutę.',
    );
    expect((await limited.draft({ request: 'r', user: { id: 'b' }, channel: 'web' })).text).toBe(
      'r',
    );
  });

  test('0 turns the limit off', async () => {
    const limited = withRateLimit(echo, { perMinute: 0 });
    for (let i = 0; i < 50; i++) expect((await ask(limited, 'a'))[0]?.type).toBe('delta');
  });
});
