/**
 * Drives each real channel once per question and returns exactly what it
 * sent out: Slack Web API calls and response-URL posts (fake Slack on
 * loopback), Teams activities (fake Bot Connector), the web console's HTTP
 * bodies, the CLI's printed text.
 */
import type { Assistant, ChatTurn } from '../../src/assistant/types.js';
import { StateStore } from '../../src/assistant/state-store.js';
import { channelDeps } from '../../test/helpers/channel-deps.js';
import { createWebConsole } from '../../src/channels/web/create-web-console.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import type { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { startSlackHarness, type SlackHarness } from '../../test/helpers/slack-harness.js';
import { eventCallback, postSigned, slashCommand } from '../../test/helpers/slack-requests.js';
import {
  channelMessage,
  personalMessage,
  startTeamsHarness,
  type TeamsHarness,
} from '../../test/helpers/teams-harness.js';
import { ACCESS_GROUPS_ENV, GRANTED_GROUPS, USERS, trackAnswers } from './exposure-world.js';

export type SlackWay =
  'mention' | 'dm' | 'slash' | 'slash-private' | 'group-dm' | 'forwarded-in-channel';
export type TeamsWay = 'personal' | 'channel' | 'group-chat';

export interface SlackDriver {
  ask(
    way: SlackWay,
    userId: string,
    question: string,
    history?: readonly ChatTurn[],
  ): Promise<string>;
  close(): Promise<void>;
}

let ts = 1_700_000_000;
const nextTs = () => `${(ts += 1)}.000100`;

/** The Slack channel in HTTP mode over `assistant`, with `ACCESS_GROUPS` for the granted user. */
export async function startSlackDriver(assistant: Assistant): Promise<SlackDriver> {
  const tracked = trackAnswers(assistant);
  const h: SlackHarness = await startSlackHarness({
    wrapAssistant: () => tracked.assistant,
    accessGroups: { [`slack:${USERS.slackGranted}`]: GRANTED_GROUPS },
  });
  let responses = 0;
  return {
    async ask(way, userId, question, history = []) {
      const before = h.slack.calls.length;
      h.slack.setReplies(
        history.map((turn, i) => ({
          ts: `1600000000.00${i}`,
          text: turn.text,
          ...(turn.role === 'user' ? { user: userId } : { bot_id: 'BBOT', user: 'UBOT' }),
        })),
      );
      if (way === 'slash' || way === 'slash-private') {
        const id = `r${(responses += 1)}`;
        await postSigned(h.eventsUrl, {
          body: slashCommand({
            command: '/archiwum',
            text: way === 'slash-private' ? `-p ${question}` : question,
            user_id: userId,
            response_url: h.slack.responseUrl(id),
          }),
          contentType: 'application/x-www-form-urlencoded',
        });
        await h.slack.waitFor(
          () => h.slack.calls.slice(before).some((c) => c.method === 'response_url'),
          20_000,
        );
      } else {
        const done = tracked.finished();
        const eventTs = nextTs();
        const threadTs = way === 'forwarded-in-channel' ? '1600000000.000' : undefined;
        const event =
          way === 'dm'
            ? {
                type: 'message',
                channel: 'D1',
                channel_type: 'im',
                user: userId,
                text: question,
                ts: eventTs,
              }
            : {
                type: 'app_mention',
                channel: way === 'group-dm' ? 'G1' : 'C1',
                ...(way === 'group-dm' ? { channel_type: 'mpim' } : {}),
                user: userId,
                text: `<@UBOT> ${question}`,
                ts: eventTs,
                ...(threadTs ? { thread_ts: threadTs } : {}),
              };
        await postSigned(h.eventsUrl, {
          body: eventCallback({ ...event, event_ts: eventTs }),
          contentType: 'application/json',
        });
        await h.slack.waitFor(() => tracked.finished() > done, 20_000);
      }
      return JSON.stringify(
        h.slack.calls
          .slice(before)
          .filter((c) => c.method !== 'conversations.replies' && c.method !== 'auth.test')
          .map((c) => c.args),
      );
    },
    close: () => h.close(),
  };
}

export interface TeamsDriver {
  ask(way: TeamsWay, aadObjectId: string, question: string): Promise<string>;
  close(): Promise<void>;
}

/** The Teams channel over `assistant`; `emulator` runs it as TEAMS_EMULATOR=true would. */
export async function startTeamsDriver(
  assistant: Assistant,
  { emulator = false } = {},
): Promise<TeamsDriver> {
  const h: TeamsHarness = await startTeamsHarness({
    assistant,
    env: { ACCESS_GROUPS: ACCESS_GROUPS_ENV, ...(emulator ? { TEAMS_EMULATOR: 'true' } : {}) },
  });
  let n = 0;
  return {
    async ask(way, aadObjectId, question) {
      const before = h.connector.activities.length;
      n += 1;
      const activity =
        way === 'personal'
          ? personalMessage(h.connector.serviceUrl, question, {
              conversationId: `a:personal-${aadObjectId}`,
              aadObjectId,
            })
          : way === 'channel'
            ? channelMessage(h.connector.serviceUrl, question)
            : {
                ...channelMessage(h.connector.serviceUrl, question),
                conversation: {
                  id: `19:group-${n}@thread.v2`,
                  conversationType: 'groupChat',
                  tenantId: 'tenant-1',
                },
              };
      const res = await h.post(activity);
      if (res.status >= 300) return `HTTP ${res.status}`;
      await h.channel.idle();
      return JSON.stringify(h.connector.activities.slice(before).map((a) => a.body));
    },
    close: () => h.close(),
  };
}

export interface WebDriver {
  ask(staff: string | undefined, question: string, history?: readonly ChatTurn[]): Promise<string>;
  draft(staff: string | undefined, request: string): Promise<string>;
  close(): Promise<void>;
}

const TOKEN = 'exposure-console-token-0123456789';

/** The web console on a loopback server over `assistant` (answers and drafts both go through it). */
export async function startWebDriver(
  assistant: Assistant,
  _index?: SqliteIndex,
): Promise<WebDriver> {
  const logger = silentLogger();
  const store = new StateStore({ path: ':memory:' });
  const config = loadConfig({ WEB_CONSOLE_TOKEN: TOKEN, ACCESS_GROUPS: ACCESS_GROUPS_ENV });
  const web = createWebConsole(channelDeps({ config, assistant, logger, store }));
  const server: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    routes: web.routes,
    logger,
    health: async () => ({}),
  });
  const post = async (route: string, body: unknown) => {
    const res = await fetch(`${server.url}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.text();
  };
  return {
    ask: (staff, question, history) =>
      post('/api/ask', { question, ...(staff ? { staff } : {}), ...(history ? { history } : {}) }),
    draft: (staff, request) => post('/api/draft', { request, ...(staff ? { staff } : {}) }),
    async close() {
      await server.close();
      store.close();
    },
  };
}
