/**
 * A thread's earlier messages as chat history, read from Slack
 * (`conversations.replies`) rather than stored by us: Slack is the source of
 * truth for what was said, edits and deletions included.
 */
import type { webApi } from '@slack/bolt';
import type { ChatTurn } from '../../assistant/types.js';
import type { Logger } from '../../logger.js';
import { repliesSchema } from './slack-payloads.js';

export interface LoadThreadHistoryOptions {
  readonly client: webApi.WebClient;
  readonly channel: string;
  readonly threadTs: string;
  /** The message being answered; it and anything after it are not history. */
  readonly currentTs: string;
  /** The app's own ids, to tell its answers from the councillors' questions. */
  readonly botUserId?: string;
  readonly botId?: string;
  readonly logger: Logger;
  /** Turns kept (newest). */
  readonly limit?: number;
}

/** Removes `<@U…>` mentions so the question reads as the user meant it. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Earlier turns of the thread, oldest first. On a Slack error it logs and
 * returns no history: answering without context beats not answering.
 */
export async function loadThreadHistory({
  client,
  channel,
  threadTs,
  currentTs,
  botUserId,
  botId,
  logger,
  limit = 10,
}: LoadThreadHistoryOptions): Promise<ChatTurn[]> {
  if (threadTs === currentTs) return [];
  let raw: unknown;
  try {
    raw = await client.conversations.replies({ channel, ts: threadTs, limit: 100 });
  } catch (error) {
    logger.warn({ err: error, channel }, 'slack thread history unavailable; answering without it');
    return [];
  }
  const turns: ChatTurn[] = [];
  for (const message of repliesSchema.parse(raw).messages) {
    if (Number(message.ts) >= Number(currentTs)) continue;
    const isOwn =
      (botId !== undefined && message.bot_id === botId) ||
      (botUserId !== undefined && message.user === botUserId);
    // Other bots and system messages (joins, topic changes) are not part of the conversation.
    if (!isOwn && (message.bot_id || message.subtype)) continue;
    const text = stripMentions(message.text);
    if (text) turns.push({ role: isOwn ? 'assistant' : 'user', text });
  }
  return turns.slice(-limit);
}
