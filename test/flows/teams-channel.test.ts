/**
 * Teams end to end: real botbuilder CloudAdapter, real server, real assistant
 * and state store; the Bot Connector is a local fake that records what Teams
 * would receive.
 */
import { channelDeps } from '../helpers/channel-deps.js';
import type { Answerer } from '../../src/assistant/types.js';
import { TEAMS_TEXT, USER_MESSAGES_PL } from '../../src/messages.js';
import type { RecordedActivity } from '../fakes/bot-connector.js';
import {
  ADMIN_AAD_ID,
  channelMessage,
  personalMessage,
  startTeamsHarness,
  type TeamsHarness,
} from '../helpers/teams-harness.js';

type Entity = Record<string, unknown> & { type: string };
const entitiesOf = (a: RecordedActivity) => (a.body.entities ?? []) as Entity[];
const streamInfoOf = (a: RecordedActivity) => entitiesOf(a).find((e) => e.type === 'streaminfo');
const isFinalMessage = (a: RecordedActivity) => a.body.type === 'message';
const markers = (text: string) =>
  [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort();

let h: TeamsHarness;
afterEach(async () => {
  await h.close();
});

describe('createTeamsChannel: authentication', () => {
  test('with an app id, a request without a token (or with a forged one) gets 401 and no answer', async () => {
    h = await startTeamsHarness({
      env: { MICROSOFT_APP_ID: 'app-id-1', MICROSOFT_APP_PASSWORD: 'secret' },
    });
    expect(h.channel.isAuthEnabled).toBe(true);
    const activity = personalMessage(
      h.connector.serviceUrl,
      'Jak wygląda współpraca z prowincją Liaoning?',
    );
    expect((await h.post(activity)).status).toBe(401);
    // A present but invalid token is judged by botbuilder's JWT validation, not by our shortcut.
    expect((await h.post(activity, { authorization: 'Bearer not.a.jwt' })).status).toBe(401);
    await h.channel.idle();
    expect(h.connector.activities).toHaveLength(0);
  });
});

describe('createTeamsChannel: emulator mode (TEAMS_EMULATOR=true, no app id)', () => {
  test('answers on loopback, but refuses admin commands to a claimed admin id and a non-loopback serviceUrl', async () => {
    h = await startTeamsHarness({ env: { TEAMS_EMULATOR: 'true' } });
    expect(h.channel.isEmulator).toBe(true);
    await h.post(personalMessage(h.connector.serviceUrl, 'reindex', { aadObjectId: ADMIN_AAD_ID }));
    await h.channel.idle();
    expect(h.connector.activities.map((a) => a.body.text)).toEqual([
      USER_MESSAGES_PL.access_denied,
    ]);
    expect(h.store.listAudit()).toEqual([
      expect.objectContaining({ action: 'reindex', allowed: false }),
    ]);
    const foreign = personalMessage(
      'https://attacker.example/',
      'Jak wygląda współpraca z prowincją Liaoning?',
    );
    expect((await h.post(foreign)).status).toBe(403);
    await h.channel.idle();
    expect(h.connector.activities).toHaveLength(1);
  });

  test('a channel without an app id, emulator mode or injected authentication is refused at construction', async () => {
    h = await startTeamsHarness();
    const { createTeamsChannel } = await import('../../src/channels/teams/create-teams-channel.js');
    const { loadConfig } = await import('../../src/config.js');
    const { silentLogger } = await import('../../src/logger.js');
    expect(() =>
      createTeamsChannel(
        channelDeps({
          config: loadConfig({}),
          assistant: { async *answer() {} },
          store: h.store,
          logger: silentLogger(),
        }),
      ),
    ).toThrow(/MICROSOFT_APP_ID/);
  });
});

describe('createTeamsChannel: personal chat', () => {
  test('streams an informative update and chunks, then a final message with the AI label and one citation per [n]', async () => {
    h = await startTeamsHarness();
    const question = 'Jak wygląda współpraca z prowincją Liaoning i gdzie podpisano porozumienie?';
    const response = await h.post(personalMessage(h.connector.serviceUrl, question));
    expect(response.status).toBe(200);
    const final = await h.connector.waitFor(isFinalMessage);

    const [informative, ...rest] = h.connector.activities;
    expect(informative?.body).toMatchObject({ type: 'typing', text: 'Szukam w archiwum…' });
    expect(streamInfoOf(informative!)).toEqual({
      type: 'streaminfo',
      streamType: 'informative',
      streamSequence: 1,
    });
    const streamId = informative!.id;
    const chunks = rest.filter((a) => streamInfoOf(a)?.streamType === 'streaming');
    expect(chunks.length).toBeGreaterThan(0);
    chunks.forEach((chunk, i) => {
      expect(chunk.body.type).toBe('typing');
      expect(streamInfoOf(chunk)).toMatchObject({ streamId, streamSequence: i + 2 });
    });
    expect(String(chunks.at(-1)!.body.text)).toContain('[1]');

    const text = String(final.body.text);
    expect(streamInfoOf(final)).toEqual({ type: 'streaminfo', streamType: 'final', streamId });
    expect(final.body.channelData).toMatchObject({
      feedbackLoopEnabled: true,
      streamId,
      streamType: 'final',
    });
    expect(text).toContain('Źródła:');
    expect(text).toContain('WEN.9823.2020.RFZ');
    const message = entitiesOf(final).find((e) => e.type === 'https://schema.org/Message');
    expect(message).toMatchObject({
      '@type': 'Message',
      '@context': 'https://schema.org',
      additionalType: ['AIGeneratedContent'],
    });
    const claims = message!.citation as { position: number; appearance: Record<string, unknown> }[];
    expect(claims.map((c) => c.position)).toEqual(markers(text));
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(claim).toMatchObject({
        '@type': 'Claim',
        appearance: { '@type': 'DigitalDocument', name: 'WEN.9823.2020.RFZ, 2020-03-02' },
      });
      expect(claim.appearance.url).toBe('https://bip.example.pl/liaoning.pdf');
      expect(String(claim.appearance.abstract).length).toBeLessThanOrEqual(160);
      // A citation may join several quoted sentences with ' … '; each one is in the answer.
      for (const fragment of String(claim.appearance.abstract).replace(/…$/, '').split(' … '))
        expect(text).toContain(fragment.trim());
    }
    // In 1:1 chats streams go to the conversation, not as replies.
    expect(
      h.connector.activities.every(
        (a) => a.conversationId === 'a:personal-1' && a.pathActivityId === null,
      ),
    ).toBe(true);
  });

  test('a follow-up is answered with the conversation history', async () => {
    h = await startTeamsHarness();
    const url = h.connector.serviceUrl;
    await h.post(personalMessage(url, 'Jak wygląda współpraca z prowincją Liaoning?'));
    await h.channel.idle();
    await h.post(personalMessage(url, 'A od kiedy?'));
    await h.channel.idle();
    // The same words in a fresh chat have nothing to go on.
    await h.post(personalMessage(url, 'A od kiedy?', { conversationId: 'a:personal-2' }));
    await h.channel.idle();

    const finals = h.connector.activities.filter(isFinalMessage);
    expect(finals).toHaveLength(3);
    expect(String(finals[1]!.body.text)).toContain('od 2015 roku');
    expect(String(finals[1]!.body.text)).toContain('WEN.9823.2020.RFZ');
    expect(String(finals[2]!.body.text)).toBe('Nie znalazłem w archiwum odpowiedzi na to pytanie.');
    expect(h.store.recentTurns('teams:a:personal-1').map((t) => t.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  test('a redelivered message is answered once', async () => {
    h = await startTeamsHarness();
    const activity = personalMessage(
      h.connector.serviceUrl,
      'Jak wygląda współpraca z prowincją Liaoning?',
    );
    await h.post(activity);
    await h.post(activity);
    await h.channel.idle();
    expect(h.connector.activities.filter(isFinalMessage)).toHaveLength(1);
  });
});

describe('createTeamsChannel: channels', () => {
  test('an @mention is stripped and the answer is threaded under the question, without streaming', async () => {
    h = await startTeamsHarness();
    const question = 'Jak wygląda współpraca z prowincją Liaoning?';
    const activity = channelMessage(h.connector.serviceUrl, question);
    await h.post(activity);
    await h.channel.idle();

    const [typing, final, ...more] = h.connector.activities;
    expect(more).toHaveLength(0);
    expect(typing?.body.type).toBe('typing');
    expect(final?.body).toMatchObject({ type: 'message', replyToId: activity.id });
    expect(final?.pathActivityId).toBe(activity.id);
    expect(final?.conversationId).toBe('19:rada@thread.tacv2');
    expect(h.connector.activities.some((a) => streamInfoOf(a))).toBe(false);
    expect(entitiesOf(final!).find((e) => e.type === 'https://schema.org/Message')).toMatchObject({
      additionalType: ['AIGeneratedContent'],
      citation: [expect.objectContaining({ position: 1 })],
    });
    const turns = h.store.recentTurns(`teams:19:rada@thread.tacv2;messageid=${activity.id}`);
    expect(turns[0]).toEqual({ role: 'user', text: question });
  });

  test('a channel message that does not mention the bot is ignored', async () => {
    h = await startTeamsHarness();
    expect(
      (
        await h.post(
          channelMessage(h.connector.serviceUrl, 'Jak wygląda współpraca z Liaoning?', {
            mention: false,
          }),
        )
      ).status,
    ).toBe(200);
    await h.channel.idle();
    expect(h.connector.activities).toHaveLength(0);
  });
});

describe('createTeamsChannel: feedback', () => {
  test('a message/submitAction invoke is stored with the question it rates', async () => {
    h = await startTeamsHarness();
    const url = h.connector.serviceUrl;
    await h.post(personalMessage(url, 'Jak wygląda współpraca z prowincją Liaoning?'));
    const final = await h.connector.waitFor(isFinalMessage);
    await h.channel.idle();
    const invoke = {
      ...personalMessage(url, ''),
      type: 'invoke',
      name: 'message/submitAction',
      replyToId: final.id,
      value: {
        actionName: 'feedback',
        actionValue: {
          reaction: 'dislike',
          feedback: JSON.stringify({ feedbackText: 'Brak daty podpisania' }),
        },
      },
    };
    const response = await h.post(invoke);
    expect(response.status).toBe(200);
    expect(h.store.listFeedback()).toEqual([
      expect.objectContaining({
        channel: 'teams',
        userId: 'teams:aad-user-1',
        rating: 'down',
        comment: 'Brak daty podpisania',
        question: 'Jak wygląda współpraca z prowincją Liaoning?',
        citations: [expect.objectContaining({ reference: 'WEN.9823.2020.RFZ' })],
      }),
    ]);
  });
});

describe('createTeamsChannel: admin commands', () => {
  test('status and reindex are refused (and audited) for a non-admin', async () => {
    h = await startTeamsHarness();
    await h.post(personalMessage(h.connector.serviceUrl, 'status'));
    await h.post(personalMessage(h.connector.serviceUrl, 'reindex'));
    await h.channel.idle();
    expect(h.connector.activities.map((a) => a.body.text)).toEqual([
      USER_MESSAGES_PL.access_denied,
      USER_MESSAGES_PL.access_denied,
    ]);
    expect(h.statusCalls).toHaveLength(0);
    expect(h.store.listAudit()).toEqual([
      expect.objectContaining({
        channel: 'teams',
        userId: 'teams:aad-user-1',
        action: 'status',
        allowed: false,
      }),
      expect.objectContaining({ action: 'reindex', allowed: false }),
    ]);
  });

  test('an admin gets the status and can reindex, with progress edits', async () => {
    h = await startTeamsHarness();
    await h.post(personalMessage(h.connector.serviceUrl, 'status', { aadObjectId: ADMIN_AAD_ID }));
    await h.post(
      personalMessage(h.connector.serviceUrl, '/reindex', { aadObjectId: ADMIN_AAD_ID }),
    );
    await h.channel.idle();
    const [status, started, ...rest] = h.connector.activities;
    expect(String(status?.body.text)).toContain(`${TEAMS_TEXT.statusLetters}: 2`);
    expect(started?.body.text).toBe(TEAMS_TEXT.reindexStarted);
    const edits = rest.filter((a) => a.method === 'PUT');
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.every((e) => e.pathActivityId === started!.id)).toBe(true);
    expect(rest.at(-1)?.body.text).toBe('Zsynchronizowano 2 pisma.');
    expect(h.store.listAudit().map((a) => [a.action, a.allowed])).toEqual([
      ['status', true],
      ['reindex', true],
      ['reindex.finished', true],
    ]);
  });
});

describe('createTeamsChannel: failures', () => {
  const failing: Answerer = {
    // eslint-disable-next-line require-yield -- an answer that fails before its first event
    async *answer() {
      throw new Error('index exploded');
    },
  };

  test('a failure mid-stream closes the stream with one short Polish sentence', async () => {
    h = await startTeamsHarness({ assistant: failing });
    await h.post(personalMessage(h.connector.serviceUrl, 'Jak wygląda współpraca z Liaoning?'));
    await h.channel.idle();
    const [informative, final] = h.connector.activities;
    expect(final?.body).toMatchObject({ type: 'message', text: USER_MESSAGES_PL.internal });
    expect(streamInfoOf(final!)).toEqual({
      type: 'streaminfo',
      streamType: 'final',
      streamId: informative!.id,
    });
    expect(h.store.recentTurns('teams:a:personal-1')).toEqual([]);
  });

  test('in a channel the failure is one threaded Polish sentence', async () => {
    h = await startTeamsHarness({ assistant: failing });
    const activity = channelMessage(h.connector.serviceUrl, 'Jak wygląda współpraca z Liaoning?');
    await h.post(activity);
    await h.channel.idle();
    expect(h.connector.activities.at(-1)?.body).toMatchObject({
      type: 'message',
      text: USER_MESSAGES_PL.internal,
      replyToId: activity.id,
    });
  });
});

describe('createTeamsChannel: malformed input', () => {
  test.each([
    ['not JSON', '{"type": "message",'],
    ['an array', '[]'],
    [
      'no serviceUrl',
      JSON.stringify({
        type: 'message',
        text: 'x',
        channelId: 'msteams',
        from: { id: 'u' },
        recipient: { id: 'b' },
        conversation: { id: 'c' },
      }),
    ],
    [
      'no type',
      JSON.stringify({
        serviceUrl: 'http://127.0.0.1:9/',
        channelId: 'msteams',
        from: { id: 'u' },
        recipient: { id: 'b' },
        conversation: { id: 'c' },
      }),
    ],
  ])('%s gets 400 and the server keeps serving', async (_name, body) => {
    h = await startTeamsHarness();
    expect((await h.post(body)).status).toBe(400);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(h.connector.activities).toHaveLength(0);
  });
});
