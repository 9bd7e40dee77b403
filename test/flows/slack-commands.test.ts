/**
 * Slash commands over HTTP: `/archiwum` (acked within 3 s, answered via
 * response_url, `-p` ephemeral) and `/archiwum-admin` (refused and audited
 * for non-admins, run for admins). Agent messaging: slack-agent-messaging.test.ts.
 */
import type { AnswerRequest, Answerer } from '../../src/assistant/types.js';
import { SLACK_TEXT } from '../../src/messages.js';
import { LIAONING_QUESTION, LIAONING_REFERENCE } from '../helpers/sample-archive.js';
import { ADMIN_ID, startSlackHarness, type SlackHarness } from '../helpers/slack-harness.js';
import { postSigned, slashCommand } from '../helpers/slack-requests.js';

/** Delays the answer, so the test can tell the ack from the answer. */
const slow =
  (ms: number) =>
  (inner: Answerer): Answerer => ({
    async *answer(request: AnswerRequest) {
      await new Promise((r) => setTimeout(r, ms));
      yield* inner.answer(request);
    },
  });

let h: SlackHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function command(
  harness: SlackHarness,
  name: string,
  text: string,
  userId = 'U1',
  responseId = 'cmd',
) {
  return postSigned(harness.eventsUrl, {
    body: slashCommand({
      command: name,
      text,
      user_id: userId,
      response_url: harness.slack.responseUrl(responseId),
    }),
    contentType: 'application/x-www-form-urlencoded',
  });
}

describe('/archiwum', () => {
  test('is acknowledged within 3 s, then answered in the channel with sources and buttons', async () => {
    h = await startSlackHarness({ wrapAssistant: slow(500) });
    const started = Date.now();
    const res = await command(h, '/archiwum', LIAONING_QUESTION);
    const ackedAt = Date.now();
    expect(res.status).toBe(200);
    expect(ackedAt - started).toBeLessThan(3000);
    expect(await res.json()).toMatchObject({
      response_type: 'ephemeral',
      text: SLACK_TEXT.commandAck,
    });
    expect(h.slack.callsTo('response_url')).toEqual([]);

    await h.slack.waitFor(() => h!.slack.callsTo('response_url').length === 1);
    const [answer] = h.slack.callsTo('response_url');
    expect(answer!.at).toBeGreaterThanOrEqual(ackedAt);
    expect(answer!.args).toMatchObject({ response_type: 'in_channel' });
    const blocks = JSON.stringify(answer!.args.blocks);
    expect(blocks).toContain(LIAONING_REFERENCE);
    expect(blocks).toContain('<@U1> pyta');
    expect(blocks).toContain('kancelaria_feedback_up');
  });

  test('`-p` answers ephemerally; an empty question gets the usage line', async () => {
    h = await startSlackHarness();
    await command(h, '/archiwum', `-p ${LIAONING_QUESTION}`);
    await h.slack.waitFor(() => h!.slack.callsTo('response_url').length === 1);
    expect(h.slack.callsTo('response_url')[0]?.args).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(h.slack.callsTo('response_url')[0]?.args.blocks)).not.toContain('pyta');

    const empty = await command(h, '/archiwum', '  ');
    expect(await empty.json()).toMatchObject({ text: SLACK_TEXT.emptyQuestion });
  });
});

describe('/archiwum-admin', () => {
  test('refuses a non-admin politely and audits the attempt', async () => {
    h = await startSlackHarness();
    const res = await command(h, '/archiwum-admin', 'reindex', 'U1');
    expect(await res.json()).toMatchObject({
      response_type: 'ephemeral',
      text: SLACK_TEXT.adminRefused,
    });
    expect(h.store.listAudit()).toMatchObject([
      { channel: 'slack', userId: 'U1', action: 'reindex', allowed: false },
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.callsTo('response_url')).toEqual([]);
  });

  test('shows the status to an admin', async () => {
    h = await startSlackHarness();
    await command(h, '/archiwum-admin', 'status', ADMIN_ID);
    await h.slack.waitFor(() => h!.slack.callsTo('response_url').length === 1);
    const text = String(h.slack.callsTo('response_url')[0]?.args.text);
    expect(text).toContain('Pisma: 2');
    expect(text).toContain('Fragmenty: 5');
    expect(text).toContain('sqlite');
    expect(h.store.listAudit()).toMatchObject([
      { userId: ADMIN_ID, action: 'status', allowed: true },
    ]);
  });

  test('runs reindex for an admin in the background, with progress and the summary', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    h = await startSlackHarness({
      reindex: async (onProgress) => {
        onProgress('1/2 pism');
        await gate;
        return 'Zsynchronizowano: 2 nowe.';
      },
    });
    const res = await command(h, '/archiwum-admin', 'reindex', ADMIN_ID);
    expect(await res.json()).toMatchObject({ text: SLACK_TEXT.reindexStarted });
    const busy = await command(h, '/archiwum-admin', 'reindex', ADMIN_ID);
    expect(await busy.json()).toMatchObject({ text: SLACK_TEXT.reindexBusy });
    release();
    await h.slack.waitFor(() =>
      h!.slack.callsTo('response_url').some((c) => c.args.text === 'Zsynchronizowano: 2 nowe.'),
    );
    expect(h.slack.callsTo('response_url').map((c) => c.args.text)).toEqual([
      '1/2 pism',
      'Zsynchronizowano: 2 nowe.',
    ]);
    expect(h.store.listAudit().map((a) => [a.action, a.allowed])).toEqual([
      ['reindex', true],
      ['reindex', true],
      ['reindex.finished', true],
    ]);
  });
});
