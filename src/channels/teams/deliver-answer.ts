/**
 * Renders the assistant's `AnswerEvent`s into Teams activities.
 *
 * 1:1 chats use Teams' streaming protocol: an informative update (its id
 * becomes the stream id), cumulative `streaming` chunks with an increasing
 * `streamSequence`, paced so Teams' throttling is not hit, then one `final`
 * message carrying the AI label, the citations and the feedback buttons.
 * Channels and group chats cannot stream: they get a typing indicator and one
 * final message, threaded under the question.
 */
import type { Answer } from '../../answer/types.js';
import { consumeAnswerEvents } from '../../assistant/consume-answer-events.js';
import type { AnswerEvent } from '../../assistant/types.js';
import type { Logger } from '../../logger.js';
import { STATUS_TEXT, USER_MESSAGES_PL } from '../../messages.js';
import { renderAnswer, toSafeTeamsMarkdown, type RenderAnswerOptions } from './render-answer.js';
import type { RawConnector } from './send-raw-activity.js';
import type { OutgoingActivity, OutgoingEntity, StreamInfoEntity } from './types.js';

/** Where the answer goes and who speaks. */
export interface ReplyTarget {
  readonly conversationId: string;
  /** The question's activity id; set in channels and group chats to thread the reply. */
  readonly replyToId?: string;
  readonly bot: { readonly id: string; readonly name?: string };
  readonly user: { readonly id: string; readonly name?: string };
}

export interface DeliverAnswerOptions {
  readonly events: AsyncIterable<AnswerEvent>;
  readonly connector: RawConnector;
  readonly target: ReplyTarget;
  /** True in 1:1 chats. */
  readonly isStreaming: boolean;
  /** Minimum gap between stream updates (Teams throttles at about one per second). */
  readonly streamIntervalMs: number;
  readonly now: () => number;
  readonly logger: Logger;
  /** Labels for citations of restricted letters. */
  readonly render?: RenderAnswerOptions;
}

export interface DeliverAnswerResult {
  /** The final answer, or null when the assistant reported an error. */
  readonly answer: Answer | null;
  /** The text shown in the final message. */
  readonly text: string;
  /** Ids under which Teams may refer to the final message (stream id and the returned id). */
  readonly messageIds: readonly string[];
}

/** The addressing fields every outgoing activity carries. */
export function addressed(target: ReplyTarget, activity: OutgoingActivity): OutgoingActivity {
  return {
    ...activity,
    from: target.bot,
    recipient: target.user,
    conversation: { id: target.conversationId },
  };
}

function streamInfo(info: {
  readonly streamType: StreamInfoEntity['streamType'];
  readonly streamId?: string;
  readonly streamSequence?: number;
}): StreamInfoEntity {
  return { type: 'streaminfo', ...info };
}

/**
 * The assistant reports failures as `error` events; should it throw anyway,
 * the throw becomes one, so an open Teams stream is still closed with a final
 * message instead of spinning until Teams times it out.
 */
async function* closingOnThrow(
  events: AsyncIterable<AnswerEvent>,
  logger: Logger,
): AsyncGenerator<AnswerEvent> {
  try {
    yield* events;
  } catch (error) {
    logger.error({ err: error }, 'assistant threw instead of emitting an error event');
    yield { type: 'error', code: 'internal', text: USER_MESSAGES_PL.internal };
  }
}

/** Sends the answer; resolves once the final message is posted. Connector failures reject. */
export async function deliverAnswer(options: DeliverAnswerOptions): Promise<DeliverAnswerResult> {
  const safe = { ...options, events: closingOnThrow(options.events, options.logger) };
  return options.isStreaming ? deliverStreamed(safe) : deliverOnce(safe);
}

async function deliverStreamed({
  events,
  connector,
  target,
  streamIntervalMs,
  now,
  render,
}: DeliverAnswerOptions): Promise<DeliverAnswerResult> {
  const send = (activity: OutgoingActivity) =>
    connector.send(target.conversationId, addressed(target, activity));
  let sequence = 1;
  const streamId = await send({
    type: 'typing',
    text: STATUS_TEXT.searching,
    entities: [streamInfo({ streamType: 'informative', streamSequence: sequence })],
    channelData: { streamType: 'informative', streamSequence: sequence },
  });
  let lastSentAt = now();
  let isStreamingText = false;
  let text = '';
  let lastStatus: string = STATUS_TEXT.searching;

  const sendUpdate = async (streamType: 'informative' | 'streaming', body: string) => {
    sequence += 1;
    await send({
      type: 'typing',
      text: body,
      entities: [streamInfo({ streamType, streamId, streamSequence: sequence })],
      channelData: { streamId, streamType, streamSequence: sequence },
    });
    lastSentAt = now();
  };
  const sendFinal = async (
    body: string,
    entities: readonly OutgoingEntity[],
    hasFeedback: boolean,
  ) =>
    send({
      type: 'message',
      text: body,
      textFormat: 'markdown',
      entities: [streamInfo({ streamType: 'final', streamId }), ...entities],
      channelData: {
        streamId,
        streamType: 'final',
        ...(hasFeedback ? { feedbackLoopEnabled: true } : {}),
      },
    });

  const isDue = () => now() - lastSentAt >= streamIntervalMs;
  return consumeAnswerEvents<DeliverAnswerResult>(events, {
    onStatus: async (status) => {
      // Informative updates are only allowed before the first text chunk.
      if (!isStreamingText && status !== lastStatus && isDue()) {
        lastStatus = status;
        await sendUpdate('informative', status);
      }
    },
    onDelta: async (delta) => {
      text += delta;
      // Chunks are cumulative, so a skipped one loses nothing; the final message carries all.
      if (isDue()) {
        isStreamingText = true;
        await sendUpdate('streaming', toSafeTeamsMarkdown(text));
      }
    },
    onFinal: async (answer) => {
      const rendered = renderAnswer(answer, render);
      const id = await sendFinal(rendered.text, rendered.entities, true);
      return { answer, text: rendered.text, messageIds: uniqueIds(streamId, id) };
    },
    onError: async (failure) => {
      const id = await sendFinal(failure.text, [], false);
      return { answer: null, text: failure.text, messageIds: uniqueIds(streamId, id) };
    },
  });
}

async function deliverOnce({
  events,
  connector,
  target,
  render,
}: DeliverAnswerOptions): Promise<DeliverAnswerResult> {
  const send = (activity: OutgoingActivity) =>
    connector.send(target.conversationId, addressed(target, activity));
  await send({ type: 'typing' });
  return consumeAnswerEvents<DeliverAnswerResult>(events, {
    onFinal: async (answer) => {
      const rendered = renderAnswer(answer, render);
      const id = await send({
        type: 'message',
        text: rendered.text,
        textFormat: 'markdown',
        replyToId: target.replyToId,
        entities: rendered.entities,
        channelData: { feedbackLoopEnabled: true },
      });
      return { answer, text: rendered.text, messageIds: uniqueIds(id) };
    },
    onError: async (failure) => {
      const id = await send({ type: 'message', text: failure.text, replyToId: target.replyToId });
      return { answer: null, text: failure.text, messageIds: uniqueIds(id) };
    },
  });
}

function uniqueIds(...ids: readonly string[]): string[] {
  return [...new Set(ids.filter(Boolean))];
}
