/**
 * The one path every threaded entry point (mention, Messages tab) shares:
 * run the assistant, show its status, stream its verified text, close with sources and
 * feedback buttons, and remember the answer for a later feedback click.
 */
import type { webApi } from '@slack/bolt';
import type { Feedback } from '../../assistant/feedback.js';
import { consumeAnswerEvents } from '../../assistant/consume-answer-events.js';
import type { AnswerRequest, Answerer } from '../../assistant/types.js';
import { safeLogField, type Logger } from '../../logger.js';
import { USER_MESSAGES_PL } from '../../messages.js';
import { ThreadWriter, type ThreadTarget } from './thread-writer.js';

export interface AnswerInThreadOptions {
  readonly client: webApi.WebClient;
  readonly assistant: Answerer;
  /** Remembers the answer for a later feedback click. */
  readonly feedback: Feedback;
  readonly logger: Logger;
  readonly target: ThreadTarget;
  readonly request: AnswerRequest;
  /** Id for the remembered answer (the feedback buttons carry it). */
  readonly newId: () => string;
  readonly streamBufferSize?: number;
  /** Whether to show the status line (`assistant.threads.setStatus`). */
  readonly showStatus?: boolean;
}

/**
 * Answers `request` in the target thread. Never throws for answer failures:
 * the user gets one short Polish sentence, the log gets the details.
 */
export async function answerInThread(options: AnswerInThreadOptions): Promise<void> {
  const {
    client,
    assistant,
    feedback,
    logger,
    target,
    request,
    newId,
    showStatus = true,
  } = options;
  const writer = new ThreadWriter({
    client,
    target,
    logger,
    ...(options.streamBufferSize ? { streamBufferSize: options.streamBufferSize } : {}),
  });
  let canSetStatus = showStatus;
  const setStatus = async (status: string) => {
    if (!canSetStatus) return;
    try {
      await client.assistant.threads.setStatus({
        channel_id: target.channel,
        thread_ts: target.threadTs,
        status,
      });
    } catch (error) {
      // Status is a nicety: outside agent messaging some workspaces refuse it. Stop asking for this answer.
      canSetStatus = false;
      logger.debug({ err: error }, 'slack setStatus refused');
    }
  };
  logger.info(
    { channel: target.channel, user: target.userId, question: safeLogField(request.question) },
    'slack question',
  );
  try {
    await consumeAnswerEvents(assistant.answer(request), {
      onStatus: async (text) => {
        if (!writer.ts) await setStatus(text);
      },
      // No onDelta: deltas are unverified words; only the final, verified text is written (thread-writer.ts).
      onFinal: async (answer) => {
        const answerId = newId();
        feedback.remember(answerId, request.question, answer);
        await writer.finish(answer, answerId);
        logger.info(
          { channel: target.channel, kind: answer.kind, citations: answer.citations.length },
          'slack answer sent',
        );
      },
      onError: ({ text }) => writer.fail(text),
    });
  } catch (error) {
    logger.error({ err: error, channel: target.channel }, 'slack answer failed');
    await postErrorSentence(client, target, logger);
  }
}

/** Last resort after a Slack failure: a fresh short message, logged if even that fails. */
async function postErrorSentence(
  client: webApi.WebClient,
  target: ThreadTarget,
  logger: Logger,
): Promise<void> {
  try {
    await client.chat.postMessage({
      channel: target.channel,
      thread_ts: target.threadTs,
      text: USER_MESSAGES_PL.internal,
    });
  } catch (error) {
    logger.error(
      { err: error, channel: target.channel },
      'slack error message could not be posted',
    );
  }
}
