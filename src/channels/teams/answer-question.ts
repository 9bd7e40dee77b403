/**
 * One message turn: decide whether the bot was addressed, strip the
 * @mention, route admin commands, otherwise ask the assistant with the
 * conversation's recent turns and deliver the answer (streamed in 1:1 chats,
 * threaded in channels). Turns and answers are kept in the state store for
 * follow-ups and feedback.
 */
import type { StateStore } from '../../assistant/state-store.js';
import type { Answerer } from '../../assistant/types.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { safeLogField } from '../../logger.js';
import { TEAMS_TEXT } from '../../messages.js';
import { addressed, deliverAnswer, type ReplyTarget } from './deliver-answer.js';
import { historyKey, isBotMentioned, isPersonalChat, stripBotMention, type IncomingActivity } from './parse-activity.js';
import { answerKey } from './record-feedback.js';
import { toTeamsMarkdown } from './render-answer.js';
import { parseAdminCommand, runAdminCommand } from './run-admin-command.js';
import type { AdminCommands } from '../../assistant/admin-commands.js';
import type { RawConnector } from './send-raw-activity.js';

/** Settings and services a message turn needs; built once by the channel factory. */
export interface MessageTurnDeps {
  readonly config: Pick<Config, 'TEAMS_ADMIN_AAD_IDS' | 'ACCESS_GROUPS'>;
  /** Unauthenticated (emulator): nobody's claimed identity is trusted for admin commands or access groups. */
  readonly isEmulator: boolean;
  readonly assistant: Answerer;
  readonly store: StateStore;
  readonly logger: Logger;
  /** Status and reindex for admins, with their audit and guard. */
  readonly admin: AdminCommands;
  readonly streamIntervalMs: number;
  readonly progressIntervalMs: number;
  readonly now: () => number;
}

/** Turns of history handed to the assistant for follow-ups. */
const HISTORY_TURNS = 6;

/** `teams:<aad-object-id>` (falls back to the channel account id, e.g. in the Emulator). */
export function teamsUserId(activity: IncomingActivity): string {
  return `teams:${activity.from.aadObjectId ?? activity.from.id}`;
}

/** Where replies to this activity go: threaded under it outside 1:1 chats. */
export function replyTargetFor(activity: IncomingActivity): ReplyTarget {
  return {
    conversationId: activity.conversation.id,
    ...(isPersonalChat(activity) || !activity.id ? {} : { replyToId: activity.id }),
    bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
    user: { id: activity.from.id, ...(activity.from.name ? { name: activity.from.name } : {}) },
  };
}

/** A plain text reply in the conversation (threaded like answers); resolves to its id. */
export function replyWithText(connector: RawConnector, target: ReplyTarget, text: string): Promise<string> {
  return connector.send(
    target.conversationId,
    addressed(target, { type: 'message', text: toTeamsMarkdown(text), textFormat: 'markdown', replyToId: target.replyToId }),
  );
}

/** Handles one incoming message. Connector and assistant failures reject; the caller tells the user. */
export async function answerQuestion(activity: IncomingActivity, connector: RawConnector, deps: MessageTurnDeps): Promise<void> {
  const { store, logger } = deps;
  const isPersonal = isPersonalChat(activity);
  // Outside 1:1 chats the bot sees channel traffic only when mentioned (RSC aside); answer only then.
  if (!isPersonal && !isBotMentioned(activity)) return;
  const target = replyTargetFor(activity);
  const question = stripBotMention(activity);
  const userId = teamsUserId(activity);
  const reply = (text: string) => replyWithText(connector, target, text);

  if (!question) {
    await reply(TEAMS_TEXT.emptyQuestion);
    return;
  }
  const command = parseAdminCommand(question);
  if (command) {
    const aadId = activity.from.aadObjectId;
    await runAdminCommand({
      command,
      userId,
      isAdmin: !deps.isEmulator && Boolean(aadId && deps.config.TEAMS_ADMIN_AAD_IDS.includes(aadId)),
      admin: deps.admin,
      reply,
      update: (messageId, text) =>
        connector.update(target.conversationId, messageId, addressed(target, { type: 'message', text: toTeamsMarkdown(text) })),
      progressIntervalMs: deps.progressIntervalMs,
      now: deps.now,
      logger,
    });
    return;
  }

  const key = historyKey(activity);
  const history = store.recentTurns(key, HISTORY_TURNS);
  logger.info({ conversation: key, question: safeLogField(question), history: history.length }, 'teams question');
  const events = deps.assistant.answer({
    question,
    history,
    user: {
      id: userId,
      ...(activity.from.name ? { name: activity.from.name } : {}),
      accessGroups: deps.isEmulator ? [] : (deps.config.ACCESS_GROUPS[userId] ?? []),
    },
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
  });
  if (!result.answer) return;
  store.appendTurn(key, { role: 'user', text: question });
  store.appendTurn(key, { role: 'assistant', text: result.answer.text });
  for (const messageId of result.messageIds) {
    store.rememberAnswer({
      messageId: answerKey(activity.conversation.id, messageId),
      question,
      answer: result.answer.text,
      citations: result.answer.citations,
    });
  }
}
