/**
 * `POST /mcp` on the one HTTP server: the MCP Streamable HTTP transport, on
 * when `MCP_TOKENS` lists a token. Stateless (no MCP sessions): each request
 * is authenticated by its bearer token and served by a server built for that
 * token's user, so no state outlives a request and one process serves many
 * users without mixing their access groups. Answers come back as one JSON
 * response (no server-sent stream: the tools return whole results).
 */
import type http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { readBody, type HttpRoute } from '../../server.js';
import type { ArchiveReader } from '../../assistant/read-archive.js';
import type { ChannelAdapter, ChannelDeps } from '../channel-adapter.js';
import { createMcpServer } from './create-mcp-server.js';
import { createBearerVerifier } from './verify-bearer-token.js';
import { recordAfterReply } from './record-after-reply.js';

/** A JSON-RPC batch of tool calls is small; anything bigger is not a client we serve. */
const MAX_BODY_BYTES = 256 * 1024;

/** What the MCP channel needs beyond every channel's deps: the archive reader (search, letters). */
export type McpChannelDeps = ChannelDeps & { readonly reader: ArchiveReader };

function sendJsonRpcError(
  res: http.ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/** The MCP channel's adapter: one route, nothing to connect. */
export function createMcpChannel({
  config,
  assistant,
  reader,
  store,
  logger,
}: McpChannelDeps): ChannelAdapter {
  const verify = createBearerVerifier(config);
  const audit = (record: Parameters<typeof store.audit>[0]) => store.audit(record);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const auth = verify(req.headers.authorization);
    if (auth.status !== 'ok') {
      // RFC 6750 §3: a missing token gets the bare challenge, a wrong one `invalid_token`. The token is never logged.
      logger.warn({ reason: auth.status }, 'mcp request without a valid bearer token');
      const challenge =
        auth.status === 'missing'
          ? 'Bearer realm="kancelaria"'
          : 'Bearer realm="kancelaria", error="invalid_token"';
      sendJsonRpcError(res, 401, -32001, 'Unauthorized', { 'www-authenticate': challenge });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, MAX_BODY_BYTES));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      sendJsonRpcError(res, 400, -32700, 'Parse error');
      return;
    }
    const afterReply = recordAfterReply(res, logger);
    const server = createMcpServer({
      assistant,
      reader,
      user: auth.user,
      audit,
      logger,
      afterReply,
    });
    // No `sessionIdGenerator`: the SDK's stateless mode (no Mcp-Session-Id issued or checked).
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
    // The server and transport live as long as this one request.
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  const routes: HttpRoute[] = [{ method: 'POST', path: '/mcp', handle }];
  return {
    name: 'mcp',
    routes,
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    describe: () =>
      `on, POST /mcp, ${config.MCP_TOKENS.length} token${config.MCP_TOKENS.length === 1 ? '' : 's'}`,
  };
}
