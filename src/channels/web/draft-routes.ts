/**
 * `POST /api/draft` and `POST /api/draft.docx`: the CLI's `kancelaria draft`
 * for staff in the browser. A shown draft is kept for a while under an id,
 * so the DOCX is exactly the draft the clerk read (an LLM would write a
 * different one on a second call), with the clerk's edits to the text and
 * the server's own, verified sources. Drafting itself is the assistant's
 * (`assistant.draft`: rate limit, access groups, LLM fallback, audit).
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { describeCitation } from '../../answer/citations.js';
import type { DraftReply } from '../../answer/draft-reply.js';
import { draftToDocx } from '../../answer/export-docx.js';
import { withEditedBody } from '../../answer/draft/render-draft-text.js';
import type { StateStore } from '../../assistant/state-store.js';
import type { Assistant } from '../../assistant/types.js';
import type { IdentityConfig } from '../../assistant/identify-user.js';
import { toBotError } from '../../errors.js';
import { safeLogField, type Logger } from '../../logger.js';
import { USER_MESSAGES_PL, WEB_TEXT } from '../../messages.js';
import { BASE_HEADERS, sendBadPayload, sendJson } from './send-response.js';
import type { UserIdentity } from '../../assistant/types.js';
import {
  clientAddress,
  docxPayload,
  draftPayload,
  readJsonPayload,
  staffIdentity,
  type DraftPayload,
} from './web-payloads.js';

export interface DraftRoutesDeps {
  readonly config: IdentityConfig;
  readonly assistant: Pick<Assistant, 'draft'>;
  /** Audit trail of DOCX exports (drafts themselves are audited by the assistant). */
  readonly store: StateStore;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/** The console's two draft handlers. */
export interface DraftHandlers {
  draftJson(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  draftDocx(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
}

/**
 * The kept draft with the clerk's edited salutation and body. The console
 * shows the addressee above the text; a first block that is still exactly the
 * addressee is that line, not a paragraph of the letter.
 */
function editedDraft(draft: DraftReply, text: string): DraftReply {
  const blocks = text.split(/\n\s*\n/);
  const body =
    draft.to && blocks[0]?.trim() === draft.to.trim() ? blocks.slice(1).join('\n\n') : text;
  return {
    ...draft,
    text: body,
    letter: withEditedBody(draft.letter, body, draft.citations.length),
  };
}

/** How long a shown draft can still be downloaded, and how many are kept. */
const DRAFT_TTL_MS = 2 * 60 * 60 * 1000;
const MAX_DRAFTS = 200;

/** Builds the draft handlers; drafts are kept in memory (per process, lost on restart). */
export function createDraftHandlers({
  config,
  assistant,
  store,
  logger,
  now = () => new Date(),
  newId = randomUUID,
}: DraftRoutesDeps): DraftHandlers {
  const drafts = new Map<string, { draft: DraftReply; userId: string; at: number }>();

  function remember(draft: DraftReply, userId: string): string {
    const t = now().getTime();
    for (const [id, entry] of drafts)
      if (t - entry.at > DRAFT_TTL_MS || drafts.size >= MAX_DRAFTS) drafts.delete(id);
    const id = newId();
    drafts.set(id, { draft, userId, at: t });
    return id;
  }

  function write(payload: DraftPayload, user: UserIdentity): Promise<DraftReply> {
    return assistant.draft({
      request: payload.request,
      ...(payload.to ? { to: payload.to } : {}),
      user,
      channel: 'web',
    });
  }

  /** Runs `body`, turning a payload error into 400, the rate limit into 429 and anything else into a Polish 500. */
  async function guarded(res: http.ServerResponse, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      try {
        sendBadPayload(res, error, logger);
      } catch {
        const { code } = toBotError(error);
        if (code === 'rate_limited') logger.warn({ err: error }, 'web draft refused: rate limit');
        else logger.error({ err: error }, 'web draft failed');
        sendJson(res, code === 'rate_limited' ? 429 : 500, {
          error: code,
          message: USER_MESSAGES_PL[code],
        });
      }
    }
  }

  return {
    draftJson: (req, res) =>
      guarded(res, async () => {
        const payload = await readJsonPayload(req, draftPayload);
        const user = staffIdentity(config, payload.staff, clientAddress(req));
        const draft = await write(payload, user);
        const draftId = remember(draft, user.id);
        sendJson(res, 200, {
          draftId,
          kind: draft.kind,
          to: draft.to,
          text: draft.text,
          sources: draft.citations.map((c) => ({ ...c, description: describeCitation(c, 'pl') })),
        });
      }),
    draftDocx: (req, res) =>
      guarded(res, async () => {
        const payload = await readJsonPayload(req, docxPayload);
        const user = staffIdentity(config, payload.staff, clientAddress(req));
        let draft: DraftReply;
        if ('draftId' in payload) {
          const kept = drafts.get(payload.draftId);
          // Another person's draft id is as unknown as an expired one.
          if (!kept || kept.userId !== user.id) {
            sendJson(res, 404, { error: 'draft_expired', message: WEB_TEXT.draftExpired });
            return;
          }
          draft = payload.text !== undefined ? editedDraft(kept.draft, payload.text) : kept.draft;
        } else {
          draft = await write(payload, user);
        }
        store.audit({
          channel: 'web',
          userId: user.id,
          action: 'draft.docx',
          allowed: true,
          detail: safeLogField(draft.request),
        });
        const bytes = await draftToDocx(draft);
        const day = now().toISOString().slice(0, 10);
        res.writeHead(200, {
          ...BASE_HEADERS,
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'content-disposition': `attachment; filename="${WEB_TEXT.docxFilePrefix}-${day}.docx"`,
          'content-length': String(bytes.length),
        });
        res.end(bytes);
      }),
  };
}
