/**
 * Answer feedback, one service for every channel: a channel remembers each
 * answer it posts under a key of its own (a button value, a Teams message id)
 * and, when a thumbs up/down arrives for that key, records it with the
 * question, answer and citations it rates, in the one state store
 * (`kancelaria feedback export` reads it).
 */
import type { Answer } from '../answer/types.js';
import { safeLogField, type Logger } from '../logger.js';
import type { StateStore } from './state-store.js';
import type { ChannelName } from './types.js';

export interface FeedbackInput {
  /** MCP clients rate nothing: they have no buttons. */
  readonly channel: Exclude<ChannelName, 'mcp'>;
  readonly userId: string;
  /** The key the rated answer was remembered under (`remember`), or null when the channel does not know it. */
  readonly answerKey: string | null;
  readonly conversationId: string | null;
  readonly messageId: string | null;
  readonly rating: 'up' | 'down';
  readonly comment: string | null;
  /**
   * Whether a rating of an answer no longer known is stored anyway: Teams'
   * carries a comment worth keeping; Slack's bare thumb says nothing without
   * its question, so it is dropped and the user told.
   */
  readonly isKeptWithoutAnswer: boolean;
}

/** `stored`, `stored_without_answer` (unknown key, kept), or `dropped` (unknown key, not kept). */
export type FeedbackOutcome = 'stored' | 'stored_without_answer' | 'dropped';

export interface Feedback {
  /** Remembers a posted answer under `key`, so a later rating can be tied to its question. */
  remember(key: string, question: string, answer: Answer): void;
  /** Records one rating; see `FeedbackOutcome`. */
  record(input: FeedbackInput): FeedbackOutcome;
}

/** Builds the feedback service over the state store. */
export function createFeedback({
  store,
  logger,
}: {
  readonly store: StateStore;
  readonly logger: Logger;
}): Feedback {
  return {
    remember(key, question, answer) {
      store.rememberAnswer({
        messageId: key,
        question,
        answer: answer.text,
        citations: answer.citations,
      });
    },
    record({
      channel,
      userId,
      answerKey,
      conversationId,
      messageId,
      rating,
      comment,
      isKeptWithoutAnswer,
    }) {
      const answered = answerKey ? store.findAnswer(answerKey) : null;
      if (!answered) {
        logger.warn(
          { channel, user: userId, answerKey, isKept: isKeptWithoutAnswer },
          'feedback for an unknown answer',
        );
        if (!isKeptWithoutAnswer) return 'dropped';
      }
      store.recordFeedback({
        channel,
        userId,
        conversationId,
        messageId,
        rating,
        comment,
        question: answered?.question ?? '',
        answer: answered?.answer ?? '',
        citations: answered?.citations ?? [],
      });
      logger.info(
        {
          channel,
          user: userId,
          rating,
          answerKey,
          comment: comment ? safeLogField(comment, 80) : null,
        },
        'feedback stored',
      );
      return answered ? 'stored' : 'stored_without_answer';
    },
  };
}
