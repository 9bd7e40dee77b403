/**
 * Teams' feedback loop: a thumbs up/down (with optional text) on an answer
 * arrives as a `message/submitAction` invoke and lands in the same feedback
 * store as Slack's buttons, tied to the question it rated.
 */
import { z } from 'zod';
import type { StateStore } from '../../assistant/state-store.js';
import type { Logger } from '../../logger.js';
import { safeLogField } from '../../logger.js';

const submitActionValue = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    /** Teams sends a JSON string `{"feedbackText": "..."}`; older clients a plain string. */
    feedback: z.string().optional(),
  }),
});

/** Key of a remembered Teams answer in the state store (message ids are unique per conversation only). */
export function answerKey(conversationId: string, messageId: string): string {
  return `teams:${conversationId}:${messageId}`;
}

function feedbackText(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && 'feedbackText' in parsed) {
      const text = (parsed as { feedbackText: unknown }).feedbackText;
      return typeof text === 'string' && text.trim() ? text.trim() : null;
    }
  } catch {
    // Not JSON: a plain comment.
  }
  return raw.trim() || null;
}

export interface RecordTeamsFeedbackOptions {
  readonly value: unknown;
  readonly conversationId: string;
  /** The rated message (the invoke's `replyToId`). */
  readonly messageId: string | undefined;
  readonly userId: string;
  readonly store: StateStore;
  readonly logger: Logger;
}

/** Stores one feedback; returns false when the invoke is not a feedback submission. */
export function recordTeamsFeedback({ value, conversationId, messageId, userId, store, logger }: RecordTeamsFeedbackOptions): boolean {
  const parsed = submitActionValue.safeParse(value);
  if (!parsed.success) return false;
  const answered = messageId ? store.findAnswer(answerKey(conversationId, messageId)) : null;
  if (!answered) logger.warn({ messageId }, 'feedback for an unknown answer; stored without its question');
  const comment = feedbackText(parsed.data.actionValue.feedback);
  store.recordFeedback({
    channel: 'teams',
    userId,
    conversationId,
    messageId: messageId ?? null,
    rating: parsed.data.actionValue.reaction === 'like' ? 'up' : 'down',
    comment,
    question: answered?.question ?? '',
    answer: answered?.answer ?? '',
    citations: answered?.citations ?? [],
  });
  logger.info({ rating: parsed.data.actionValue.reaction, comment: comment ? safeLogField(comment, 80) : null }, 'feedback stored');
  return true;
}
