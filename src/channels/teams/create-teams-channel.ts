/**
 * The Microsoft Teams channel: `POST /api/messages` through botbuilder's
 * `CloudAdapter` (authentication from MICROSOFT_APP_*), dispatching message
 * turns to the assistant and feedback invokes to the state store.
 *
 * Message turns are acknowledged at once and answered in the background:
 * Teams gives a bot about 15 seconds to answer the HTTP request, and an LLM
 * answer can take longer. Answers in one conversation run one after another,
 * because Teams allows a single stream per chat.
 */
import type http from 'node:http';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import { createFeedback } from '../../assistant/feedback.js';
import { isLoopbackHost } from '../../config.js';
import { toBotError } from '../../errors.js';
import { TEAMS_DRAFT_TEXT, USER_MESSAGES_PL } from '../../messages.js';
import { readBody, type HttpRoute } from '../../server.js';
import type { ChannelAdapter, ChannelDeps, ChannelHealth } from '../channel-adapter.js';
import { legalPageRoutes } from '../legal/legal-routes.js';
import {
  answerQuestion,
  replyTargetFor,
  replyWithText,
  teamsIdentity,
  type MessageTurnDeps,
} from './answer-question.js';
import {
  isBotMentioned,
  isPersonalChat,
  parseActivity,
  stripBotMention,
  type IncomingActivity,
} from './parse-activity.js';
import { createDraftOffers, FILE_CONSENT_INVOKE, parseDraftCommand } from './offer-draft.js';
import { recordTeamsFeedback } from './record-feedback.js';
import {
  createRawConnector,
  type ConnectorCredentialsSource,
  type RawConnector,
} from './send-raw-activity.js';
import { trackConnectorHealth } from './track-connector-health.js';

/** botbuilder's authentication strategy, as `CloudAdapter` takes it. */
export type TeamsAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

/** Tuning of the Teams channel beyond `ChannelDeps`; every field has a production default. */
export interface TeamsChannelOptions {
  /**
   * Overrides the authentication built from `config` (tests, other clouds).
   * Whoever passes one vouches that it authenticates the caller: identities
   * are then trusted as with MICROSOFT_APP_ID.
   */
  readonly botFrameworkAuthentication?: TeamsAuthentication;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** Minimum gap between stream updates; Teams throttles faster streams. */
  readonly streamIntervalMs?: number;
  /** Minimum gap between reindex progress edits. */
  readonly progressIntervalMs?: number;
  readonly path?: string;
}

/** The Teams `ChannelAdapter`; `stop()` waits for background answers, like `idle()`. */
export interface TeamsChannel extends ChannelAdapter {
  readonly routes: HttpRoute[];
  readonly isAuthEnabled: boolean;
  /** Unauthenticated emulator mode: loopback only, no admin commands, no access groups. */
  readonly isEmulator: boolean;
  /** Resolves when every background answer has finished (graceful shutdown, tests). */
  idle(): Promise<void>;
  /** `degraded` while the connector refuses or cannot be reached for our replies (`track-connector-health.ts`). */
  health(): ChannelHealth;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Adapts node's response to the `Response` botbuilder's `process` expects
 * (express-like `status`/`send`/`end`).
 */
function botbuilderResponse(res: http.ServerResponse) {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    status: (code: number) => void (status = code),
    header: (name: string, value: unknown) => void res.setHeader(name, String(value)),
    send: (value: unknown) => void (body = value),
    end: () => {
      if (res.writableEnded) return;
      if (body === undefined) {
        res.writeHead(status);
        res.end();
      } else if (typeof body === 'string') {
        sendJson(res, status, { error: body });
      } else {
        sendJson(res, status, body);
      }
    },
  };
}

function isCredentialsSource(value: unknown): value is ConnectorCredentialsSource {
  const credentials = (value as { credentials?: { signRequest?: unknown } } | undefined)
    ?.credentials;
  return typeof credentials?.signRequest === 'function';
}

/**
 * Creates the Teams channel; the one server mounts its routes.
 * @throws {Error} without MICROSOFT_APP_ID, TEAMS_EMULATOR or an injected authentication: an unauthenticated endpoint is never a default.
 */
