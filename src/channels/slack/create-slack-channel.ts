/**
 * The Slack channel: a real Bolt app over the assistant core. Socket Mode
 * when `SLACK_APP_TOKEN` is set (no public URL: fits a city hall firewall);
 * otherwise Bolt's HTTP receiver mounted as `POST /slack/events` on the one
 * server, so Bolt itself verifies signatures and timestamps (401 otherwise).
 */
import { randomUUID } from 'node:crypto';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { createFeedback } from '../../assistant/feedback.js';
import { BotError } from '../../errors.js';
import type { HttpRoute } from '../../server.js';
import type { ChannelAdapter, ChannelDeps } from '../channel-adapter.js';
import { registerAdminCommand } from './register-admin-command.js';
import { registerAskCommand } from './register-ask-command.js';
import { registerConversations } from './register-conversations.js';
import { registerFeedback } from './register-feedback.js';
import { registerDraft } from './register-draft.js';
import { officeSettings } from '../../config.js';
import type { SlackDeps } from './slack-deps.js';
import { eventIdOf } from './slack-payloads.js';
import { toBoltLogger } from './to-bolt-logger.js';
import { watchSlackHealth, type SlackHealthState } from './watch-slack-health.js';

/** Path of the Events API, slash command and interactivity endpoint (HTTP mode). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Retries for Web API calls: rate-limited calls (HTTP 429) wait for Slack's
 * `Retry-After`, then retry; network errors back off. Bounded, because a
 * councillor is waiting for the answer (the SDK default retries for 30 minutes).
 */
export const DEFAULT_RETRY_CONFIG: webApi.RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 8_000,
  randomize: true,
};

/** Tuning of the Slack channel beyond `ChannelDeps`; every field has a production default. */
export interface SlackChannelOptions {
  /** Ids for remembered answers; random UUIDs by default. */
  readonly newId?: () => string;
  /** Web API retry policy; tests pass a fast one. */
  readonly retryConfig?: webApi.RetryOptions;
  /** Characters buffered per streaming call (default 256, the SDK's). */
  readonly streamBufferSize?: number;
  /** Spacing of reindex progress messages (default 15 s). */
  readonly progressIntervalMs?: number;
  /** Spacing of the `auth.test` health check once connected (default SLACK_HEALTH_PROBE_S). */
  readonly healthProbeIntervalMs?: number;
}

/** The Slack `ChannelAdapter`: `POST /slack/events` in HTTP mode, no routes in Socket Mode. */
export interface SlackChannel extends ChannelAdapter {
  readonly routes: HttpRoute[];
  /** Whether the app talks to Slack over Socket Mode. */
  readonly isSocketMode: boolean;
  /**
   * `start()` verifies the token and opens the Socket Mode connection; after a
   * failed first attempt it retries in the background with backoff: an
   * unreachable Slack at start must not take the server down with it.
   * `health()`: `ok` once connected, `degraded` with the last error meanwhile;
   * after that, `degraded` again while the periodic `auth.test` fails or the
   * Socket Mode connection is down (`watch-slack-health.ts`).
   */
  health(): SlackHealthState;
}

/**
 * Builds the Slack channel.
 * @throws {BotError} `config_invalid` when the bot token or the signing secret (HTTP mode) is missing.
 */
