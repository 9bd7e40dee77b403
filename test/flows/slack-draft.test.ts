/**
 * Drafting in Slack over HTTP, with the real Bolt app against the loopback
 * Slack API: the message shortcut opens the modal, its submission drafts
 * through the assistant and uploads the DOCX into the thread
 * (getUploadURLExternal → the upload → completeUploadExternal); the command
 * opens the same modal; the per-user rate limit applies to drafts.
 */
import { strFromU8, unzipSync } from 'fflate';
import { withRateLimit } from '../../src/assistant/rate-limit.js';
import type { Answerer, Assistant } from '../../src/assistant/types.js';
import {
  DRAFT_COMMAND,
  DRAFT_MODAL,
  DRAFT_SHORTCUT,
} from '../../src/channels/slack/register-draft.js';
import { SLACK_DRAFT_TEXT, USER_MESSAGES_PL } from '../../src/messages.js';
import { LIAONING_REFERENCE } from '../helpers/sample-archive.js';
import { startSlackHarness, type SlackHarness } from '../helpers/slack-harness.js';
import { interactionPayload, postSigned, slashCommand } from '../helpers/slack-requests.js';

const REQUEST = 'Prośba radnego o informację, jak wyglądała współpraca z prowincją Liaoning';
const OFFICE = {
  OFFICE_NAME: 'Urząd Miasta Chorzów',
  OFFICE_CITY: 'Chorzów',
  OFFICE_SIGNATORY_NAME: 'Marcin Michalik',
  OFFICE_SIGNATORY_ROLE: 'Zastępca Prezydenta Miasta',
};

let h: SlackHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const interact = (harness: SlackHarness, payload: Record<string, unknown>) =>
  postSigned(harness.eventsUrl, {
    body: interactionPayload(payload),
    contentType: 'application/x-www-form-urlencoded',
  });

function shortcut(messageText: string) {
  return {
    type: 'message_action',
    callback_id: DRAFT_SHORTCUT,
    trigger_id: 'trigger-1',
    team: { id: 'T1' },
    user: { id: 'U1' },
    channel: { id: 'C1' },
    message: { type: 'message', user: 'UKRZAK', text: messageText, ts: '1700000000.000100' },
    response_url: 'http://127.0.0.1:9/unused',
  };
}

/** The submission of the modal Slack would send, with the given inputs. */
function submission(view: Record<string, unknown>, values: Record<string, string | null>) {
  return {
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: 'U1' },
    view: {
      id: 'V1',
      callback_id: DRAFT_MODAL,
      private_metadata: view.private_metadata,
      state: {
        values: Object.fromEntries(
          Object.entries(values).map(([block, value]) => [
            block,
            { value: { type: 'plain_text_input', value } },
          ]),
        ),
      },
    },
  };
}

type ModalView = {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id: string; element: { initial_value?: string } }[];
};

