/**
 * Keeps the Slack channel's health honest after it connected. Without this,
 * `/healthz` said `ok` for as long as the process lived once the first
 * `auth.test` had passed: a Slack outage, a revoked token or a dropped Socket
 * Mode connection were invisible to the admin until councillors complained.
 *
 * Two signals: a periodic `auth.test` on a client of its own (no retries,
 * short timeout, so a probe never waits behind a councillor's answer and
 * fails fast), and, in Socket Mode, the socket client's own connection
 * events (it reconnects by itself; we only report it).
 */
import type { Logger } from '../../logger.js';

import type { ChannelHealth } from '../channel-adapter.js';

export type SlackHealthState = ChannelHealth;

/** What we use of the Socket Mode client (an eventemitter3 emitter, not Node's). */
export interface ConnectionEvents {
  on(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
}

export interface WatchSlackHealthOptions {
  /** `auth.test` (or anything that proves the Web API answers for this token). */
  readonly probe: () => Promise<unknown>;
  /** The Socket Mode client, whose `connected` / `reconnecting` / `disconnected` events are reported. */
  readonly socket?: ConnectionEvents;
  readonly intervalMs: number;
  readonly setState: (state: SlackHealthState) => void;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** Starts watching; call the returned function to stop. Nothing keeps the process alive. */
export function watchSlackHealth({
  probe,
  socket,
  intervalMs,
  setState,
  logger,
  now = () => new Date(),
}: WatchSlackHealthOptions): () => void {
  // Separate facts: a probe can pass while the socket is down and the other way round; either one failing is degraded.
  let probeProblem: string | null = null;
  let socketProblem: string | null = null;
  let isStopped = false;
  const publish = () => {
    const reason = [socketProblem, probeProblem].filter(Boolean).join('; ');
    setState(reason ? { status: 'degraded', reason } : { status: 'ok' });
  };

  let failingSince: string | null = null;
  let isProbing = false;
  const runProbe = async () => {
    if (isProbing || isStopped) return;
    isProbing = true;
    try {
      await probe();
      if (probeProblem !== null) logger.info('slack: Web API reachable again');
      probeProblem = null;
      failingSince = null;
    } catch (error) {
      if (probeProblem === null) logger.warn({ err: error }, 'slack: Web API check failed');
      // The time of the first failure: "since" tells the admin how long it has lasted.
      failingSince ??= now().toISOString();
      const message = error instanceof Error ? error.message : String(error);
      probeProblem = `Slack Web API unreachable or refused the token since ${failingSince}: ${message}`;
    } finally {
      isProbing = false;
    }
    if (!isStopped) publish();
  };
  const timer = setInterval(() => void runProbe(), intervalMs);
  timer.unref();

  const onLost = (state: string) => () => {
    if (isStopped) return;
    if (socketProblem === null) logger.warn({ state }, 'slack: Socket Mode connection lost');
    socketProblem = `Slack Socket Mode connection lost (${state}); reconnecting`;
    publish();
  };
  const onConnected = () => {
    if (isStopped || socketProblem === null) return;
    logger.info('slack: Socket Mode reconnected');
    socketProblem = null;
    publish();
  };
  // `close` comes first: the client then waits (its ping timeout, 5 s) before it emits `reconnecting`.
  const onClose = onLost('closed');
  const onDisconnected = onLost('disconnected');
  const onReconnecting = onLost('reconnecting');
  socket?.on('close', onClose);
  socket?.on('disconnected', onDisconnected);
  socket?.on('reconnecting', onReconnecting);
  socket?.on('connected', onConnected);

  return () => {
    isStopped = true;
    clearInterval(timer);
    socket?.off('close', onClose);
    socket?.off('disconnected', onDisconnected);
    socket?.off('reconnecting', onReconnecting);
    socket?.off('connected', onConnected);
  };
}
