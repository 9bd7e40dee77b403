/**
 * The one contract every channel (Slack, Teams, the web console) implements,
 * so `serve` mounts, starts, describes and stops them in one loop and a new
 * channel is one folder under `src/channels/` plus one entry in
 * `src/channels/channel-registry.ts`. Channels are thin adapters: they turn
 * a message into an `AnswerRequest` (or a `DraftRequest`) for the assistant
 * core and render what comes back from `toAnswerView`; they never touch the
 * index or the LLM.
 */
import type { App } from '../app.js';
import type { ChannelName } from '../assistant/types.js';
import type { HttpRoute } from '../server.js';

export interface ChannelAdapter {
  readonly name: Exclude<ChannelName, 'cli'>;
  /** Routes mounted on the one HTTP server (none for Slack in Socket Mode). */
  readonly routes: readonly HttpRoute[];
  /** Connects what the server does not (Slack's Socket Mode); resolves when ready. */
  start(): Promise<void>;
  /** Disconnects and waits for answers still being written (called after the server stopped taking requests). */
  stop(): Promise<void>;
  /** How the channel runs, for the start log (`socket-mode`, `http`, `on, authentication off`). */
  describe(): string;
  /**
   * Whether the service behind the channel works now (Slack's Web API, Teams' connector), for
   * `/healthz`; anything but `ok` is listed under `degraded` with its reason. Omitted: always ok.
   */
  health?(): ChannelHealth;
}

export interface ChannelHealth {
  readonly status: 'starting' | 'ok' | 'degraded';
  readonly reason?: string;
}

/**
 * What every channel is built from: the parts of the composition root a
 * channel may use (config, assistant, state store, admin commands, logger),
 * declared once instead of per channel. Each factory takes it first; a second
 * `XChannelOptions` argument holds only tuning (intervals, retries, ids,
 * clocks) that tests shorten. Status and reindex reach channels only through
 * `admin`, which guards and audits them.
 */
export type ChannelDeps = Pick<App, 'config' | 'assistant' | 'store' | 'logger' | 'admin'>;
