/**
 * Teams outside 1:1 chats and with restricted letters, as the Bot Connector
 * receives it: in channels and group chats an @mention gets one threaded reply
 * with the AI label, Claim citations within Teams' limits and the feedback
 * buttons; a restricted letter's citation (1:1 only) carries its sensitivity label;
 * the privacy and terms pages of the app manifest are served.
 */
import { LEGAL_TEXTS } from '../../src/channels/legal/legal-texts.js';
import type { RecordedActivity } from '../fakes/bot-connector.js';
import {
  BOT,
  RESTRICTED_LETTER,
  channelMessage,
  personalMessage,
  startTeamsHarness,
  type TeamsHarness,
} from '../helpers/teams-harness.js';

type Entity = Record<string, unknown> & { type: string };
interface Claim {
  position: number;
  appearance: {
    name: string;
    abstract: string;
    keywords?: string[];
    usageInfo?: { '@type': string; name: string };
  };
}
const aiEntityOf = (a: RecordedActivity | undefined) =>
  ((a?.body.entities ?? []) as Entity[]).find((e) => e.type === 'https://schema.org/Message');
const claimsOf = (a: RecordedActivity | undefined) => (aiEntityOf(a)?.citation ?? []) as Claim[];
const finalOf = (h: TeamsHarness) =>
  h.connector.activities.filter((a) => a.body.type === 'message');

let h: TeamsHarness;
afterEach(async () => {
  await h.close();
});

describe.each(['channel', 'groupChat'] as const)('a %s @mention', (conversationType) => {
  test('gets one threaded reply with the AI label, citations within limits and feedback', async () => {
    h = await startTeamsHarness();
    const activity = channelMessage(
      h.connector.serviceUrl,
      'Jak wygląda współpraca z prowincją Liaoning?',
      { conversationType },
    );
    await h.post(activity);
    await h.channel.idle();

    const [final, ...more] = finalOf(h);
    expect(more).toEqual([]);
    expect(final?.body).toMatchObject({
      replyToId: activity.id,
      channelData: { feedbackLoopEnabled: true },
    });
    expect(aiEntityOf(final)).toMatchObject({ additionalType: ['AIGeneratedContent'] });
    const claims = claimsOf(final);
    expect(claims.length).toBeGreaterThan(0);
    for (const { appearance } of claims) {
      expect([...appearance.name].length).toBeLessThanOrEqual(80);
      expect([...appearance.abstract].length).toBeLessThanOrEqual(160);
      expect((appearance.keywords ?? []).length).toBeLessThanOrEqual(3);
      expect((appearance.keywords ?? []).every((k) => [...k].length <= 28)).toBe(true);
    }
    expect(claims[0]!.appearance.name).toContain('WEN.9823.2020.RFZ');
    // Every [n] of the text has its claim.
    const text = String(final?.body.text);
    for (const claim of claims) expect(text).toContain(`[${claim.position}]`);
    // The mention was stripped before the question was asked: the bot's name is no search term.
    const turns = h.store.recentTurns(
      conversationType === 'channel'
        ? `teams:19:rada@thread.tacv2;messageid=${activity.id}`
        : 'teams:19:komisja@thread.v2',
    );
    expect(turns[0]).toEqual({
      role: 'user',
      text: 'Jak wygląda współpraca z prowincją Liaoning?',
    });
    expect(turns[0]!.text).not.toContain(BOT.name);
  });
});

describe('sensitivity labels on citations', () => {
  const env = {
    ACCESS_GROUPS: `teams:aad-user-1=${RESTRICTED_LETTER.accessGroup}`,
    TEAMS_SENSITIVITY_LABELS: `${RESTRICTED_LETTER.accessGroup}=Poufne \\ Finanse`,
  };

  test('a restricted letter cited in a 1:1 chat carries its group\u2019s label', async () => {
    h = await startTeamsHarness({ env, withRestrictedLetter: true });
    await h.post(personalMessage(h.connector.serviceUrl, RESTRICTED_LETTER.question));
    await h.channel.idle();
    const [final] = finalOf(h);
    const restricted = claimsOf(final).find((c) =>
      c.appearance.name.includes(RESTRICTED_LETTER.reference),
    );
    expect(restricted?.appearance.usageInfo).toMatchObject({
      '@type': 'CreativeWork',
      name: 'Poufne \\ Finanse',
    });
    expect(aiEntityOf(final)?.usageInfo).toMatchObject({ name: 'Poufne \\ Finanse' });
  });

  test('a public letter\u2019s citation carries no label', async () => {
    h = await startTeamsHarness({ env, withRestrictedLetter: true });
    await h.post(
      personalMessage(h.connector.serviceUrl, 'Jak wygląda współpraca z prowincją Liaoning?'),
    );
    await h.channel.idle();
    const [final] = finalOf(h);
    expect(claimsOf(final).length).toBeGreaterThan(0);
    expect(claimsOf(final).every((c) => c.appearance.usageInfo === undefined)).toBe(true);
    expect(aiEntityOf(final)?.usageInfo).toBeUndefined();
  });
});

describe('the pages the Teams manifest points at', () => {
  test.each([
    ['/privacy', LEGAL_TEXTS.privacy],
    ['/terms', LEGAL_TEXTS.terms],
  ])('%s is served in Polish and English, self-contained', async (path, texts) => {
    h = await startTeamsHarness();
    const res = await fetch(`${h.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(`<section lang="pl">`);
    expect(html).toContain(`<section lang="en">`);
    expect(html).toContain(texts.pl.title);
    expect(html).toContain(texts.en.title);
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect((await fetch(`${h.url}${path}`, { method: 'POST' })).status).toBe(405);
  });
});
