/**
 * Drafting in Teams through the loopback Bot Connector: `szkic …` in a
 * personal chat drafts through the assistant and offers the DOCX with a file
 * consent card; accepting it (`fileConsent/invoke`) PUTs the bytes to the
 * upload URL and posts a file info card; declining sends nothing; in a
 * channel the bot points to the personal chat.
 */
import { strFromU8, unzipSync } from 'fflate';
import { TEAMS_DRAFT_TEXT } from '../../src/messages.js';
import {
  FILE_CONSENT_CARD,
  FILE_CONSENT_INVOKE,
  FILE_INFO_CARD,
} from '../../src/channels/teams/offer-draft.js';
import type { RecordedActivity } from '../fakes/bot-connector.js';
import {
  BOT,
  channelMessage,
  personalMessage,
  startTeamsHarness,
  type TeamsHarness,
} from '../helpers/teams-harness.js';

let h: TeamsHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Attachment = {
  contentType: string;
  name?: string;
  contentUrl?: string;
  content: Record<string, unknown>;
};
const attachmentOf = (a: RecordedActivity) => (a.body.attachments as Attachment[] | undefined)?.[0];

const REQUEST =
  'szkic Proszę o informację o współpracy z prowincją Liaoning\ndo: Pan Grzegorz Krzak, Radny Miasta Chorzów';

function consentInvoke(
  serviceUrl: string,
  value: Record<string, unknown>,
  aadObjectId = 'aad-user-1',
) {
  return {
    type: 'invoke',
    name: FILE_CONSENT_INVOKE,
    id: `invoke-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${aadObjectId}`, name: 'Radna Anna', aadObjectId },
    recipient: BOT,
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    value: { type: 'fileUpload', ...value },
  };
}

async function offered(harness: TeamsHarness) {
  expect((await harness.post(personalMessage(harness.connector.serviceUrl, REQUEST))).status).toBe(
    200,
  );
  const card = await harness.connector.waitFor(
    (a) => attachmentOf(a)?.contentType === FILE_CONSENT_CARD,
  );
  return attachmentOf(card)!;
}

describe('Teams: a reply draft in a personal chat', () => {
  test('a file consent card, then on accept the DOCX is uploaded and shown as a file card', async () => {
    h = await startTeamsHarness();
    const card = await offered(h);
    expect(card.name).toMatch(/^szkic-odpowiedzi-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(card.content.description).toMatch(
      /^Szkic odpowiedzi \(DOCX\)\. Szkic odpowiedzi do sprawdzenia/,
    );
    const size = card.content.sizeInBytes as number;
    expect(size).toBeGreaterThan(1000);
    const { draftId } = card.content.acceptContext as { draftId: string };
    expect(card.content.declineContext).toEqual({ draftId });

    const res = await h.post(
      consentInvoke(h.connector.serviceUrl, {
        action: 'accept',
        context: { draftId },
        uploadInfo: {
          uploadUrl: h.connector.uploadUrl('szkic.docx'),
          contentUrl: 'https://urzad-my.sharepoint.com/personal/anna/szkic.docx',
          name: 'szkic.docx',
          uniqueId: 'item-1',
          fileType: 'docx',
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(h.connector.uploads).toHaveLength(1);
    const [upload] = h.connector.uploads;
    expect(upload!.bytes.length).toBe(size);
    expect(upload!.contentRange).toBe(`bytes 0-${size - 1}/${size}`);
    const document = strFromU8(unzipSync(new Uint8Array(upload!.bytes))['word/document.xml']!);
    expect(document).toContain('Szanowny Panie Radny,');
    expect(document).toContain('Grzegorz Krzak');
    const info = await h.connector.waitFor((a) => attachmentOf(a)?.contentType === FILE_INFO_CARD);
    expect(attachmentOf(info)).toEqual({
      contentType: FILE_INFO_CARD,
      contentUrl: 'https://urzad-my.sharepoint.com/personal/anna/szkic.docx',
      name: 'szkic.docx',
      content: { uniqueId: 'item-1', fileType: 'docx' },
    });
    expect(h.store.listAudit().map((a) => [a.channel, a.userId, a.action])).toEqual([
      ['teams', 'teams:aad-user-1', 'draft'],
    ]);
  });

  test('declined: nothing is uploaded; another user cannot claim the draft', async () => {
    h = await startTeamsHarness();
    const { draftId } = (await offered(h)).content.acceptContext as { draftId: string };
    await h.post(
      consentInvoke(
        h.connector.serviceUrl,
        {
          action: 'accept',
          context: { draftId },
          uploadInfo: {
            uploadUrl: h.connector.uploadUrl('x.docx'),
            contentUrl: 'https://x/x.docx',
            name: 'x.docx',
          },
        },
        'aad-other',
      ),
    );
    await h.connector.waitFor((a) => a.body.text === TEAMS_DRAFT_TEXT.expired);
    await h.post(
      consentInvoke(h.connector.serviceUrl, { action: 'decline', context: { draftId } }),
    );
    await h.connector.waitFor((a) => a.body.text === TEAMS_DRAFT_TEXT.declined);
    expect(h.connector.uploads).toEqual([]);
  });

  test('in a channel the bot points to the personal chat and drafts nothing', async () => {
    h = await startTeamsHarness();
    await h.post(channelMessage(h.connector.serviceUrl, 'szkic Proszę o informację o Liaoning'));
    const reply = await h.connector.waitFor((a) => a.body.type === 'message');
    expect(String(reply.body.text)).toContain('czacie prywatnym');
    expect(h.store.listAudit()).toEqual([]);
  });
});
