/**
 * `kancelaria mcp`: the archive as an MCP server over stdio, for a desktop
 * assistant on a clerk's machine (the assistant starts this process and
 * talks JSON-RPC on its stdin/stdout; logs go to stderr). Every call is made
 * as MCP_STDIO_USER, with that user's access groups, rate limit and audit.
 *
 * `kancelaria mcp --new-token USER` prints a fresh token for `POST /mcp` and
 * the `MCP_TOKENS` entry holding only its hash; `--hash-token` prints the
 * hash of a token read from stdin (never from the command line, where shell
 * history and `ps` would keep it).
 */
import { randomBytes } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createApp, describeIndexLocation } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { createMcpServer } from '../../channels/mcp/create-mcp-server.js';
import { hashToken, mcpIdentity } from '../../channels/mcp/verify-bearer-token.js';

/** Serves MCP on stdin/stdout until the client closes stdin. */
export async function runMcpStdio({
  config,
  logger,
  stdin = process.stdin,
  stdout = process.stdout,
}: {
  config: Config;
  logger: Logger;
  stdin?: Readable;
  stdout?: Writable;
}): Promise<void> {
  const app = await createApp(config, logger);
  const user = mcpIdentity(config, config.MCP_STDIO_USER);
  if ((await app.status()).letters === 0)
    logger.warn(
      { index: describeIndexLocation(config) },
      'the index is empty: every question will be refused until `kancelaria ingest` runs',
    );
  const server = createMcpServer({
    assistant: app.assistant,
    reader: app.reader,
    user,
    audit: (record) => app.store.audit(record),
    logger,
  });
  const transport = new StdioServerTransport(stdin, stdout);
  const closed = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
  await server.connect(transport);
  logger.info({ user: user.id, groups: user.accessGroups.length }, 'mcp server on stdio');
  await closed;
  await server.close();
  await app.close();
}

/**
 * A new random token (256 bits) and its `MCP_TOKENS` entry (hash only).
 * @throws Error when `user` is no valid MCP user name (one word without `: ; = |`, as config.ts requires).
 */
export function newToken(user: string): { token: string; entry: { sha256: string; user: string } } {
  if (!/^[^\s:;=|]+$/.test(user))
    throw new Error(`"${user}" is no MCP user name: one word without : ; = |`);
  const token = randomBytes(32).toString('base64url');
  return { token, entry: { sha256: hashToken(token), user } };
}

/** Reads all of `input` (a token piped in) and returns its hash. */
export async function hashTokenFrom(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  const token = Buffer.concat(chunks).toString('utf8').trim();
  if (!token)
    throw new Error(
      'no token on stdin (pipe it in: printf %s "$TOKEN" | kancelaria mcp --hash-token)',
    );
  return hashToken(token);
}
