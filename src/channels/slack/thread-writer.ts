/**
 * Writes one answer into a Slack thread. It streams with Slack's streaming
 * methods (`chat.startStream` / `appendStream` / `stopStream`, through the Web
 * API client's `chatStream` helper) and, when those are unavailable (older
 * Enterprise Grid, GovSlack, missing scope) or fail, posts the answer as one
 * ordinary message (`chat.postMessage`) instead.
 *
 * Only verified text is streamed: the core's deltas are the model's raw words,
 * and verification (renumbered or removed `[n]`, an extractive fallback) may
 * change them at the end. A streamed message cannot be taken back, and whether
 * Slack accepts `chat.update` on a message after `stopStream` is not
 * documented, so no path depends on it: while the answer is being written the
 * thread shows the status line, and the final, verified text is what streams.
 */
import type { types as slackTypes, webApi } from '@slack/bolt';
import type { Answer } from '../../answer/types.js';
import type { Logger } from '../../logger.js';
import { renderAnswerBlocks, renderAnswerText, renderTrailerBlocks } from './render-answer.js';
import { escapeSlackText } from '../escape-slack.js';

type WebClient = webApi.WebClient;
type ChatStreamer = ReturnType<WebClient['chatStream']>;
type KnownBlock = slackTypes.KnownBlock;

/** Where the answer goes: a thread, on behalf of the asking user. */
export interface ThreadTarget {
  readonly channel: string;
  readonly threadTs: string;
  /** The asker: streaming outside a DM needs the recipient user and team. */
  readonly userId: string;
  readonly teamId?: string;
}

export interface ThreadWriterOptions {
  readonly client: WebClient;
  readonly target: ThreadTarget;
  readonly logger: Logger;
  /** Characters buffered before each streaming call (fewer calls, fewer rate limits). */
  readonly streamBufferSize?: number;
}

/** Streams one verified answer into a thread; falls back to one posted message. */
export class ThreadWriter {
  readonly #client: WebClient;
  readonly #target: ThreadTarget;
  readonly #logger: Logger;
  #streamer: ChatStreamer | null;
  /** Timestamp of the answer message, once it exists. */
  #ts: string | undefined;

  constructor({ client, target, logger, streamBufferSize = 256 }: ThreadWriterOptions) {
    this.#client = client;
    this.#target = target;
    this.#logger = logger;
    this.#streamer = client.chatStream({
      channel: target.channel,
      thread_ts: target.threadTs,
      recipient_user_id: target.userId,
      ...(target.teamId ? { recipient_team_id: target.teamId } : {}),
      buffer_size: streamBufferSize,
    });
  }

  /** Timestamp of the answer message (undefined until it was posted). */
  get ts(): string | undefined {
    return this.#ts;
  }

  /** Closes the thread's answer: the verified text, its sources and the feedback buttons. Returns the message ts. */
  async finish(answer: Answer, answerId: string): Promise<string | undefined> {
    if (this.#streamer) {
      try {
        // The core's text is neutralised; escaping keeps `<…>` sequences inert in Slack's markdown too.
        if (answer.text)
          await this.#streamer.append({ markdown_text: escapeSlackText(answer.text) });
        await this.#streamer.stop({ blocks: renderTrailerBlocks(answer, answerId) });
        this.#ts = this.#streamer.ts;
        return this.#ts;
      } catch (error) {
        this.#fallBack(error);
      }
    }
    await this.#post(renderAnswerText(answer), renderAnswerBlocks(answer, answerId));
    return this.#ts;
  }

  /** Ends the thread's answer with one short Polish sentence instead. */
  async fail(text: string): Promise<void> {
    if (this.#streamer) {
      try {
        await this.#streamer.stop({ markdown_text: text });
        this.#ts = this.#streamer.ts;
        return;
      } catch (error) {
        this.#fallBack(error);
      }
    }
    await this.#post(text);
  }

  #fallBack(error: unknown): void {
    this.#logger.warn(
      { err: error, channel: this.#target.channel, hadStarted: Boolean(this.#streamer?.ts) },
      'slack streaming failed, posting the answer as a message',
    );
    this.#streamer = null;
  }

  async #post(text: string, blocks?: KnownBlock[]): Promise<void> {
    const posted = await this.#client.chat.postMessage({
      channel: this.#target.channel,
      thread_ts: this.#target.threadTs,
      text,
      ...(blocks ? { blocks } : {}),
    });
    this.#ts = posted.ts;
  }
}
