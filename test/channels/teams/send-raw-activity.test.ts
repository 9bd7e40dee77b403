/**
 * The raw connector, read at the (fake) Bot Connector: entities arrive
 * intact, requests are signed by botbuilder's credentials, 429 is retried.
 * The first test pins the botbuilder behaviour that makes it necessary.
 */
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { buildAiMessageEntity } from '../../../src/channels/teams/render-answer.js';
import {
  createRawConnector,
  type SignableRequest,
} from '../../../src/channels/teams/send-raw-activity.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/bot-connector.js';
import type { Citation } from '../../../src/answer/types.js';

const citation: Citation = {
  n: 1,
  letterId: 'l1',
  file: 'pismo.pdf',
  page: 2,
  reference: 'WEN.9823.2020.RFZ',
  date: '2020-03-02',
  author: 'Marcin Michalik',
  authorRole: null,
  title: null,
  url: null,
  ocr: false,
  quote: 'Miasto prowadzi współpracę z Yingkou.',
};
const aiEntity = buildAiMessageEntity([citation]);
const activity = {
  type: 'message' as const,
  text: 'Odpowiedź [1]',
  entities: [{ type: 'streaminfo', streamType: 'final', streamId: 's1' }, aiEntity],
};

/** Credentials that sign like botbuilder's TokenCredentials, without a token service. */
const signingCredentials = {
  credentials: {
    signRequest: async (r: SignableRequest) => r.headers.set('authorization', 'Bearer test-token'),
  },
};

let connector: FakeBotConnector;
beforeEach(async () => {
  connector = await startFakeBotConnector();
});
afterEach(async () => {
  await connector.close();
});

describe('createRawConnector', () => {
  test("botbuilder 4.23's own serialiser strips entity fields (why the raw connector exists)", async () => {
    const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), {
      baseUri: connector.serviceUrl,
    });
    await client.conversations.sendToConversation('c1', {
      ...activity,
      entities: [...activity.entities],
    } as never);
    expect(connector.activities[0]?.body.entities).toEqual([
      { type: 'streaminfo' },
      { type: 'https://schema.org/Message' },
    ]);
  });

  test('sends entities exactly as built, signed with the connector credentials', async () => {
    const raw = createRawConnector({
      connector: signingCredentials,
      serviceUrl: connector.serviceUrl,
    });
    const id = await raw.send('19:abc@thread.tacv2;messageid=17', { ...activity, replyToId: '17' });
    const [sent] = connector.activities;
    expect(id).toBe(sent?.id);
    expect(sent).toMatchObject({
      method: 'POST',
      conversationId: '19:abc@thread.tacv2;messageid=17',
      pathActivityId: '17',
      authorization: 'Bearer test-token',
    });
    expect(sent?.body.entities).toEqual(JSON.parse(JSON.stringify(activity.entities)));
  });

  test('with credentials that add no token (no app id), sends without Authorization', async () => {
    const raw = createRawConnector({
      connector: new ConnectorClient(new MicrosoftAppCredentials('', ''), {}),
      serviceUrl: connector.serviceUrl,
    });
    await raw.update('c1', 'act-9', activity);
    expect(connector.activities[0]).toMatchObject({
      method: 'PUT',
      pathActivityId: 'act-9',
      authorization: null,
    });
  });

  test('retries once on 429 after Retry-After, then reports other failures as BotError', async () => {
    const statuses = [429, 200, 500];
    const waits: number[] = [];
    const fakeFetch: typeof fetch = async () =>
      new Response(JSON.stringify({ id: 'x1' }), {
        status: statuses.shift() ?? 500,
        headers: { 'retry-after': '2' },
      });
    const raw = createRawConnector({
      connector: signingCredentials,
      serviceUrl: 'http://127.0.0.1:9/',
      fetch: fakeFetch,
      sleep: async (ms) => void waits.push(ms),
    });
    await expect(raw.send('c1', activity)).resolves.toBe('x1');
    expect(waits).toEqual([2000]);
    await expect(raw.send('c1', activity)).rejects.toMatchObject({ code: 'internal' });
  });
});
