/**
 * `/healthz` learns that Teams' connector refuses our replies: the real
 * channel (botbuilder CloudAdapter) against the loopback connector, which
 * answers 503 for a while and then recovers.
 */
import {
  personalMessage,
  startTeamsHarness,
  type TeamsHarness,
} from '../../helpers/teams-harness.js';

let h: TeamsHarness;
afterEach(async () => {
  await h.close();
});

test('a connector answering 503 turns Teams degraded with its address; the next accepted reply clears it', async () => {
  h = await startTeamsHarness();
  expect(h.channel.health()).toEqual({ status: 'ok' });
  h.connector.failWith(503);
  const ask = (id: string) =>
    h.post({
      ...personalMessage(h.connector.serviceUrl, 'Jak wygląda współpraca z prowincją Liaoning?'),
      id,
    });
  expect((await ask('m1')).status).toBeLessThan(300);
  await h.channel.idle();
  const degraded = h.channel.health();
  expect(degraded.status).toBe('degraded');
  expect(degraded.reason).toMatch(
    new RegExp(
      `^Bot Framework connector ${new URL(h.connector.serviceUrl).origin} failing since \\S+: HTTP 503$`,
    ),
  );
  h.connector.failWith(null);
  expect((await ask('m2')).status).toBeLessThan(300);
  await h.channel.idle();
  expect(h.channel.health()).toEqual({ status: 'ok' });
  expect(h.connector.activities.some((a) => a.body.type === 'message')).toBe(true);
});
