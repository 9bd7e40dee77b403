/**
 * Requests built exactly like Slack's: v0 HMAC-SHA256 signature over
 * `v0:<timestamp>:<raw body>`, Events API JSON, slash command and
 * interactivity forms.
 */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SignedPostOptions {
  readonly body: string;
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded';
  readonly secret?: string;
  /** Unix seconds; defaults to now. */
  readonly timestamp?: number;
  readonly headers?: Record<string, string>;
}

/** Slack's request signature for `body` at `timestamp`. */
export function signSlackBody(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed request to the app's Slack endpoint. */
export async function postSigned(
  url: string,
  { body, contentType, secret = SIGNING_SECRET, timestamp, headers = {} }: SignedPostOptions,
): Promise<Response> {
  const ts = timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signSlackBody(secret, ts, body),
      ...headers,
    },
    body,
  });
}

/** An Events API callback body wrapping `event`. */
export function eventCallback(
  event: Record<string, unknown>,
  eventId = `Ev${Math.random().toString(36).slice(2, 10)}`,
): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  });
}

/** A slash command form body. */
export function slashCommand(fields: {
  command: string;
  text: string;
  user_id: string;
  response_url: string;
  channel_id?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'urzad',
    channel_id: fields.channel_id ?? 'C1',
    channel_name: 'rada',
    user_id: fields.user_id,
    user_name: 'radna',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.response_url,
    trigger_id: 'trigger',
  }).toString();
}

/** An interactivity form body (`payload=<json>`). */
export function interactionPayload(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