export function createTeamsChannel(
  { config, assistant, store, logger, admin }: ChannelDeps,
  {
    botFrameworkAuthentication,
    fetch: fetchFn = globalThis.fetch,
    now = Date.now,
    streamIntervalMs = 1000,
    progressIntervalMs = 3000,
    path = '/api/messages',
  }: TeamsChannelOptions = {},
): TeamsChannel {
  const log = logger.child({ channel: 'teams' });
  const isAuthEnabled = Boolean(config.MICROSOFT_APP_ID);
  const isEmulator = !isAuthEnabled && config.TEAMS_EMULATOR;
  if (!isAuthEnabled && !isEmulator && !botFrameworkAuthentication) {
    throw new Error(
      'the Teams channel needs MICROSOFT_APP_ID (or TEAMS_EMULATOR=true for local trials on loopback)',
    );
  }
  if (isAuthEnabled)
    log.info({ appType: config.MICROSOFT_APP_TYPE }, 'Teams: Bot Framework authentication on');
  else if (isEmulator)
    log.warn(
      'Teams: emulator mode, authentication OFF; loopback only, admin commands and access groups off',
    );

  const adapter = new CloudAdapter(
    botFrameworkAuthentication ??
      new ConfigurationBotFrameworkAuthentication({
        // botbuilder's options are optional strings: an unset key is left out, not passed as undefined.
        ...(config.MICROSOFT_APP_ID ? { MicrosoftAppId: config.MICROSOFT_APP_ID } : {}),
        ...(config.MICROSOFT_APP_PASSWORD
          ? { MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD }
          : {}),
        ...(config.MICROSOFT_APP_TENANT_ID
          ? { MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID }
          : {}),
        MicrosoftAppType: config.MICROSOFT_APP_TYPE,
      }),
  );
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, type: context.activity.type }, 'teams turn failed');
    if (context.activity.type === 'invoke')
      await context.sendActivity({ type: 'invokeResponse', value: { status: 500 } });
  };

  const feedback = createFeedback({ store, logger: log });
  const deps: MessageTurnDeps = {
    config,
    isEmulator,
    assistant,
    store,
    feedback,
    logger: log,
    admin,
    streamIntervalMs,
    progressIntervalMs,
    now,
    sensitivityLabels: config.TEAMS_SENSITIVITY_LABELS,
  };
  const connectorHealth = trackConnectorHealth(fetchFn);
  const pending = new Set<Promise<void>>();
  const chains = new Map<string, Promise<void>>();

  /** Runs `task` after the conversation's previous one; tracked for `idle()`. */
  function enqueue(key: string, task: () => Promise<void>): void {
    const run = (chains.get(key) ?? Promise.resolve()).then(task);
    chains.set(key, run);
    const tracked = run.finally(() => {
      pending.delete(tracked);
      if (chains.get(key) === run) chains.delete(key);
    });
    pending.add(tracked);
  }

  const drafts = createDraftOffers({ drafter: assistant, logger: log, fetch: fetchFn, now });

  /** Answers (or runs `task` for) a message; a failure is told to the user in Polish. */
  async function answerInBackground(
    activity: IncomingActivity,
    connector: RawConnector,
    task: () => Promise<void> = () => answerQuestion(activity, connector, deps),
  ): Promise<void> {
    try {
      await task();
    } catch (error) {
      const { code } = toBotError(error);
      // A refused admin command is the user's mistake, not the bot's failure.
      if (code === 'access_denied')
        log.warn({ err: error, conversation: activity.conversation.id }, 'teams request refused');
      else log.error({ err: error, conversation: activity.conversation.id }, 'teams answer failed');
      await replyWithText(connector, replyTargetFor(activity), USER_MESSAGES_PL[code]).catch(
        (sendError: unknown) =>
          log.error({ err: sendError }, 'could not tell the user about the failure'),
      );
    }
  }

  async function onTurn(context: TurnContext, activity: IncomingActivity): Promise<void> {
    const client: unknown = context.turnState.get(adapter.ConnectorClientKey);
    if (!isCredentialsSource(client))
      throw new Error('botbuilder gave the turn no connector client');
    const connector = createRawConnector({
      connector: client,
      serviceUrl: activity.serviceUrl,
      fetch: connectorHealth.fetch,
    });
    if (activity.type === 'message') {
      // Teams redelivers when the acknowledgement is late; answer each message once.
      if (activity.id && !store.claimEvent(`teams:${activity.conversation.id}:${activity.id}`))
        return;
      const isAddressed = isPersonalChat(activity) || isBotMentioned(activity);
      const draftCommand = isAddressed ? parseDraftCommand(stripBotMention(activity)) : null;
      if (draftCommand) {
        const target = replyTargetFor(activity);
        const user = teamsIdentity(config, activity, { isVerified: !isEmulator }).user;
        enqueue(activity.conversation.id, () =>
          answerInBackground(activity, connector, async () => {
            if (!isPersonalChat(activity))
              await replyWithText(connector, target, TEAMS_DRAFT_TEXT.personalOnly);
            else await drafts.offer({ ...draftCommand, user, target, connector });
          }),
        );
        return;
      }
      enqueue(activity.conversation.id, () => answerInBackground(activity, connector));
      return;
    }
    if (activity.type === 'invoke' && activity.name === FILE_CONSENT_INVOKE) {
      const status = await drafts.answerConsent({
        value: activity.value,
        userId: teamsIdentity(config, activity, { isVerified: !isEmulator }).user.id,
        target: replyTargetFor(activity),
        connector,
      });
      await context.sendActivity({ type: 'invokeResponse', value: { status, body: {} } });
      return;
    }
    if (activity.type === 'invoke' && activity.name === 'message/submitAction') {
      const isStored = recordTeamsFeedback({
        value: activity.value,
        conversationId: activity.conversation.id,
        messageId: activity.replyToId,
        userId: teamsIdentity(config, activity, { isVerified: !isEmulator }).user.id,
        feedback,
      });
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: isStored ? 200 : 400, body: {} },
      });
    }
    // Other activities (conversationUpdate, reactions, typing) need no answer.
  }

  const route: HttpRoute = {
    method: 'POST',
    path,
    async handle(req, res) {
      // Rejected here rather than in botbuilder, which would also print a stack trace per anonymous probe.
      if (isAuthEnabled && !req.headers.authorization) {
        sendJson(res, 401, { error: 'unauthorized' });
        return;
      }
      let body: string;
      try {
        body = await readBody(req);
      } catch (error) {
        log.warn({ err: error }, 'teams request body rejected');
        sendJson(res, 413, { error: 'too_large' });
        return;
      }
      const parsed = parseActivity(body);
      if (!parsed.ok) {
        log.warn({ reason: parsed.reason }, 'malformed Teams activity');
        sendJson(res, 400, { error: 'bad_request' });
        return;
      }
      // Unauthenticated, the bot must not be made to POST to an address the caller names.
      if (isEmulator && !isLoopbackHost(new URL(parsed.activity.serviceUrl).hostname)) {
        log.warn('emulator mode: activity with a non-loopback serviceUrl refused');
        sendJson(res, 403, { error: 'forbidden' });
        return;
      }
      await adapter.process(
        { method: 'POST', headers: req.headers, body: parsed.raw },
        botbuilderResponse(res),
        (context) => onTurn(context, parsed.activity),
      );
    },
  };

  async function idle(): Promise<void> {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  }
  return {
    name: 'teams',
    // The app manifest's privacy and terms addresses are served with the bot (teams/manifest.json).
    routes: [route, ...legalPageRoutes()],
    isAuthEnabled,
    isEmulator,
    describe: () =>
      isAuthEnabled
        ? 'on'
        : isEmulator
          ? 'on, emulator (loopback, authentication off)'
          : 'on, injected authentication',
    // Messages arrive through the server's route: nothing to connect.
    start: async () => undefined,
    health: connectorHealth.health,
    stop: idle,
    idle,
  };
}
