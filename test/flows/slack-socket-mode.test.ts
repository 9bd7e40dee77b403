/**
 * Slack in Socket Mode end to end: the real Bolt SocketModeReceiver opens
 * `apps.connections.open` on the fake Web API, connects to the fake's
 * WebSocket on 127.0.0.1, and must ack each envelope and answer it.
 */
import { LIAONING_QUESTION, LIAONING_REFERENCE } from '../helpers/sample-archive.js';
import { startSlackHarness, type SlackHarness } from '../helpers/slack-harness.js';

let h: SlackHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

function eventsApiEnvelope(
  envelopeId: string,
  eventId: string,
  retryAttempt = 0,
): Record<string, unknown> & { envelope_id: string } {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt ? 'timeout' : '',
    payload: {
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_mention',
        user: 'U1',
        text: `<@UBOT> ${LIAONING_QUESTION}`,
        ts: '1700000000.000100',
        channel: 'C1',
        team: 'T1',
        event_ts: '1700000000.000100',
      },
    },
  };
}

describe('Slack Socket Mode', () => {
  test('connects through apps.connections.open, acks the envelope and answers in the thread', async () => {
    h = await startSlackHarness({ socketMode: true });
    expect(h.channel.routes).toEqual([]);
    expect(h.channel.isSocketMode).toBe(true);
    await h.slack.socketConnected();
    expect(h.slack.callsTo('apps.connections.open')).toHaveLength(1);

    const ack = await h.slack.sendEnvelope(eventsApiEnvelope('env-1', 'EvSOCK1'));
    expect(ack).toMatchObject({ envelope_id: 'env-1' });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    expect(h.slack.callsTo('chat.startStream')[0]?.args).toMatchObject({
      channel: 'C1',
      thread_ts: '1700000000.000100',
    });
    expect(JSON.stringify(h.slack.callsTo('chat.stopStream')[0]?.args.blocks)).toContain(
      LIAONING_REFERENCE,
    );
  });

  test('a redelivered envelope (same event_id) is acked again but answered once', async () => {
    h = await startSlackHarness({ socketMode: true });
    await h.slack.socketConnected();
    await h.slack.sendEnvelope(eventsApiEnvelope('env-1', 'EvSOCK2'));
    const second = await h.slack.sendEnvelope(eventsApiEnvelope('env-2', 'EvSOCK2', 1));
    expect(second).toMatchObject({ envelope_id: 'env-2' });
    await h.slack.waitFor(() => h!.slack.callsTo('chat.stopStream').length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.slack.callsTo('chat.startStream')).toHaveLength(1);
    expect(h.slack.acks.map((a) => a.envelope_id)).toEqual(['env-1', 'env-2']);
  });
});
