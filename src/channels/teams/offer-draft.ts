/**
 * Drafting a reply in a Teams personal chat: `szkic <treść>` (optionally a
 * line `do: <adresat>`) drafts through the assistant core (rate limit,
 * access groups, audit) and offers the DOCX with a file consent card. When
 * the user accepts, Teams sends `fileConsent/invoke` with an upload URL in
 * their OneDrive; the bot PUTs the bytes there and posts a file info card.
 * Files through the bot API work only in personal chats (Teams' rule).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { draftToDocx } from '../../answer/export-docx.js';
import type { Assistant } from '../../assistant/types.js';
import type { Logger } from '../../logger.js';
import { safeLogField } from '../../logger.js';
import { SLACK_DRAFT_TEXT, TEAMS_DRAFT_TEXT, WEB_TEXT } from '../../messages.js';
import { addressed, type ReplyTarget } from './deliver-answer.js';
import type { RawConnector } from './send-raw-activity.js';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

/** How long an offered draft waits for the user's consent, and how many are kept. */
const OFFER_TTL_MS = 60 * 60 * 1000;
const MAX_OFFERS = 100;

/**
 * `szkic <treść> [do: <adresat>]` → the request and the addressee; null for
 * any other message. `do:` may stand on its own line or inline (Teams and the
 * mention stripping fold line breaks).
 */
export function parseDraftCommand(text: string): { request: string; to?: string } | null {
  const m = /^\s*szkic(?:\s+|$)([\s\S]*)$/iu.exec(text);
  if (!m) return null;
  const body = m[1]!.replace(/\s+/g, ' ').trim();
  const split = /^(.*?)\s*(?:^|\s)(?:do|adresat)\s*:\s*(.+)$/iu.exec(body);
  return split ? { request: split[1]!.trim(), to: split[2]!.trim() } : { request: body };
}

const consentValueSchema = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ draftId: z.string() }).optional(),
  uploadInfo: z
    .object({
      uploadUrl: z.url({ protocol: /^https?$/ }),
      contentUrl: z.string(),
      name: z.string(),
      uniqueId: z.string().optional(),
      fileType: z.string().optional(),
    })
    .optional(),
});

interface Offer {
  readonly bytes: Buffer;
  readonly filename: string;
  readonly userId: string;
  readonly at: number;
}

export interface DraftOffersOptions {
  readonly drafter: Pick<Assistant, 'draft'>;
  readonly logger: Logger;
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => number;
  readonly newId?: () => string;
}

/** The drafts offered and waiting for consent (in memory, per process). */
export interface DraftOffers {
  /**
   * Drafts and sends the consent card.
   * @throws {RateLimitedError} and whatever the assistant throws (the caller tells the user).
   */
  offer(options: {
    request: string;
    to?: string;
    user: { id: string; accessGroups?: readonly string[] };
    target: ReplyTarget;
    connector: RawConnector;
  }): Promise<void>;
  /** Handles `fileConsent/invoke`; resolves to the invoke's HTTP status. */
  answerConsent(options: {
    value: unknown;
    userId: string;
    target: ReplyTarget;
    connector: RawConnector;
  }): Promise<number>;
}

export function createDraftOffers({
  drafter,
  logger,
  fetch: fetchFn = globalThis.fetch,
  now = Date.now,
  newId = randomUUID,
}: DraftOffersOptions): DraftOffers {
  const offers = new Map<string, Offer>();
  const text = (target: ReplyTarget, connector: RawConnector, message: string) =>
    connector.send(
      target.conversationId,
      addressed(target, { type: 'message', text: message, textFormat: 'plain' }),
    );

  return {
    async offer({ request, to, user, target, connector }) {
      if (!request) {
        await text(target, connector, TEAMS_DRAFT_TEXT.emptyRequest);
        return;
      }
      logger.info({ user: user.id, request: safeLogField(request) }, 'teams draft');
      const draft = await drafter.draft({
        request,
        ...(to ? { to } : {}),
        user,
        channel: 'teams',
      });
      const bytes = await draftToDocx(draft);
      const t = now();
      for (const [id, o] of offers)
        if (t - o.at > OFFER_TTL_MS || offers.size >= MAX_OFFERS) offers.delete(id);
      const draftId = newId();
      const filename = `${WEB_TEXT.docxFilePrefix}-${new Date(t).toISOString().slice(0, 10)}.docx`;
      offers.set(draftId, { bytes, filename, userId: user.id, at: t });
      const summary = SLACK_DRAFT_TEXT.summary(
        draft.citations.length,
        draft.letter.internal.missing.length,
      );
      await connector.send(
        target.conversationId,
        addressed(target, {
          type: 'message',
          attachments: [
            {
              contentType: FILE_CONSENT_CARD,
              name: filename,
              content: {
                description: TEAMS_DRAFT_TEXT.consentDescription(summary),
                sizeInBytes: bytes.length,
                acceptContext: { draftId },
                declineContext: { draftId },
              },
            },
          ],
        }),
      );
    },

    async answerConsent({ value, userId, target, connector }) {
      const parsed = consentValueSchema.safeParse(value);
      if (!parsed.success) return 400;
      const { action, context, uploadInfo } = parsed.data;
      const offer = context ? offers.get(context.draftId) : undefined;
      // Another user's draft id is as unknown as an expired one.
      if (!context || !offer || offer.userId !== userId) {
        await text(target, connector, TEAMS_DRAFT_TEXT.expired);
        return 200;
      }
      offers.delete(context.draftId);
      if (action === 'decline' || !uploadInfo) {
        await text(target, connector, TEAMS_DRAFT_TEXT.declined);
        return 200;
      }
      const n = offer.bytes.length;
      const res = await fetchFn(uploadInfo.uploadUrl, {
        method: 'PUT',
        headers: { 'content-length': String(n), 'content-range': `bytes 0-${n - 1}/${n}` },
        body: new Uint8Array(offer.bytes),
      });
      if (!res.ok) {
        logger.error({ status: res.status }, 'teams draft upload failed');
        await text(target, connector, TEAMS_DRAFT_TEXT.uploadFailed);
        return 200;
      }
      await connector.send(
        target.conversationId,
        addressed(target, {
          type: 'message',
          attachments: [
            {
              contentType: FILE_INFO_CARD,
              contentUrl: uploadInfo.contentUrl,
              name: uploadInfo.name,
              content: {
                ...(uploadInfo.uniqueId ? { uniqueId: uploadInfo.uniqueId } : {}),
                fileType: uploadInfo.fileType ?? 'docx',
              },
            },
          ],
        }),
      );
      return 200;
    },
  };
}
