/**
 * Writes one answer into a Slack thread as it is produced. It streams with
 * Slack's streaming methods (`chat.startStream` / `appendStream` /
 * `stopStream`, through the Web API client's `chatStream` helper) and, when
 * those are unavailable (older Enterprise Grid, GovSlack, missing scope) or
 * fail mid-way, falls back to one message edited with `chat.update` at most
 * once per `updateIntervalMs` (Slack rate-limits `chat.update` at ~1/s per channel).
 */
import type { types as slackTypes, webApi } from '@slack/bolt';
import type { Answer } from '../../answer/types.js';
import type { Logger } from '../../logger.js';
import { SLACK_TEXT } from '../../messages.js';
import {
  renderAnswerBlocks,
  renderAnswerText,
  renderTrailerBlocks,
  toMrkdwn,
} from './render-answer.js';
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
  /** Minimum time between two `chat.update` calls in fallback mode. */
  readonly updateIntervalMs?: number;
  readonly now?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Streams one answer into a thread; falls back to throttled `chat.update`. */
export class ThreadWriter {
  readonly #o: Required<Omit<ThreadWriterOptions, 'target'>> & { target: ThreadTarget };
  #streamer: ChatStreamer | null;
  /** Text written so far (concatenated deltas). */
  #text = '';
  /** Timestamp of the message being written, once it exists. */
  #ts: string | undefined;
  #lastWriteAt = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | null = null;
  /** Serialises fallback writes so a timer flush never overtakes a later edit. */
  #queue: Promise<void> = Promise.resolve();

  constructor({
    client,
    target,
    logger,
    streamBufferSize = 256,
    updateIntervalMs = 1000,
    now = Date.now,
  }: ThreadWriterOptions) {
    this.#o = { client, target, logger, streamBufferSize, updateIntervalMs, now };
    this.#streamer = client.chatStream({
      channel: target.channel,
      thread_ts: target.threadTs,
      recipient_user_id: target.userId,
      ...(target.teamId ? { recipient_team_id: target.teamId } : {}),
      buffer_size: streamBufferSize,
    });
  }

  /** Timestamp of the answer message (undefined until something was posted). */
  get ts(): string | undefined {
    return this.#ts;
  }

  /** Whether the answer is (still) being streamed rather than edited. */
  get isStreaming(): boolean {
    return this.#streamer !== null;
  }

  /** Adds a piece of answer text. */
  async append(delta: string): Promise<void> {
    this.#text += delta;
    if (this.#streamer) {
      try {
        // The core streams neutralised text; escaping keeps `<…>` sequences inert in Slack's markdown too.
        await this.#streamer.append({ markdown_text: escapeSlackText(delta) });
        this.#ts = this.#streamer.ts ?? this.#ts;
        return;
      } catch (error) {
        this.#fallBack(error);
      }
    }
    this.#scheduleUpdate();
    await this.#queue;
  }

  /** Closes the message with the final answer, its sources and the feedback buttons. Returns the message ts. */
  async finish(answer: Answer, answerId: string): Promise<string | undefined> {
    if (this.#streamer) {
      try {
        await this.#streamer.stop({ blocks: renderTrailerBlocks(answer, answerId) });
        this.#ts = this.#streamer.ts;
        // Verification may have changed the text after it streamed (a removed `[n]`); show the verified one.
        if (answer.text !== this.#text && this.#ts)
          await this.#update(renderAnswerText(answer), renderAnswerBlocks(answer, answerId));
        return this.#ts;
      } catch (error) {
        this.#fallBack(error);
      }
    }
    await this.#writeLast(renderAnswerText(answer), renderAnswerBlocks(answer, answerId));
    return this.#ts;
  }

  /** Ends the message with one short Polish sentence instead of an answer. */
  async fail(text: string): Promise<void> {
    if (this.#streamer) {
      try {
        const hasText = this.#text.length > 0;
        await this.#streamer.stop({ markdown_text: hasText ? `\n\n${text}` : text });
        this.#ts = this.#streamer.ts;
        return;
      } catch (error) {
        this.#fallBack(error);
      }
    }
    const shown = this.#text ? `${toMrkdwn(this.#text)}\n\n${text}` : text;
    await this.#writeLast(shown);
  }

  #fallBack(error: unknown): void {
    this.#o.logger.warn(
      { err: error, channel: this.#o.target.channel },
      'slack streaming unavailable, falling back to chat.update',
    );
    // A stream that started has a message we can keep editing.
    this.#ts = this.#streamer?.ts ?? this.#ts;
    this.#streamer = null;
  }

  /** Queues a throttled edit with the latest text (at most one pending). */
  #scheduleUpdate(): void {
    if (this.#timer) return;
    const wait = Math.max(0, this.#lastWriteAt + this.#o.updateIntervalMs - this.#o.now());
    const write = () => {
      this.#timer = null;
      this.#queue = this.#queue
        .then(() => this.#write(toMrkdwn(this.#text) || SLACK_TEXT.working))
        .catch((error: unknown) =>
          this.#o.logger.warn({ err: error }, 'slack interim update failed'),
        );
    };
    if (wait === 0) write();
    else this.#timer = setTimeout(write, wait);
  }

  /** The final write: drops any pending interim edit, keeps the 1/s spacing, then writes. */
  async #writeLast(text: string, blocks?: KnownBlock[]): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#queue;
    if (this.#ts) {
      const wait = this.#lastWriteAt + this.#o.updateIntervalMs - this.#o.now();
      if (wait > 0) await sleep(wait);
    }
    await this.#write(text, blocks);
  }

  /** Posts the message the first time, edits it afterwards. */
  async #write(text: string, blocks?: KnownBlock[]): Promise<void> {
    const { client, target } = this.#o;
    if (this.#ts) {
      await this.#update(text, blocks);
    } else {
      const posted = await client.chat.postMessage({
        channel: target.channel,
        thread_ts: target.threadTs,
        text,
        ...(blocks ? { blocks } : {}),
      });
      this.#ts = posted.ts;
    }
    this.#lastWriteAt = this.#o.now();
  }

  async #update(text: string, blocks?: KnownBlock[]): Promise<void> {
    if (!this.#ts) return;
    await this.#o.client.chat.update({
      channel: this.#o.target.channel,
      ts: this.#ts,
      text,
      ...(blocks ? { blocks } : {}),
    });
    this.#lastWriteAt = this.#o.now();
  }
}
