/**
 * Teams' feedback loop: a thumbs up/down (with optional text) on an answer
 * arrives as a `message/submitAction` invoke and lands in the same feedback
 * store as Slack's buttons, tied to the question it rated.
 */
import { z } from 'zod';
import type { Feedback } from '../../assistant/feedback.js';

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
  readonly feedback: Feedback;
}

/**
 * Stores one feedback, also for an answer no longer remembered (its comment
 * is worth keeping); returns false when the invoke is not a feedback submission.
 */
export function recordTeamsFeedback({
  value,
  conversationId,
  messageId,
  userId,
  feedback,
}: RecordTeamsFeedbackOptions): boolean {
  const parsed = submitActionValue.safeParse(value);
  if (!parsed.success) return false;
  feedback.record({
    channel: 'teams',
    userId,
    answerKey: messageId ? answerKey(conversationId, messageId) : null,
    conversationId,
    messageId: messageId ?? null,
    rating: parsed.data.actionValue.reaction === 'like' ? 'up' : 'down',
    comment: feedbackText(parsed.data.actionValue.feedback),
    isKeptWithoutAnswer: true,
  });
  return true;
}
