/**
 * Drafting a reply in Slack: the message shortcut „Przygotuj szkic
 * odpowiedzi” on a councillor's message, and `/archiwum-szkic <treść>`, both
 * open a modal for the addressee and signatory (defaults from the office
 * settings); its submission drafts through the assistant core (rate limit,
 * access groups, audit) and uploads the DOCX into the message's thread with
 * a short summary (`files.getUploadURLExternal`, the upload, and
 * `files.completeUploadExternal`, through the Web API client's `filesUploadV2`).
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { OfficeSettings } from '../../answer/draft/draft-letter.js';
import { draftToDocx } from '../../answer/export-docx.js';
import type { Assistant } from '../../assistant/types.js';
import { toBotError } from '../../errors.js';
import { safeLogField } from '../../logger.js';
import { SLACK_DRAFT_TEXT, USER_MESSAGES_PL, WEB_TEXT } from '../../messages.js';
import { slackIdentity, type SlackDeps } from './slack-deps.js';

/** Names as registered in the manifest. */
export const DRAFT_SHORTCUT = 'draft_reply';
export const DRAFT_COMMAND = '/archiwum-szkic';
export const DRAFT_MODAL = 'draft_reply_modal';

export interface DraftDeps extends SlackDeps {
  readonly drafter: Pick<Assistant, 'draft'>;
  readonly office: OfficeSettings;
  readonly now?: () => Date;
}

/** Where the DOCX goes: the channel, and the thread of the message the shortcut was used on. */
const destinationSchema = z.object({
  channel: z.string(),
  threadTs: z.string().optional(),
});
type Destination = z.infer<typeof destinationSchema>;

const shortcutSchema = z.object({
  trigger_id: z.string(),
  user: z.object({ id: z.string() }),
  channel: z.object({ id: z.string() }),
  message: z.object({
    text: z.string().default(''),
    ts: z.string(),
    thread_ts: z.string().optional(),
  }),
});

const commandSchema = z.object({
  trigger_id: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
  text: z.string().default(''),
});

const inputValue = z.object({ value: z.string().nullish() });
const submissionSchema = z.object({
  user: z.object({ id: z.string() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({
      values: z.object({
        request: z.object({ value: inputValue }),
        to: z.object({ value: inputValue }),
        from: z.object({ value: inputValue }),
        cc: z.object({ value: inputValue }),
      }),
    }),
  }),
});

function input(
  blockId: string,
  label: string,
  {
    initial,
    placeholder,
    multiline = false,
    optional = false,
  }: {
    initial?: string;
    placeholder?: string;
    multiline?: boolean;
    optional?: boolean;
  },
) {
  return {
    type: 'input' as const,
    block_id: blockId,
    optional,
    label: { type: 'plain_text' as const, text: label },
    element: {
      type: 'plain_text_input' as const,
      action_id: 'value',
      multiline,
      ...(initial ? { initial_value: initial.slice(0, 3000) } : {}),
      ...(placeholder ? { placeholder: { type: 'plain_text' as const, text: placeholder } } : {}),
    },
  };
}

/** The modal: the request (prefilled with the message), addressee, signatory (the office's by default), copies. */
export function draftModal(request: string, office: OfficeSettings, destination: Destination) {
  const signatory = [office.signatoryName, office.signatoryRole].filter(Boolean).join(', ');
  return {
    type: 'modal' as const,
    callback_id: DRAFT_MODAL,
    private_metadata: JSON.stringify(destination),
    title: { type: 'plain_text' as const, text: SLACK_DRAFT_TEXT.modalTitle },
    submit: { type: 'plain_text' as const, text: SLACK_DRAFT_TEXT.modalSubmit },
    close: { type: 'plain_text' as const, text: SLACK_DRAFT_TEXT.modalClose },
    blocks: [
      input('request', SLACK_DRAFT_TEXT.requestLabel, { initial: request, multiline: true }),
      input('to', SLACK_DRAFT_TEXT.toLabel, { placeholder: SLACK_DRAFT_TEXT.toPlaceholder }),
      input('from', SLACK_DRAFT_TEXT.fromLabel, {
        ...(signatory ? { initial: signatory } : {}),
        placeholder: SLACK_DRAFT_TEXT.fromPlaceholder,
        optional: true,
      }),
      input('cc', SLACK_DRAFT_TEXT.ccLabel, { multiline: true, optional: true }),
    ],
  };
}

/** Registers the shortcut, the command and the modal's submission. */
export function registerDraft(app: App, deps: DraftDeps): void {
  const { logger, office, now = () => new Date() } = deps;

  app.shortcut(
    { callback_id: DRAFT_SHORTCUT, type: 'message_action' },
    async ({ shortcut, ack, client }) => {
      await ack();
      const s = shortcutSchema.parse(shortcut);
      await client.views.open({
        trigger_id: s.trigger_id,
        view: draftModal(s.message.text, office, {
          channel: s.channel.id,
          // The councillor's message starts the thread, unless it is itself a reply in one.
          threadTs: s.message.thread_ts ?? s.message.ts,
        }),
      });
    },
  );

  app.command(DRAFT_COMMAND, async ({ command, ack, client }) => {
    const c = commandSchema.parse(command);
    await ack();
    await client.views.open({
      trigger_id: c.trigger_id,
      view: draftModal(c.text.trim(), office, { channel: c.channel_id }),
    });
  });

  app.view(DRAFT_MODAL, async ({ ack, body, client }) => {
    const { user, view } = submissionSchema.parse(body);
    const values = view.state.values;
    const request = values.request.value.value?.trim() ?? '';
    if (!request) {
      await ack({ response_action: 'errors', errors: { request: SLACK_DRAFT_TEXT.emptyRequest } });
      return;
    }
    await ack();
    const destination = destinationSchema.parse(JSON.parse(view.private_metadata));
    const to = values.to.value.value?.trim();
    const from = values.from.value.value?.trim();
    const copiesTo = (values.cc.value.value ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    logger.info(
      { user: user.id, channel: destination.channel, request: safeLogField(request) },
      'slack draft',
    );
    try {
      const draft = await deps.drafter.draft({
        request,
        ...(to ? { to } : {}),
        ...(from ? { from } : {}),
        ...(copiesTo.length > 0 ? { copiesTo } : {}),
        user: slackIdentity(deps.config, user.id).user,
        channel: 'slack',
      });
      const day = now().toISOString().slice(0, 10);
      const upload = {
        channel_id: destination.channel,
        file: await draftToDocx(draft),
        filename: `${WEB_TEXT.docxFilePrefix}-${day}.docx`,
        title: SLACK_DRAFT_TEXT.fileTitle,
        initial_comment: SLACK_DRAFT_TEXT.summary(
          draft.citations.length,
          draft.letter.internal.missing.length,
        ),
      };
      await (destination.threadTs
        ? client.filesUploadV2({ ...upload, thread_ts: destination.threadTs })
        : client.filesUploadV2(upload));
    } catch (error) {
      const { code } = toBotError(error);
      if (code === 'rate_limited')
        logger.warn({ user: user.id }, 'slack draft refused: rate limit');
      else logger.error({ err: error, user: user.id }, 'slack draft failed');
      await client.chat
        .postEphemeral({
          channel: destination.channel,
          user: user.id,
          ...(destination.threadTs ? { thread_ts: destination.threadTs } : {}),
          text: USER_MESSAGES_PL[code],
        })
        .catch((e: unknown) => logger.error({ err: e }, 'slack draft error could not be sent'));
    }
  });
}
