/**
 * The Teams payload boundary: one zod schema listing only the activity fields
 * the channel reads. A body that fails it is answered with 400 before
 * botbuilder sees it, so bad input never reaches a turn.
 */
import { z } from 'zod';

const account = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

const entity = z.object({
  type: z.string(),
  text: z.string().optional(),
  mentioned: z.object({ id: z.string().optional() }).optional(),
});

/** Incoming Bot Framework activity, as far as Kancelaria reads it. */
export const incomingActivitySchema = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  channelId: z.string().min(1),
  from: account,
  recipient: account,
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  text: z.string().optional(),
  entities: z.array(entity).optional(),
  name: z.string().optional(),
  value: z.unknown().optional(),
  replyToId: z.string().optional(),
});

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** Result of reading a request body: the raw object (for botbuilder) and the parsed view (for us). */
export type ParseActivityResult =
  | {
      readonly ok: true;
      readonly raw: Record<string, unknown>;
      readonly activity: IncomingActivity;
    }
  | { readonly ok: false; readonly reason: string };

/** Parses a request body; never throws. */
export function parseActivity(body: string): ParseActivityResult {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'body is not an object' };
  const parsed = incomingActivitySchema.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(activity)'}: ${i.message}`)
      .join('; ');
    return { ok: false, reason };
  }
  return { ok: true, raw: raw as Record<string, unknown>, activity: parsed.data };
}

/** Channel and group chats are answered only when the bot is @mentioned. */
export function isBotMentioned(activity: IncomingActivity): boolean {
  return (activity.entities ?? []).some(
    (e) => e.type === 'mention' && e.mentioned?.id === activity.recipient.id,
  );
}

/**
 * The question without the bot's @mention (`<at>Kancelaria</at> pytanie` →
 * `pytanie`), so the bot's name never becomes a search term.
 */
export function stripBotMention(activity: IncomingActivity): string {
  let text = activity.text ?? '';
  for (const e of activity.entities ?? []) {
    if (e.type === 'mention' && e.mentioned?.id === activity.recipient.id && e.text)
      text = text.split(e.text).join(' ');
  }
  // Teams sometimes sends the tag without a matching entity text (edited messages).
  if (activity.recipient.name) text = text.split(`<at>${activity.recipient.name}</at>`).join(' ');
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Personal (1:1) chats stream; channels and group chats get one final message. */
export function isPersonalChat(activity: IncomingActivity): boolean {
  return (activity.conversation.conversationType ?? 'personal') === 'personal';
}

/**
 * The key under which a conversation's turns are kept. In a channel each
 * thread is its own conversation, so a root post gets `;messageid=` appended
 * like Teams does for the replies in its thread.
 */
export function historyKey(activity: IncomingActivity): string {
  const { id, conversationType } = activity.conversation;
  if (conversationType === 'channel' && !id.includes(';messageid=') && activity.id)
    return `teams:${id};messageid=${activity.id}`;
  return `teams:${id}`;
}
