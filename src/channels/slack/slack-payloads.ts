/**
 * The few fields of Slack payloads this adapter reads, checked once where
 * they enter (Bolt delivers them typed, but only as loosely as Slack's docs).
 * Schemas list only what we read, so new Slack fields never break parsing.
 */
import { z } from 'zod';

/** `app_mention` and `message` events: who wrote what, where. */
export const messageEventSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
  team: z.string().optional(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

/**
 * `app_home_opened`: the user opened the app. With agent messaging, `tab: "messages"` is the DM
 * being opened (it replaced `assistant_thread_started`); `home` is the Home tab, which we do not use.
 */
export const appHomeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string(),
  channel: z.string(),
  tab: z.string().optional(),
});
export type AppHomeOpened = z.infer<typeof appHomeOpenedSchema>;

/** `app_context_changed`: what the user looks at while the agent is open, most relevant first. */
export const appContextChangedSchema = z.object({
  type: z.literal('app_context_changed'),
  user: z.string().optional(),
  context: z
    .object({
      entities: z.array(z.object({ type: z.string(), value: z.string() })).default([]),
    })
    .default({ entities: [] }),
});

/** A slash command body (`/archiwum`, `/archiwum-admin`). */
export const commandSchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string(),
  channel_id: z.string(),
  team_id: z.string().optional(),
});
export type SlashCommand = z.infer<typeof commandSchema>;

/** A feedback button click (`block_actions`). */
export const feedbackActionSchema = z.object({
  user: z.object({ id: z.string() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z
    .object({ message_ts: z.string().optional(), thread_ts: z.string().optional() })
    .optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type FeedbackAction = z.infer<typeof feedbackActionSchema>;

/** One message of `conversations.replies`. */
export const replySchema = z.object({
  ts: z.string(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().default(''),
});

/** The `conversations.replies` answer (only the messages). */
export const repliesSchema = z.object({ messages: z.array(replySchema).default([]) });

/** The event id Slack reuses for every retry of one delivery, if the body is an Events API callback. */
export function eventIdOf(body: unknown): string | null {
  const parsed = z.object({ event_id: z.string() }).safeParse(body);
  return parsed.success ? parsed.data.event_id : null;
}
