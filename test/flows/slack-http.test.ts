/**
 * Slack in HTTP mode end to end: signed requests into the real Bolt receiver
 * on the one server, a real assistant over a real index, and Slack's Web API
 * faked on loopback.
 */
import { createLlmClient } from '../../src/answer/llm-client.js';
import type { AnswerEvent, AnswerRequest, Answerer } from '../../src/assistant/types.js';
import { ANSWER_TEXT, USER_MESSAGES_PL } from '../../src/messages.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-server.js';
import type { RecordedCall } from '../fakes/slack-api.js';
import { LIAONING_QUESTION, LIAONING_REFERENCE, LIAONING_URL } from '../helpers/sample-archive.js';
import { startSlackHarness, type SlackHarness } from '../helpers/slack-harness.js';
import { eventCallback, interactionPayload, postSigned } from '../helpers/slack-requests.js';

const QUESTION_TS = '1700000000.000100';

function mention(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: 'U1',
    text: `<@UBOT> ${text}`,
    ts: QUESTION_TS,
    channel: 'C1',
    team: 'T1',
    event_ts: QUESTION_TS,
    ...extra,
  };
}

/** Splits every text delta into pieces, the way an LLM streams. */
function chunked(size: number): (assistant: Answerer) => Answerer {
  return (inner) => ({
    async *answer(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
      for await (const event of inner.answer(request)) {
        if (event.type !== 'delta') {
          yield event;
          continue;
        }
        for (let i = 0; i < event.text.length; i += size)
          yield { type: 'delta', text: event.text.slice(i, i + size) };
      }
    },
  });
}

const blocksText = (call: RecordedCall | undefined) => JSON.stringify(call?.args.blocks ?? []);
const streamedText = (calls: readonly RecordedCall[]) =>
  calls
    .flatMap((c) => (Array.isArray(c.args.chunks) ? (c.args.chunks as { text?: string }[]) : []))
    .map((chunk) => chunk.text ?? '')
    .join('');

let h: SlackHarness | null = null;
let llmServer: FakeOpenAiServer | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await llmServer?.close();
  llmServer = null;
});

