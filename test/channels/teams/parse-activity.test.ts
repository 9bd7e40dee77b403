import {
  historyKey,
  isBotMentioned,
  parseActivity,
  stripBotMention,
} from '../../../src/channels/teams/parse-activity.js';

const base = {
  type: 'message',
  id: '1701',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  from: { id: '29:u', aadObjectId: 'aad-u' },
  recipient: { id: '28:bot', name: 'Kancelaria' },
  conversation: { id: '19:rada@thread.tacv2', conversationType: 'channel' },
};

function parsed(overrides: Record<string, unknown>) {
  const result = parseActivity(JSON.stringify({ ...base, ...overrides }));
  if (!result.ok) throw new Error(result.reason);
  return result.activity;
}

describe('parseActivity', () => {
  test('rejects non-HTTP service URLs and missing accounts with a reason', () => {
    const bad = parseActivity(JSON.stringify({ ...base, serviceUrl: 'file:///etc/passwd' }));
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('serviceUrl') });
    expect(parseActivity(JSON.stringify({ ...base, from: undefined }))).toMatchObject({
      ok: false,
    });
  });
});

describe('stripBotMention / isBotMentioned', () => {
  test("removes only the bot's mention and tidies spaces", () => {
    const activity = parsed({
      text: '<at>Kancelaria</at>&nbsp;co z <at>Jan</at> i   Liaoning?',
      entities: [
        { type: 'mention', text: '<at>Kancelaria</at>', mentioned: { id: '28:bot' } },
        { type: 'mention', text: '<at>Jan</at>', mentioned: { id: '29:jan' } },
      ],
    });
    expect(isBotMentioned(activity)).toBe(true);
    expect(stripBotMention(activity)).toBe('co z <at>Jan</at> i Liaoning?');
  });

  test('a mention of someone else is not a mention of the bot', () => {
    expect(
      isBotMentioned(parsed({ entities: [{ type: 'mention', mentioned: { id: '29:jan' } }] })),
    ).toBe(false);
  });
});

describe('historyKey', () => {
  test('a channel root post keys its own thread; replies in it share the key; 1:1 chats key the chat', () => {
    expect(historyKey(parsed({}))).toBe('teams:19:rada@thread.tacv2;messageid=1701');
    expect(
      historyKey(
        parsed({
          id: '1702',
          conversation: { id: '19:rada@thread.tacv2;messageid=1701', conversationType: 'channel' },
        }),
      ),
    ).toBe('teams:19:rada@thread.tacv2;messageid=1701');
    expect(
      historyKey(parsed({ conversation: { id: 'a:chat', conversationType: 'personal' } })),
    ).toBe('teams:a:chat');
  });
});
