/**
 * The web console's request bodies, validated once where they enter (zod),
 * plus the staff identity they name. Schemas list only the fields we read.
 */
import type http from 'node:http';
import { z } from 'zod';
import { identifyUser, type IdentityConfig } from '../../assistant/identify-user.js';
import type { UserIdentity } from '../../assistant/types.js';
import { readBody } from '../../server.js';
import { BadRequestError } from '../../errors.js';

/** Self-declared staff login: letters, digits, dot, dash, underscore, @. */
const staffName = z
  .string()
  .trim()
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]*$/u);

/** `POST /api/ask`. */
export const askPayload = z.object({
  question: z.string().trim().min(1).max(2000),
  history: z
    .array(z.object({ role: z.enum(['user', 'assistant']), text: z.string().max(8000) }))
    .max(20)
    .optional(),
  staff: staffName.optional(),
});
export type AskPayload = z.infer<typeof askPayload>;

/** `POST /api/feedback`: a thumb for an answer the page showed (`answerKey` from its final event). */
export const feedbackPayload = z.object({
  answerKey: z.string().min(1).max(100),
  rating: z.enum(['up', 'down']),
  comment: z.string().trim().max(2000).optional(),
  staff: staffName.optional(),
});
export type FeedbackPayload = z.infer<typeof feedbackPayload>;

/** `POST /api/draft`. */
export const draftPayload = z.object({
  request: z.string().trim().min(1).max(8000),
  to: z.string().trim().max(300).optional(),
  staff: staffName.optional(),
});
export type DraftPayload = z.infer<typeof draftPayload>;

/**
 * `POST /api/draft.docx`: either the id of a draft the console showed (with
 * the clerk's edited text, if any), or a request to draft afresh.
 */
export const docxPayload = z.union([
  z.object({
    draftId: z.string().min(1).max(100),
    text: z.string().max(50_000).optional(),
    staff: staffName.optional(),
  }),
  draftPayload,
]);
export type DocxPayload = z.infer<typeof docxPayload>;

/** Why a body was rejected: 415 for a non-JSON content type (also blocks cross-site form posts), 400 otherwise. */
export class BadPayloadError extends BadRequestError {
  readonly status: 400 | 413 | 415;
  constructor(status: 400 | 413 | 415, message: string) {
    super(message);
    this.name = 'BadPayloadError';
    this.status = status;
  }
}

/**
 * Reads and validates a JSON body.
 * @throws {BadPayloadError} on a wrong content type, an oversized body, malformed JSON or a schema mismatch.
 */
export async function readJsonPayload<T>(
  req: http.IncomingMessage,
  schema: z.ZodType<T>,
): Promise<T> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new BadPayloadError(415, `content-type ${type || '(none)'} is not application/json`);
  let raw: string;
  try {
    raw = await readBody(req, 100_000);
  } catch (error) {
    throw new BadPayloadError(413, error instanceof Error ? error.message : 'body too large');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new BadPayloadError(400, 'malformed JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new BadPayloadError(
      400,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

/**
 * The address a request came from (the socket's: a forwarded header is
 * client-controlled and not trusted here).
 */
export function clientAddress(req: http.IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * The staff member as the core sees them: `web:<name>`, with access groups
 * from `ACCESS_GROUPS` like the other channels. The name is self-declared:
 * anyone holding the console token can claim any name. Unnamed users are
 * `web:anonymous@<address>`, so they do not share one rate-limit bucket
 * (their access groups are those of `web:anonymous`).
 */
export function staffIdentity(
  config: IdentityConfig,
  name: string | undefined,
  address = 'unknown',
): UserIdentity {
  const trimmed = name?.trim();
  return identifyUser(
    config,
    trimmed
      ? { channel: 'web', id: trimmed, name: trimmed }
      : { channel: 'web', id: 'anonymous', instance: address },
  ).user;
}