describe('Slack HTTP receiver (POST /slack/events)', () => {
  test('rejects a bad signature and a stale timestamp with 401, and answers neither', async () => {
    h = await startSlackHarness();
    const body = eventCallback(mention(LIAONING_QUESTION));
    const forged = await postSigned(h.eventsUrl, {
      body,
      contentType: 'application/json',
      secret: 'not-the-secret',
    });
    const stale = await postSigned(h.eventsUrl, {
      body,
      contentType: 'application/json',
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  test('a mention gets a streamed answer in its thread, with sources and feedback buttons', async () => {
    h = await startSlackHarness({
      wrapAssistant: chunked(80),
      overrides: { streamBufferSize: 60 },
    });
    const res = await postSigned(h.eventsUrl, {
      body: eventCallback(mention(LIAONING_QUESTION)),
      contentType: 'application/json',
    });
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);

    const order = h.slack.calls
      .map((c) => c.method)
      .filter((m) => /^(chat\.|assistant\.threads\.setStatus)/.test(m));
    // Status while the answer is written; the verified answer streams at the end.
    expect(order[0]).toBe('assistant.threads.setStatus');
    expect(order.filter((m) => m !== 'assistant.threads.setStatus')).toEqual([
      'chat.startStream',
      'chat.stopStream',
    ]);
    expect(order.filter((m) => m === 'chat.postMessage' || m === 'chat.update')).toEqual([]);

    const [start] = h.slack.callsTo('chat.startStream');
    expect(start?.args).toMatchObject({
      channel: 'C1',
      thread_ts: QUESTION_TS,
      recipient_user_id: 'U1',
      recipient_team_id: 'T1',
    });
    const streams = h.slack.calls.filter((c) => /^chat\.(start|append|stop)Stream$/.test(c.method));
    expect(streamedText(streams)).toContain('Liaoning');

    const trailer = blocksText(h.slack.callsTo('chat.stopStream')[0]);
    expect(trailer).toContain(LIAONING_REFERENCE);
    expect(trailer).toContain('2020-03-02');
    expect(trailer).toContain('Marcin Michalik');
    expect(trailer).toContain(`<${LIAONING_URL}|`);
    expect(trailer).toContain('kancelaria_feedback_up');
    expect(trailer).toContain('kancelaria_feedback_down');
  });

  test('when the streaming methods are unavailable, the answer is posted as one message', async () => {
    h = await startSlackHarness({
      wrapAssistant: chunked(40),
      overrides: { streamBufferSize: 30 },
    });
    h.slack.failMethod('chat.startStream', 'unknown_method');
    await postSigned(h.eventsUrl, {
      body: eventCallback(mention(LIAONING_QUESTION)),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.postMessage').length === 1, 10_000);
    const [posted] = h.slack.callsTo('chat.postMessage');
    expect(posted?.args.thread_ts).toBe(QUESTION_TS);
    expect(posted?.args.text).toContain('Liaoning');
    expect(blocksText(posted)).toContain(LIAONING_REFERENCE);
    expect(blocksText(posted)).toContain('kancelaria_feedback');
    expect(h.slack.callsTo('chat.update')).toEqual([]);
    expect(h.slack.callsTo('chat.stopStream')).toEqual([]);
  });

  test('when a started stream fails, the answer goes into a fresh message, the stream is never edited', async () => {
    h = await startSlackHarness({
      wrapAssistant: chunked(40),
      overrides: { streamBufferSize: 30 },
    });
    h.slack.failMethod('chat.stopStream', 'internal_error');
    await postSigned(h.eventsUrl, {
      body: eventCallback(mention(LIAONING_QUESTION)),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.postMessage').length === 1, 10_000);
    expect(h.slack.callsTo('chat.startStream')).toHaveLength(1);
    expect(h.slack.callsTo('chat.update')).toEqual([]);
    const [posted] = h.slack.callsTo('chat.postMessage');
    expect(posted?.args.thread_ts).toBe(QUESTION_TS);
    expect(blocksText(posted)).toContain(LIAONING_REFERENCE);
  });

  test('a retried delivery (x-slack-retry-num, same event_id) is answered once', async () => {
    h = await startSlackHarness();
    const body = eventCallback(mention(LIAONING_QUESTION), 'EvSAME1');
    const first = await postSigned(h.eventsUrl, { body, contentType: 'application/json' });
    const retry = await postSigned(h.eventsUrl, {
      body,
      contentType: 'application/json',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.slack.callsTo('chat.startStream')).toHaveLength(1);
  });

  test('a thread follow-up gets the earlier thread messages as history', async () => {
    const seen: AnswerRequest[] = [];
    h = await startSlackHarness({
      wrapAssistant: (inner) => ({
        answer: (request) => (seen.push(request), inner.answer(request)),
      }),
    });
    h.slack.setReplies([
      { ts: '1700000000.000001', user: 'U1', text: `<@UBOT> ${LIAONING_QUESTION}` },
      {
        ts: '1700000000.000002',
        user: 'UBOT',
        bot_id: 'BBOT',
        text: 'Współpraca zależy od Urzędu Marszałkowskiego [1].',
      },
      { ts: '1700000000.000003', user: 'U2', bot_id: 'BOTHER', text: 'inny bot' },
      { ts: QUESTION_TS, user: 'U1', text: '<@UBOT> A co z Yingkou?' },
    ]);
    await postSigned(h.eventsUrl, {
      body: eventCallback(mention('A co z Yingkou?', { thread_ts: '1700000000.000001' })),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    expect(h.slack.callsTo('conversations.replies')[0]?.args).toMatchObject({
      channel: 'C1',
      ts: '1700000000.000001',
    });
    expect(seen[0]?.history).toEqual([
      { role: 'user', text: LIAONING_QUESTION },
      { role: 'assistant', text: 'Współpraca zależy od Urzędu Marszałkowskiego [1].' },
    ]);
    expect(h.slack.callsTo('chat.startStream')[0]?.args.thread_ts).toBe('1700000000.000001');
  });

  test('a feedback click is stored with question, answer, citations and user', async () => {
    h = await startSlackHarness();
    await postSigned(h.eventsUrl, {
      body: eventCallback(mention(LIAONING_QUESTION)),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    const stop = h.slack.callsTo('chat.stopStream')[0]!;
    const actions = (
      stop.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions');
    const down = actions?.elements?.find((e) => e.action_id === 'kancelaria_feedback_down');
    const payload = {
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U7' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: 'trigger',
      channel: { id: 'C1' },
      container: {
        type: 'message',
        message_ts: String(stop.args.ts),
        channel_id: 'C1',
        thread_ts: QUESTION_TS,
        is_ephemeral: false,
      },
      message: { ts: String(stop.args.ts), text: 'odpowiedź' },
      response_url: h.slack.responseUrl('feedback'),
      actions: [
        {
          type: 'button',
          action_id: down!.action_id,
          block_id: 'kancelaria_feedback',
          value: down!.value,
          action_ts: '1700000200.0',
        },
      ],
    };
    const res = await postSigned(h.eventsUrl, {
      body: interactionPayload(payload),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => h!.slack.callsTo('response_url').length === 1);
    const [feedback] = h.store.listFeedback();
    expect(feedback).toMatchObject({
      channel: 'slack',
      userId: 'U7',
      rating: 'down',
      question: LIAONING_QUESTION,
      messageId: String(stop.args.ts),
    });
    expect(feedback?.answer).toContain('Liaoning');
    expect(feedback?.citations[0]?.reference).toBe(LIAONING_REFERENCE);
    expect(h.slack.callsTo('response_url')[0]?.args).toMatchObject({ response_type: 'ephemeral' });
  });

  test('ignores its own and other bots\u2019 messages; answers a human DM in its thread', async () => {
    h = await startSlackHarness();
    const dm = { type: 'message', channel: 'D1', channel_type: 'im', event_ts: QUESTION_TS };
    await postSigned(h.eventsUrl, {
      body: eventCallback({
        ...dm,
        user: 'UBOT',
        bot_id: 'BBOT',
        text: 'moja odpowiedź',
        ts: '1.1',
      }),
      contentType: 'application/json',
    });
    await postSigned(h.eventsUrl, {
      body: eventCallback({
        ...dm,
        subtype: 'bot_message',
        bot_id: 'BOTHER',
        text: 'Liaoning?',
        ts: '1.2',
      }),
      contentType: 'application/json',
    });
    await postSigned(h.eventsUrl, {
      body: eventCallback({ ...dm, user: 'U1', text: LIAONING_QUESTION, ts: QUESTION_TS }),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.callsTo('chat.startStream').map((c) => c.args.thread_ts)).toEqual([QUESTION_TS]);
  });

  test('a rate-limited Web API call (HTTP 429) is retried', async () => {
    h = await startSlackHarness();
    h.slack.rateLimitOnce('chat.startStream', 0);
    await postSigned(h.eventsUrl, {
      body: eventCallback(mention(LIAONING_QUESTION)),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    expect(h.slack.callsTo('chat.startStream')).toHaveLength(2);
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });
  test('an extractive fallback answer (LLM down) shows the „LLM unavailable” notice', async () => {
    llmServer = await startFakeOpenAiServer();
    llmServer.fallback = { status: 500 };
    const llm = createLlmClient({
      model: 'fake-model',
      apiKey: 'sk-test',
      baseUrl: llmServer.baseUrl,
      timeoutMs: 2_000,
      maxRetries: 0,
    });
    h = await startSlackHarness({ llm });
    await postSigned(h.eventsUrl, {
      body: eventCallback(mention(LIAONING_QUESTION)),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    expect(llmServer.requests.some((r) => r.path.endsWith('/chat/completions'))).toBe(true);
    const trailer = blocksText(h.slack.callsTo('chat.stopStream')[0]);
    expect(trailer).toContain(ANSWER_TEXT.pl.fallbackNotice);
    expect(trailer).toContain(LIAONING_REFERENCE);
  });

  test('failures reach the user as one short Polish sentence', async () => {
    h = await startSlackHarness({
      wrapAssistant: () => ({
        async *answer() {
          yield {
            type: 'error',
            code: 'index_unavailable',
            text: USER_MESSAGES_PL.index_unavailable,
          } as const;
        },
      }),
    });
    await postSigned(h.eventsUrl, {
      body: eventCallback(mention(LIAONING_QUESTION)),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    expect(streamedText(h.slack.calls)).toBe(USER_MESSAGES_PL.index_unavailable);
  });

  test('an unexpected exception posts the generic sentence, not the details', async () => {
    h = await startSlackHarness({
      wrapAssistant: () => ({
        // eslint-disable-next-line require-yield -- an answer that fails before its first event
        async *answer() {
          throw new Error('SQLITE_CORRUPT: secret detail');
        },
      }),
    });
    await postSigned(h.eventsUrl, {
      body: eventCallback(mention(LIAONING_QUESTION)),
      contentType: 'application/json',
    });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.postMessage').length === 1);
    expect(h.slack.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      thread_ts: QUESTION_TS,
      text: USER_MESSAGES_PL.internal,
    });
    expect(JSON.stringify(h.slack.calls)).not.toContain('SQLITE_CORRUPT');
  });
});
