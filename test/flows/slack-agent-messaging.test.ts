/**
 * Slack's agent messaging over HTTP: signed `app_home_opened` (tab messages)
 * and `app_context_changed` events into the real Bolt receiver, and questions
 * in the app's Messages tab answered in their thread with a status line and a
 * stream that carries only the verified answer (never edited afterwards).
 */
import { createLlmClient } from '../../src/answer/llm-client.js';
import type { AnswerRequest } from '../../src/assistant/types.js';
import { SLACK_TEXT } from '../../src/messages.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-server.js';
import type { RecordedCall } from '../fakes/slack-api.js';
import { LIAONING_QUESTION, LIAONING_REFERENCE } from '../helpers/sample-archive.js';
import { startSlackHarness, type SlackHarness } from '../helpers/slack-harness.js';
import { eventCallback, postSigned } from '../helpers/slack-requests.js';

const DM = 'D1';
const QUESTION_TS = '1700000000.000600';

let h: SlackHarness | null = null;
let llmServer: FakeOpenAiServer | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await llmServer?.close();
  llmServer = null;
});

const post = (harness: SlackHarness, event: Record<string, unknown>) =>
  postSigned(harness.eventsUrl, { body: eventCallback(event), contentType: 'application/json' });

const opened = (tab: 'messages' | 'home', user = 'U1') => ({
  type: 'app_home_opened',
  user,
  channel: DM,
  tab,
  event_ts: '1700000000.000500',
});

const dmQuestion = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channel: DM,
  channel_type: 'im',
  user: 'U1',
  text,
  ts: QUESTION_TS,
  event_ts: QUESTION_TS,
  ...extra,
});

const streamedText = (calls: readonly RecordedCall[]) =>
  calls
    .flatMap((c) => (Array.isArray(c.args.chunks) ? (c.args.chunks as { text?: string }[]) : []))
    .map((chunk) => chunk.text ?? '')
    .join('');

describe('Slack agent messaging (Messages tab)', () => {
  test('opening the Messages tab sets the suggested prompts and greets once per user', async () => {
    h = await startSlackHarness();
    expect((await post(h, opened('messages'))).status).toBe(200);
    await h.slack.waitFor(() => h!.slack.callsTo('chat.postMessage').length === 1);
    const [prompts] = h.slack.callsTo('assistant.threads.setSuggestedPrompts');
    expect(prompts?.args).toMatchObject({
      channel_id: DM,
      title: SLACK_TEXT.promptsTitle,
      prompts: SLACK_TEXT.suggestedPrompts.map((p) => ({ title: p.title, message: p.message })),
    });
    // With agent_view a thread_ts makes the call silently do nothing (docs.slack.dev).
    expect(prompts?.args).not.toHaveProperty('thread_ts');
    expect(h.slack.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      channel: DM,
      text: SLACK_TEXT.greeting,
    });

    await post(h, opened('messages'));
    await h.slack.waitFor(
      () => h!.slack.callsTo('assistant.threads.setSuggestedPrompts').length === 2,
    );
    await post(h, opened('home'));
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.callsTo('assistant.threads.setSuggestedPrompts')).toHaveLength(2);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  test('refused suggested prompts still leave the greeting', async () => {
    h = await startSlackHarness();
    h.slack.failMethod('assistant.threads.setSuggestedPrompts', 'missing_scope');
    await post(h, opened('messages', 'U2'));
    await h.slack.waitFor(() => h!.slack.callsTo('chat.postMessage').length === 1);
    expect(h.slack.callsTo('chat.postMessage')[0]?.args.text).toBe(SLACK_TEXT.greeting);
  });

  test('app_context_changed is acknowledged and changes nothing the user sees', async () => {
    h = await startSlackHarness();
    const res = await post(h, {
      type: 'app_context_changed',
      user: 'U1',
      channel: DM,
      context: { entities: [{ type: 'slack#/types/channel_id', value: 'C9', team_id: 'T1' }] },
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  test('a question in the Messages tab gets a status, then its answer streamed in its thread', async () => {
    h = await startSlackHarness();
    await post(h, dmQuestion(LIAONING_QUESTION));
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    const [status] = h.slack.callsTo('assistant.threads.setStatus');
    expect(status?.args).toMatchObject({ channel_id: DM, thread_ts: QUESTION_TS });
    const [start] = h.slack.callsTo('chat.startStream');
    expect(start?.args).toMatchObject({ channel: DM, thread_ts: QUESTION_TS });
    expect(status!.at).toBeLessThanOrEqual(start!.at);
    expect(JSON.stringify(h.slack.callsTo('chat.stopStream')[0]?.args.blocks)).toContain(
      LIAONING_REFERENCE,
    );
    expect(h.slack.callsTo('chat.update')).toEqual([]);
  });

  test('a follow-up in the question\u2019s thread is answered there, with the thread as history', async () => {
    const seen: AnswerRequest[] = [];
    h = await startSlackHarness({
      wrapAssistant: (inner) => ({
        answer: (request) => (seen.push(request), inner.answer(request)),
      }),
    });
    h.slack.setReplies([
      { ts: QUESTION_TS, user: 'U1', text: LIAONING_QUESTION },
      { ts: '1700000000.000700', user: 'UBOT', bot_id: 'BBOT', text: 'Od 2015 roku [1].' },
      { ts: '1700000000.000800', user: 'U1', text: 'A co z Yingkou?' },
    ]);
    await post(
      h,
      dmQuestion('A co z Yingkou?', { ts: '1700000000.000800', thread_ts: QUESTION_TS }),
    );
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    expect(h.slack.callsTo('conversations.replies')[0]?.args).toMatchObject({
      channel: DM,
      ts: QUESTION_TS,
    });
    expect(seen[0]?.history).toEqual([
      { role: 'user', text: LIAONING_QUESTION },
      { role: 'assistant', text: 'Od 2015 roku [1].' },
    ]);
    // The Messages tab is read by the asker alone.
    expect(seen[0]?.audience).toBe('asker');
    expect(h.slack.callsTo('chat.startStream')[0]?.args.thread_ts).toBe(QUESTION_TS);
  });

  test('an LLM answer streams only its verified text: the unknown [9] never reaches Slack', async () => {
    llmServer = await startFakeOpenAiServer();
    llmServer.fallback = {
      text: 'Miasto współpracuje z prowincją Liaoning [1] od lat [9].',
      chunks: 6,
    };
    const llm = createLlmClient({
      model: 'fake-model',
      apiKey: 'sk-test',
      baseUrl: llmServer.baseUrl,
      timeoutMs: 2_000,
      maxRetries: 0,
    });
    h = await startSlackHarness({ llm, overrides: { streamBufferSize: 10 } });
    await post(h, dmQuestion(LIAONING_QUESTION));
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    expect(llmServer.requests.some((r) => r.path.endsWith('/chat/completions'))).toBe(true);
    const streams = h.slack.calls.filter((c) => /^chat\.(start|append|stop)Stream$/.test(c.method));
    const text = streamedText(streams);
    expect(text).toContain('Liaoning [1]');
    expect(text).not.toContain('[9]');
    // Nothing is repaired after the stream: no edit and no second message.
    expect(h.slack.callsTo('chat.update')).toEqual([]);
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});