describe('Slack: a reply draft from a councillor’s message', () => {
  test('shortcut → modal → the DOCX uploaded into the thread with a summary', async () => {
    h = await startSlackHarness({ env: OFFICE });
    expect((await interact(h, shortcut(REQUEST))).status).toBe(200);
    await h.slack.waitFor(() => h!.slack.callsTo('views.open').length === 1);
    const open = h.slack.callsTo('views.open')[0]!.args;
    expect(open.trigger_id).toBe('trigger-1');
    const view = open.view as ModalView;
    expect(view.callback_id).toBe(DRAFT_MODAL);
    const initial = (id: string) =>
      view.blocks.find((b) => b.block_id === id)?.element.initial_value;
    expect(initial('request')).toBe(REQUEST);
    expect(initial('from')).toBe('Marcin Michalik, Zastępca Prezydenta Miasta');

    const res = await interact(
      h,
      submission(view, {
        request: REQUEST,
        to: 'Pan Grzegorz Krzak, Radny Miasta Chorzów',
        from: 'Marcin Michalik, Zastępca Prezydenta Miasta',
        cc: 'Przewodniczący Rady Miasta Chorzów',
      }),
    );
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => h!.slack.callsTo('files.completeUploadExternal').length === 1);
    const methods = h.slack.calls
      .map((c) => c.method)
      .filter((m) => /^files\.|file_upload/.test(m));
    expect(methods).toEqual([
      'files.getUploadURLExternal',
      'file_upload',
      'files.completeUploadExternal',
    ]);
    const [urlCall] = h.slack.callsTo('files.getUploadURLExternal');
    const [upload] = h.slack.callsTo('file_upload');
    expect(urlCall!.args.filename).toMatch(/^szkic-odpowiedzi-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(Number(urlCall!.args.length)).toBe(upload!.bytes!.length);
    const complete = h.slack.callsTo('files.completeUploadExternal')[0]!.args;
    expect(complete).toMatchObject({
      channel_id: 'C1',
      thread_ts: '1700000000.000100',
      files: [{ id: 'F0001', title: SLACK_DRAFT_TEXT.fileTitle }],
    });
    expect(String(complete.initial_comment)).toMatch(
      /^Szkic odpowiedzi do sprawdzenia i podpisu: 1 źródło/,
    );
    // The uploaded bytes are the draft's DOCX.
    const parts = unzipSync(new Uint8Array(upload!.bytes!));
    const document = strFromU8(parts['word/document.xml']!);
    expect(document).toContain('Szanowny Panie Radny,');
    expect(document).toContain('Marcin Michalik');
    expect(document).toContain('1. Przewodniczący Rady Miasta Chorzów');
    expect(strFromU8(parts['word/footnotes.xml']!)).toContain(LIAONING_REFERENCE);
    expect(h.store.listAudit().map((a) => [a.channel, a.userId, a.action])).toEqual([
      ['slack', 'slack:U1', 'draft'],
    ]);
  });

  test('/archiwum-szkic opens the same modal, and the upload goes to the channel', async () => {
    h = await startSlackHarness({ env: OFFICE });
    const res = await postSigned(h.eventsUrl, {
      body: slashCommand({
        command: DRAFT_COMMAND,
        text: REQUEST,
        user_id: 'U1',
        response_url: h.slack.responseUrl('cmd'),
      }),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => h!.slack.callsTo('views.open').length === 1);
    const view = h.slack.callsTo('views.open')[0]!.args.view as ModalView;
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: 'C1' });
    await interact(h, submission(view, { request: REQUEST, to: null, from: null, cc: null }));
    await h.slack.waitFor(() => h!.slack.callsTo('files.completeUploadExternal').length === 1);
    const complete = h.slack.callsTo('files.completeUploadExternal')[0]!.args;
    expect(complete.channel_id).toBe('C1');
    expect(complete.thread_ts).toBeUndefined();
  });

  test('drafts count against the per-user rate limit: over it, a Polish ephemeral note and no upload', async () => {
    h = await startSlackHarness({
      env: OFFICE,
      wrapAssistant: (a: Answerer) => withRateLimit(a as Assistant, { perMinute: 1 }),
    });
    await interact(h, shortcut(REQUEST));
    await h.slack.waitFor(() => h!.slack.callsTo('views.open').length === 1);
    const view = h.slack.callsTo('views.open')[0]!.args.view as ModalView;
    const values = { request: REQUEST, to: 'Pan Grzegorz Krzak', from: null, cc: null };
    await interact(h, submission(view, values));
    await h.slack.waitFor(() => h!.slack.callsTo('files.completeUploadExternal').length === 1);
    await interact(h, submission(view, values));
    await h.slack.waitFor(() => h!.slack.callsTo('chat.postEphemeral').length === 1);
    expect(h.slack.callsTo('chat.postEphemeral')[0]!.args).toMatchObject({
      channel: 'C1',
      user: 'U1',
      text: USER_MESSAGES_PL.rate_limited,
    });
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
  });
});