export function createSlackChannel(
  { config, assistant, store, logger, admin }: ChannelDeps,
  options: SlackChannelOptions = {},
): SlackChannel {
  if (!config.SLACK_BOT_TOKEN)
    throw new BotError('config_invalid', 'SLACK_BOT_TOKEN is required for the Slack channel');
  const isSocketMode = Boolean(config.SLACK_APP_TOKEN);
  if (!isSocketMode && !config.SLACK_SIGNING_SECRET) {
    throw new BotError('config_invalid', 'SLACK_SIGNING_SECRET is required for Slack in HTTP mode');
  }
  const boltLogger = toBoltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? DEFAULT_RETRY_CONFIG,
    ...(config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {}),
  };
  const receiver = isSocketMode
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN!,
        logger: boltLogger,
        // The socket client opens its connection with its own Web API client; it must use the same base URL.
        installerOptions: { clientOptions },
      })
    : new HTTPReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET!,
        endpoints: SLACK_EVENTS_PATH,
        logger: boltLogger,
      });
  // Deferred: bolt's constructor otherwise calls auth.test and an unreachable Slack becomes an unhandled rejection that ends the process.
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger: boltLogger,
    clientOptions,
    ignoreSelf: true,
    deferInitialization: true,
  });
  let state: SlackHealthState = { status: 'starting' };
  let isStopped = false;
  let stopWatching: (() => void) | null = null;
  // Its own client: no retries and a short timeout, so the check neither queues behind answers nor hangs.
  const probeClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    timeout: 5_000,
  });

  app.error(async (error) => {
    logger.error({ err: error }, 'slack handler failed');
  });

  // Slack retries a delivery it thinks failed (x-slack-retry-num, same event_id). Bolt has already
  // acknowledged it; claiming the id here makes sure only the first delivery is ever answered.
  app.use(async ({ body, context, next }) => {
    const eventId = eventIdOf(body);
    if (eventId && !store.claimEvent(`slack:${eventId}`)) {
      logger.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'slack retry ignored',
      );
      return;
    }
    await next();
  });

  const deps: SlackDeps = {
    config,
    assistant,
    store,
    logger,
    feedback: createFeedback({ store, logger }),
    admin,
    newId: options.newId ?? randomUUID,
    progressIntervalMs: options.progressIntervalMs ?? 15_000,
    ...(options.streamBufferSize ? { streamBufferSize: options.streamBufferSize } : {}),
  };
  registerConversations(app, deps);
  registerAskCommand(app, deps);
  registerAdminCommand(app, deps);
  registerFeedback(app, deps);
  registerDraft(app, { ...deps, drafter: assistant, office: officeSettings(config) });

  const routes: HttpRoute[] =
    receiver instanceof HTTPReceiver
      ? [
          {
            method: 'POST',
            path: SLACK_EVENTS_PATH,
            handle: (req, res) => receiver.requestListener(req, res),
          },
        ]
      : [];

  return {
    name: 'slack',
    routes,
    isSocketMode,
    describe: () => (isSocketMode ? 'socket-mode' : 'http'),
    async start() {
      const attempt = async (): Promise<boolean> => {
        try {
          await app.init();
          if (isSocketMode) await app.start();
          state = { status: 'ok' };
          if (isSocketMode) logger.info('slack: Socket Mode connected');
          else logger.info({ path: SLACK_EVENTS_PATH }, 'slack: HTTP mode');
          stopWatching = watchSlackHealth({
            probe: () => probeClient.auth.test(),
            ...(receiver instanceof SocketModeReceiver ? { socket: receiver.client } : {}),
            intervalMs: options.healthProbeIntervalMs ?? config.SLACK_HEALTH_PROBE_S * 1000,
            setState: (next) => (state = next),
            logger,
          });
          return true;
        } catch (error) {
          state = {
            status: 'degraded',
            reason: `Slack Web API unreachable or refused the token: ${error instanceof Error ? error.message : String(error)}`,
          };
          logger.warn({ err: error }, 'slack: cannot connect, retrying in the background');
          return false;
        }
      };
      // The first attempt is awaited (callers expect a connected channel when Slack is up); later ones back off in the background.
      if (await attempt()) return;
      void (async () => {
        for (let n = 0; !isStopped; n++) {
          await new Promise((resolve) =>
            setTimeout(resolve, Math.min(60_000, 1000 * 2 ** Math.min(n, 6))).unref(),
          );
          if (isStopped || (await attempt())) return;
        }
      })();
    },
    health: () => state,
    async stop() {
      isStopped = true;
      stopWatching?.();
      // Not `state`: a connected app whose health check fails meanwhile must still be stopped.
      if (isSocketMode && stopWatching) await app.stop();
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
