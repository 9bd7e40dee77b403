/**
 * Whether the Bot Framework connector took our last reply, for `/healthz`.
 * Teams pushes messages to us, so nothing fails while the connector is down
 * except our answers, silently in the log; this makes it visible. Learned
 * from real sends (there is no side-effect-free call to probe), cleared by
 * the next reply the connector accepts.
 */
export interface ConnectorHealth {
  /** `fetch` for the raw connector: records each reply's outcome. */
  readonly fetch: typeof fetch;
  health(): { readonly status: 'ok' | 'degraded'; readonly reason?: string };
}

export function trackConnectorHealth(
  fetchFn: typeof fetch,
  now: () => Date = () => new Date(),
): ConnectorHealth {
  let problem: string | null = null;
  let failingSince: string | null = null;
  const failed = (url: string, what: string) => {
    failingSince ??= now().toISOString();
    problem = `Bot Framework connector ${new URL(url).origin} failing since ${failingSince}: ${what}`;
  };
  const tracked: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    try {
      const response = await fetchFn(input, init);
      // 4xx other than throttling is about one activity (a deleted conversation), not the connector.
      if (response.status >= 500 || response.status === 429) failed(url, `HTTP ${response.status}`);
      else if (response.ok) {
        problem = null;
        failingSince = null;
      }
      return response;
    } catch (error) {
      failed(url, error instanceof Error ? error.message : String(error));
      throw error;
    }
  };
  return {
    fetch: tracked,
    health: () => (problem === null ? { status: 'ok' } : { status: 'degraded', reason: problem }),
  };
}
