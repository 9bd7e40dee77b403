/**
 * `/healthz` must keep telling the truth about Slack after the channel
 * connected: a revoked token, an unreachable Web API and a dropped Socket Mode
 * connection turn the channel `degraded` with a reason, and it recovers by
 * itself. The real channel against the loopback Slack API (HTTP and Socket Mode).
 */
import { startSlackHarness, type SlackHarness } from '../../helpers/slack-harness.js';

let harness: SlackHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function waitForHealth(
  h: SlackHarness,
  predicate: (state: ReturnType<SlackHarness['channel']['health']>) => boolean,
): Promise<ReturnType<SlackHarness['channel']['health']>> {
  // Up to 15 s: the socket client waits its 5 s ping timeout before reconnecting.
  for (let i = 0; i < 300; i++) {
    const state = h.channel.health();
    if (predicate(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`health stayed ${JSON.stringify(h.channel.health())}`);
}

test('HTTP mode: a token revoked mid-run turns Slack degraded with the reason; it recovers when auth.test passes again', async () => {
  harness = await startSlackHarness({ overrides: { healthProbeIntervalMs: 50 } });
  expect(harness.channel.health()).toEqual({ status: 'ok' });
  harness.slack.failMethod('auth.test', 'token_revoked');
  const degraded = await waitForHealth(harness, (s) => s.status === 'degraded');
  expect(degraded.reason).toMatch(/^Slack Web API unreachable or refused the token since \S+: /);
  expect(degraded.reason).toContain('token_revoked');
  harness.slack.restoreMethod('auth.test');
  await waitForHealth(harness, (s) => s.status === 'ok');
  expect(harness.slack.callsTo('auth.test').length).toBeGreaterThan(2);
});

test('Socket Mode: a dropped connection is reported while the client reconnects, then ok again', async () => {
  // A long probe interval: only the socket's own events can change the state here.
  harness = await startSlackHarness({
    socketMode: true,
    overrides: { healthProbeIntervalMs: 60_000 },
  });
  await harness.slack.socketConnected();
  expect(harness.channel.health()).toEqual({ status: 'ok' });
  harness.slack.dropSockets();
  const degraded = await waitForHealth(harness, (s) => s.status === 'degraded');
  expect(degraded.reason).toMatch(/Socket Mode connection lost/);
  await waitForHealth(harness, (s) => s.status === 'ok');
});
