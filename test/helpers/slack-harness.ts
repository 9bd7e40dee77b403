/**
 * Builds the real Slack channel over a real assistant and a real in-memory
 * index, with only Slack's side faked (test/fakes/slack-api.ts). HTTP mode
 * also starts the one server on 127.0.0.1 port 0 with the channel's routes.
 */
import type { LlmClient } from '../../src/answer/llm-client.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { createAssistant } from '../../src/assistant/create-assistant.js';
import { StateStore } from '../../src/assistant/state-store.js';
import type { Answerer } from '../../src/assistant/types.js';
import {
  createSlackChannel,
  type SlackChannel,
  type SlackChannelOptions,
} from '../../src/channels/slack/create-slack-channel.js';
import type { ArchiveStatus } from '../../src/assistant/types.js';
import type { AdminCommandsOptions } from '../../src/assistant/admin-commands.js';
import { loadConfig } from '../../src/config.js';
import { channelDeps } from './channel-deps.js';
import { silentLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { seedSampleArchive } from './sample-archive.js';
import { SIGNING_SECRET } from './slack-requests.js';

export const ADMIN_ID = 'UADMIN';

export interface SlackHarness {
  readonly slack: FakeSlackApi;
  readonly store: StateStore;
  readonly channel: SlackChannel;
  /** Base URL of the app's server (HTTP mode only). */
  readonly server: RunningServer | null;
  readonly eventsUrl: string;
  close(): Promise<void>;
}

export interface SlackHarnessOptions {
  readonly socketMode?: boolean;
  /** Wraps the real assistant (e.g. to slow it down or script its events). */
  readonly wrapAssistant?: (assistant: Answerer) => Answerer;
  readonly reindex?: AdminCommandsOptions['reindex'];
  /** The assistant's LLM (e.g. one on test/fakes/openai-server.ts); extractive answers without it. */
  readonly llm?: LlmClient;
  readonly overrides?: Partial<SlackChannelOptions>;
  /** `ACCESS_GROUPS` as config.ts parses it (`slack:U1` → groups). */
  readonly accessGroups?: Record<string, string[]>;
  /** Further environment for `loadConfig` (e.g. `OFFICE_*`). */
  readonly env?: Record<string, string>;
}

const STATUS: ArchiveStatus = {
  backend: 'sqlite',
  letters: 2,
  passages: 5,
  lastSync: '2026-01-02T03:04:05.000Z',
  llmModel: null,
};

/** Starts a fake Slack, the channel and (HTTP mode) the server. */
export async function startSlackHarness({
  socketMode = false,
  wrapAssistant,
  reindex,
  llm,
  overrides = {},
  accessGroups = {},
  env = {},
}: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const slack = await startFakeSlackApi();
  const index = new SqliteIndex({ path: ':memory:' });
  await seedSampleArchive(index);
  const logger = silentLogger();
  const store = new StateStore({ path: ':memory:' });
  // Drafts are audited in the state store, as the app composes it.
  const real = createAssistant({
    index,
    logger,
    ...(llm ? { llm } : {}),
    audit: (record) => store.audit(record),
  });
  let ids = 0;
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    ...(socketMode ? { SLACK_APP_TOKEN: 'xapp-test' } : {}),
    SLACK_API_URL: slack.apiUrl,
    SLACK_ADMIN_USER_IDS: ADMIN_ID,
    ...env,
  });
  const channel = createSlackChannel(
    channelDeps({
      config: { ...config, ACCESS_GROUPS: accessGroups },
      assistant: wrapAssistant ? wrapAssistant(real) : real,
      store,
      logger,
      status: async () => STATUS,
      reindex:
        reindex ??
        (async (onProgress) => {
          onProgress('10/20 pism');
          return 'Zsynchronizowano: 2 nowe, 0 zmienionych, 0 usuniętych.';
        }),
    }),
    {
      newId: () => `answer-${++ids}`,
      retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 },
      progressIntervalMs: 0,
      ...overrides,
    },
  );
  const server = socketMode
    ? null
    : await startServer({
        port: 0,
        host: '127.0.0.1',
        routes: channel.routes,
        health: async () => ({}),
        logger,
      });
  await channel.start();
  return {
    slack,
    store,
    channel,
    server,
    eventsUrl: server ? `${server.url}/slack/events` : '',
    close: async () => {
      await channel.stop();
      await server?.close();
      await slack.close();
      store.close();
      await index.close();
    },
  };
}
