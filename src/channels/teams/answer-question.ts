/**
 * One message turn: decide whether the bot was addressed, strip the
 * @mention, route admin commands, otherwise ask the assistant with the
 * conversation's recent turns and deliver the answer (streamed in 1:1 chats,
 * threaded in channels). Turns and answers are kept in the state store for
 * follow-ups and feedback.
 */
import type { Feedback } from '../../assistant/feedback.js';
import { identifyUser, type Identity, type IdentityConfig } from '../../assistant/identify-user.js';
import type { StateStore } from '../../assistant/state-store.js';
import type { Answerer } from '../../assistant/types.js';
import type { Logger } from '../../logger.js';
import { safeLogField } from '../../logger.js';
import { TEAMS_TEXT } from '../../messages.js';
import { addressed, deliverAnswer, type ReplyTarget } from './deliver-answer.js';
import {
  historyKey,
  isBotMentioned,
  isPersonalChat,
  stripBotMention,
  type IncomingActivity,
} from './parse-activity.js';
import { answerKey } from './record-feedback.js';
import { toTeamsMarkdown } from './render-answer.js';
import { parseAdminCommand, runAdminCommand } from './run-admin-command.js';
import type { AdminCommands } from '../../assistant/admin-commands.js';
import type { RawConnector } from './send-raw-activity.js';

/** Settings and services a message turn needs; built once by the channel factory. */
export interface MessageTurnDeps {
  readonly config: IdentityConfig;
  /** Unauthenticated (emulator): nobody's claimed identity is trusted for admin commands or access groups. */
  readonly isEmulator: boolean;
  readonly assistant: Answerer;
  readonly store: StateStore;
  /** Remembers posted answers for the feedback loop. */
  readonly feedback: Feedback;
  readonly logger: Logger;
  /** Status and reindex for admins, with their audit and guard. */
  readonly admin: AdminCommands;
  readonly streamIntervalMs: number;
  readonly progressIntervalMs: number;
  readonly now: () => number;
  /** Sensitivity label name per access group (`TEAMS_SENSITIVITY_LABELS`). */
  readonly sensitivityLabels: Readonly<Record<string, string>>;
}

/** Turns of history handed to the assistant for follow-ups. */
const HISTORY_TURNS = 6;

/**
 * The writer as the core sees them: `teams:<aad-object-id>` (the channel
 * account id when there is none, e.g. in the Emulator), admin only by AAD
 * object id (`TEAMS_ADMIN_AAD_IDS`).
 */
export function teamsIdentity(
  config: IdentityConfig,
  activity: IncomingActivity,
  { isVerified }: { readonly isVerified: boolean },
): Identity {
  const { aadObjectId, id, name } = activity.from;
  return identifyUser(config, {
    channel: 'teams',
    id: aadObjectId ?? id,
    ...(name ? { name } : {}),
    ...(aadObjectId ? { adminId: aadObjectId } : {}),
    isVerified,
  });
}

/** Where replies to this activity go: threaded under it outside 1:1 chats. */
export function replyTargetFor(activity: IncomingActivity): ReplyTarget {
  return {
    conversationId: activity.conversation.id,
    ...(isPersonalChat(activity) || !activity.id ? {} : { replyToId: activity.id }),
    bot: {
      id: activity.recipient.id,
      ...(activity.recipient.name ? { name: activity.recipient.name } : {}),
    },
    user: { id: activity.from.id, ...(activity.from.name ? { name: activity.from.name } : {}) },
  };
}

/** A plain text reply in the conversation (threaded like answers); resolves to its id. */
export function replyWithText(
  connector: RawConnector,
  target: ReplyTarget,
  text: string,
): Promise<string> {
  return connector.send(
    target.conversationId,
    addressed(target, {
      type: 'message',
      text: toTeamsMarkdown(text),
      textFormat: 'markdown',
      replyToId: target.replyToId,
    }),
  );
}

/** Handles one incoming message. Connector and assistant failures reject; the caller tells the user. */
export async function answerQuestion(
  activity: IncomingActivity,
  connector: RawConnector,
  deps: MessageTurnDeps,
): Promise<void> {
  const { store, logger } = deps;
  const isPersonal = isPersonalChat(activity);
  // Outside 1:1 chats the bot sees channel traffic only when mentioned (RSC aside); answer only then.
  if (!isPersonal && !isBotMentioned(activity)) return;
  const target = replyTargetFor(activity);
  const question = stripBotMention(activity);
  const identity = teamsIdentity(deps.config, activity, { isVerified: !deps.isEmulator });
  const userId = identity.user.id;
  const reply = (text: string) => replyWithText(connector, target, text);

  if (!question) {
    await reply(TEAMS_TEXT.emptyQuestion);
    return;
  }
  const command = parseAdminCommand(question);
  if (command) {
    await runAdminCommand({
      command,
      userId,
      isAdmin: identity.isAdmin,
      admin: deps.admin,
      reply,
      update: (messageId, text) =>
        connector.update(
          target.conversationId,
          messageId,
          addressed(target, { type: 'message', text: toTeamsMarkdown(text) }),
        ),
      progressIntervalMs: deps.progressIntervalMs,
      now: deps.now,
      logger,
    });
    return;
  }

  const key = historyKey(activity);
  const history = store.recentTurns(key, HISTORY_TURNS);
  logger.info(
    { conversation: key, question: safeLogField(question), history: history.length },
    'teams question',
  );
  const events = deps.assistant.answer({
    question,
    history,
    user: identity.user,
    // Channels and group chats are read by all their members: public letters only.
    audience: isPersonal ? 'asker' : 'shared',
    conversationId: key,
  });
  const result = await deliverAnswer({
    events,
    connector,
    target,
    isStreaming: isPersonal,
    streamIntervalMs: deps.streamIntervalMs,
    now: deps.now,
    logger,
    render: { sensitivityLabels: deps.sensitivityLabels },
  });
  if (!result.answer) return;
  store.appendTurn(key, { role: 'user', text: question });
  store.appendTurn(key, { role: 'assistant', text: result.answer.text });
  for (const messageId of result.messageIds)
    deps.feedback.remember(answerKey(activity.conversation.id, messageId), question, result.answer);
}
