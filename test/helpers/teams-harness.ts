/**
 * A running Teams channel for flow tests: the real assistant over an
 * in-memory SQLite index with two letters, the real state store, the real
 * HTTP server and botbuilder, and a fake Bot Connector as the only fake.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { StateStore } from '../../src/assistant/state-store.js';
import { createAssistant } from '../../src/assistant/create-assistant.js';
import type { Answerer } from '../../src/assistant/types.js';
import {
  createTeamsChannel,
  type TeamsChannel,
} from '../../src/channels/teams/create-teams-channel.js';
import type { ArchiveStatus } from '../../src/assistant/types.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { channelDeps } from './channel-deps.js';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.js';
import { makeLetter, makePassages } from './letters.js';

export const ADMIN_AAD_ID = 'aad-admin-1';
export const BOT = { id: '28:bot-kancelaria', name: 'Kancelaria' } as const;

export interface TeamsHarness {
  readonly connector: FakeBotConnector;
  readonly store: StateStore;
  readonly channel: TeamsChannel;
  readonly statusCalls: number[];
  /** POSTs an activity (object or raw text) to `/api/messages`. */
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  readonly url: string;
  close(): Promise<void>;
}

async function seed(index: SqliteIndex): Promise<void> {
  await index.upsertLetter(
    makeLetter({
      id: 'liaoning',
      file: 'liaoning.pdf',
      reference: 'WEN.9823.2020.RFZ',
      date: '2020-03-02',
      title: 'Współpraca z prowincją Liaoning',
      author: 'Marcin Michalik',
      url: 'https://bip.example.pl/liaoning.pdf',
    }),
    makePassages('liaoning', [
      'Miasto Chorzów prowadzi współpracę partnerską z miastem Yingkou w prowincji Liaoning od 2015 roku.',
      'Porozumienie o współpracy podpisano w Pekinie w obecności przedstawicieli obu miast.',
    ]),
  );
  await index.upsertLetter(
    makeLetter({
      id: 'drogi',
      file: 'drogi.docx',
      reference: 'ZDM.7010.12.2021',
      date: '2021-05-10',
      title: 'Remont ulicy Wolności',
    }),
    makePassages('drogi', [
      'Remont nawierzchni ulicy Wolności zostanie zakończony w październiku 2021 roku.',
      'Umowę na remont podpisano w Katowicach z firmą Budrex.',
    ]),
  );
}

export interface TeamsHarnessOptions {
  /** Adds settings (e.g. MICROSOFT_APP_ID for the auth test). */
  readonly env?: Record<string, string>;
  /** Replaces the real assistant (only for failure tests). */
  readonly assistant?: Answerer;
  /** Also seeds `RESTRICTED_LETTER`, readable only by the `finanse` access group. */
  readonly withRestrictedLetter?: boolean;
}

/** The restricted letter `withRestrictedLetter` seeds, and a question it answers. */
export const RESTRICTED_LETTER = {
  reference: 'FN.3021.7.2022',
  accessGroup: 'finanse',
  question: 'Jakie było wynagrodzenie prezesa spółki Wodociągi Miejskie?',
} as const;

/** Starts everything. */
export async function startTeamsHarness({
  env = {},
  assistant,
  withRestrictedLetter = false,
}: TeamsHarnessOptions = {}): Promise<TeamsHarness> {
  const logger = silentLogger();
  const connector = await startFakeBotConnector();
  const index = new SqliteIndex({ path: ':memory:' });
  await seed(index);
  if (withRestrictedLetter)
    await index.upsertLetter(
      makeLetter({
        id: 'wynagrodzenia',
        file: 'wynagrodzenia.pdf',
        reference: RESTRICTED_LETTER.reference,
        date: '2022-02-14',
        title: 'Wynagrodzenie prezesa spółki Wodociągi Miejskie',
        accessGroup: RESTRICTED_LETTER.accessGroup,
      }),
      makePassages('wynagrodzenia', [
        'Wynagrodzenie prezesa spółki Wodociągi Miejskie wynosi 18 500 zł brutto miesięcznie.',
      ]),
    );
  const store = new StateStore({ path: ':memory:' });
  const statusCalls: number[] = [];
  const status = async (): Promise<ArchiveStatus> => {
    statusCalls.push(Date.now());
    const stats = await index.stats();
    return {
      backend: 'sqlite',
      letters: stats.letters,
      passages: stats.passages,
      lastSync: null,
      llmModel: null,
    };
  };
  const channel = createTeamsChannel(
    channelDeps({
      config: loadConfig({ TEAMS_ADMIN_AAD_IDS: ADMIN_AAD_ID, ...env }),
      // Drafts are audited in the state store, as the app composes it.
      assistant:
        assistant ?? createAssistant({ index, logger, audit: (record) => store.audit(record) }),
      store,
      logger,
      status,
      reindex: async (onProgress) => {
        onProgress('1/2 liaoning.pdf');
        onProgress('2/2 drogi.docx');
        return 'Zsynchronizowano 2 pisma.';
      },
    }),
    {
      // Without an app id the flow tests post unsigned activities: botbuilder's anonymous
      // authentication stands in for signed ones, so identities count as authenticated.
      ...(env.MICROSOFT_APP_ID || env.TEAMS_EMULATOR
        ? {}
        : { botFrameworkAuthentication: new ConfigurationBotFrameworkAuthentication({}) }),
      streamIntervalMs: 0,
      progressIntervalMs: 0,
    },
  );
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    routes: channel.routes,
    health: async () => ({}),
    logger,
  });
  return {
    connector,
    store,
    channel,
    statusCalls,
    url: server.url,
    post: (activity, headers = {}) =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      }),
    async close() {
      await channel.idle();
      await server.close();
      await connector.close();
      store.close();
      await index.close();
    },
  };
}

let counter = 0;

/** A user's message in a 1:1 chat with the bot. */
export function personalMessage(
  serviceUrl: string,
  text: string,
  { conversationId = 'a:personal-1', aadObjectId = 'aad-user-1' } = {},
) {
  counter += 1;
  return {
    type: 'message',
    id: `msg-${counter}`,
    channelId: 'msteams',
    serviceUrl,
    text,
    from: { id: `29:${aadObjectId}`, name: 'Radna Anna', aadObjectId },
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
  };
}

/** A root post in a channel (or a group chat) that @mentions the bot (when `mention` is true). */
export function channelMessage(
  serviceUrl: string,
  question: string,
  {
    mention = true,
    conversationType = 'channel',
  }: { mention?: boolean; conversationType?: 'channel' | 'groupChat' } = {},
) {
  counter += 1;
  const tag = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    id: `1700000000${counter}`,
    channelId: 'msteams',
    serviceUrl,
    text: mention ? `${tag} ${question}` : question,
    from: { id: '29:aad-user-2', name: 'Radny Jan', aadObjectId: 'aad-user-2' },
    recipient: BOT,
    conversation: {
      id: conversationType === 'channel' ? '19:rada@thread.tacv2' : '19:komisja@thread.v2',
      conversationType,
      isGroup: true,
      tenantId: 'tenant-1',
    },
    entities: mention ? [{ type: 'mention', text: tag, mentioned: BOT }] : [],
  };
}
