/**
 * Sends activities to the Bot Connector as plain JSON.
 *
 * Why not `context.sendActivity`: botbuilder 4.23's connector serialiser
 * (`Mappers.Entity` in botframework-connector) keeps only `type`, `text` and
 * `mentioned` of each entity, so the AI label, the citations and even the
 * `streaminfo` entity reach Teams empty. Patching the shared mapper would be a
 * global side effect, so instead we do what botbuilder's own skill client
 * (`BotFrameworkClientImpl.postActivity`) does: sign the request with the
 * turn's connector credentials and POST the JSON ourselves. The credentials
 * are the ones botbuilder built from MICROSOFT_APP_* (token cache included);
 * with no app id they add no header, as for the Emulator.
 */
import { z } from 'zod';
import { BotError } from '../../errors.js';
import type { OutgoingActivity } from './types.js';

/** The header bag botbuilder's credentials write to (`TokenCredentials.signRequest` calls `headers.set`). */
export interface SignableRequest {
  readonly headers: {
    set(name: string, value: unknown): void;
    get(name: string): string | undefined;
  };
}

/**
 * The part of botbuilder's `ConnectorClient` we use: its credentials, which
 * sign requests. Structural, so nothing here imports botframework-connector
 * (a transitive package).
 */
export interface ConnectorCredentialsSource {
  readonly credentials: { signRequest(request: SignableRequest): Promise<unknown> };
}

export interface RawConnectorOptions {
  readonly connector: ConnectorCredentialsSource;
  /** `activity.serviceUrl` of the incoming activity. */
  readonly serviceUrl: string;
  readonly fetch?: typeof fetch;
  /** Waits before the single retry on 429 (Teams throttles streams); injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The connector operations the channel needs. */
export interface RawConnector {
  /** POST `/v3/conversations/{id}/activities[/{replyToId}]`; resolves to the new activity id. */
  send(conversationId: string, activity: OutgoingActivity): Promise<string>;
  /** PUT `/v3/conversations/{id}/activities/{activityId}`. */
  update(conversationId: string, activityId: string, activity: OutgoingActivity): Promise<void>;
}

const resourceResponse = z.object({ id: z.string().optional() });

/**
 * The `Authorization` header the connector credentials produce, or null.
 * AppCredentials/TokenCredentials only call `headers.set`, so a two-method
 * header bag stands in for the core-http WebResource (whose packages are not
 * ours to import).
 */
async function authorizationFor(connector: ConnectorCredentialsSource): Promise<string | null> {
  const headers = new Map<string, string>();
  await connector.credentials.signRequest({
    headers: {
      set: (name, value) => void headers.set(name.toLowerCase(), String(value)),
      get: (name) => headers.get(name.toLowerCase()),
    },
  });
  return headers.get('authorization') ?? null;
}

/** A 2xx body that is not JSON (some proxies send none) just means "no id". */
function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/** Creates a raw connector bound to one service URL and one set of credentials. */
export function createRawConnector({
  connector,
  serviceUrl,
  fetch: fetchFn = globalThis.fetch,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}: RawConnectorOptions): RawConnector {
  const base = serviceUrl.replace(/\/+$/, '');

  async function call(
    method: 'POST' | 'PUT',
    path: string,
    conversationId: string,
    activity: OutgoingActivity,
  ): Promise<string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      // botbuilder sends it too; the connector uses it for routing.
      'x-ms-conversation-id': conversationId,
    };
    for (let attempt = 0; ; attempt++) {
      const authorization = await authorizationFor(connector);
      if (authorization) headers.authorization = authorization;
      const response = await fetchFn(`${base}${path}`, {
        method,
        headers,
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      if (response.status === 429 && attempt === 0) {
        const seconds = Number(response.headers.get('retry-after'));
        await sleep(
          Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, 5000),
        );
        continue;
      }
      if (!response.ok) {
        throw new BotError(
          'internal',
          `connector ${method} ${path} replied ${response.status}: ${text.slice(0, 200)}`,
        );
      }
      const parsed = resourceResponse.safeParse(parseJson(text));
      return parsed.success ? (parsed.data.id ?? '') : '';
    }
  }

  const activitiesPath = (conversationId: string) =>
    `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  return {
    send: (conversationId, activity) =>
      call(
        'POST',
        activity.replyToId
          ? `${activitiesPath(conversationId)}/${encodeURIComponent(activity.replyToId)}`
          : activitiesPath(conversationId),
        conversationId,
        activity,
      ),
    update: async (conversationId, activityId, activity) => {
      await call(
        'PUT',
        `${activitiesPath(conversationId)}/${encodeURIComponent(activityId)}`,
        conversationId,
        activity,
      );
    },
  };
}
