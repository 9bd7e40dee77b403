/**
 * The archive as an MCP server for one user: the tools `search_archive`,
 * `ask_archive` and `get_letter`, and letters as `letter://<id>` resources.
 * A thin adapter like every channel: tools call the assistant core (answers)
 * and the `ArchiveReader` (search, letters), which apply the access groups
 * inside the index query, the per-user rate limit and the audit; this file
 * only validates arguments (zod, through the SDK) and shapes results.
 * Built per identity: the HTTP route builds one per request for the token's
 * user, `kancelaria mcp` one for MCP_STDIO_USER.
 */
import fs from 'node:fs';
import path from 'node:path';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toAnswerView } from '../../answer/to-answer-view.js';
import type { ArchiveReader, LetterContent } from '../../assistant/read-archive.js';
import { collectAnswer } from '../../assistant/create-assistant.js';
import type { AuditRecord } from '../../assistant/state-store.js';
import type { Answerer, UserIdentity } from '../../assistant/types.js';
import { toBotError } from '../../errors.js';
import { safeLogField, type Logger } from '../../logger.js';
import { MCP_TEXT, USER_MESSAGES_PL } from '../../messages.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { TOOL_SCHEMAS, toAskOutput, toLetterOutput, toSearchOutput } from './tool-schemas.js';

export interface McpServerOptions {
  readonly assistant: Answerer;
  readonly reader: ArchiveReader;
  /** Who every call is made as (the token's user, or MCP_STDIO_USER). */
  readonly user: UserIdentity;
  /** The audit log; `ask_archive` is recorded here (the reader records its own calls). */
  readonly audit: (record: Omit<AuditRecord, 'at'>) => void;
  readonly logger: Logger;
  /** When the transport can tell the reply is out: the reader's log line and audit row run then (`ReadRequestBase.afterReply`). */
  readonly afterReply?: (record: () => void) => void;
}

const VERSION = (
  JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/**
 * One JSON Schema validator for every server: each `McpServer` would build its
 * own Ajv otherwise, which the HTTP route (one server per request) paid on
 * every call (a CPU profile showed it; the server only uses it for
 * elicitation, which these tools never ask for).
 */
const JSON_SCHEMA_VALIDATOR = new AjvJsonSchemaValidator();

/** Parsed once: the template is the same for every server. Letters are listed by search, not here: a listing of the whole archive helps no assistant. */
const LETTER_TEMPLATE = new ResourceTemplate('letter://{letterId}', { list: undefined });

/**
 * An MCP client reads the person's own results (a desktop assistant, a
 * personal agent): a token is issued to one person, so results are for
 * `asker` and that person's restricted letters are included.
 */
const AUDIENCE = 'asker';

/** A tool failure as the client shows it: one Polish sentence, details in our log only. */
function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** A letter as plain text: its card, then its passages under page markers. */
export function formatLetterText({ letter, passages }: LetterContent): string {
  const l = MCP_TEXT.letterLabels;
  const card = [
    [l.title, letter.title],
    [l.reference, letter.reference],
    [l.date, letter.date],
    [
      l.author,
      letter.author &&
        (letter.authorRole ? `${letter.author} (${letter.authorRole})` : letter.author),
    ],
    [l.addressee, letter.addressee],
    [l.file, letter.file],
    [l.link, letter.url],
  ]
    .filter(([, value]) => value)
    .map(([label, value]) => `${label}: ${value}`);
  const body: string[] = [];
  let page: number | null | undefined;
  for (const passage of passages) {
    if (passage.page !== null && passage.page !== page) body.push(`— ${l.page} ${passage.page} —`);
    page = passage.page;
    body.push(passage.text);
  }
  return [...card, '', ...body].join('\n');
}

/** Builds the MCP server for `user`. */
export function createMcpServer({
  assistant,
  reader,
  user,
  audit,
  logger,
  afterReply,
}: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: 'kancelaria', version: VERSION },
    { jsonSchemaValidator: JSON_SCHEMA_VALIDATOR },
  );
  const request = {
    user,
    audience: AUDIENCE,
    channel: 'mcp',
    ...(afterReply ? { afterReply } : {}),
  } as const;

  /** Runs a tool; a failure becomes a tool error with the user's sentence for its code. */
  async function guarded(
    tool: string,
    run: () => Promise<CallToolResult>,
  ): Promise<CallToolResult> {
    try {
      return await run();
    } catch (error) {
      const { code } = toBotError(error);
      if (code === 'rate_limited') logger.warn({ user: user.id, tool }, 'mcp call rate-limited');
      else logger.error({ err: error, user: user.id, tool }, 'mcp call failed');
      return toolError(USER_MESSAGES_PL[code]);
    }
  }

  server.registerTool(
    'search_archive',
    {
      title: 'Search the archive',
      description:
        "Searches the council office's archive of official letters (Polish) and returns the best-matching letters with their passages: reference number (znak sprawy), date, author, page and score. Use it to find sources; use ask_archive for an answer with verified citations.",
      inputSchema: TOOL_SCHEMAS.searchArchive.input,
      outputSchema: TOOL_SCHEMAS.searchArchive.output,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded('search_archive', async () => {
        const { letters } = await reader.search({
          ...request,
          query: args.query,
          ...(args.k !== undefined ? { k: args.k } : {}),
          ...(args.dateFrom ? { dateFrom: args.dateFrom } : {}),
          ...(args.dateTo ? { dateTo: args.dateTo } : {}),
          ...(args.reference ? { reference: args.reference } : {}),
        });
        const structured = toSearchOutput(letters);
        return {
          structuredContent: structured,
          content: [{ type: 'text', text: JSON.stringify(structured) }],
        };
      }),
  );

  server.registerTool(
    'ask_archive',
    {
      title: 'Ask the archive',
      description:
        "Answers a question from the council office's archive of official letters, citing letters as [n] with verbatim quotes that were checked against the passages. When the archive holds no answer the result is a refusal (refused: true; missing names what the archive lacks). Do not add facts the answer does not contain.",
      inputSchema: TOOL_SCHEMAS.askArchive.input,
      outputSchema: TOOL_SCHEMAS.askArchive.output,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded('ask_archive', async () => {
        const detail = safeLogField(args.question);
        let answer;
        try {
          answer = await collectAnswer(assistant, {
            question: args.question,
            ...(args.history ? { history: args.history } : {}),
            user,
            audience: AUDIENCE,
            signal: extra.signal,
          });
        } catch (error) {
          audit({ channel: 'mcp', userId: user.id, action: 'ask', allowed: false, detail });
          throw error;
        }
        audit({ channel: 'mcp', userId: user.id, action: 'ask', allowed: true, detail });
        const view = toAnswerView(answer);
        const text = [view.notice, view.text, view.sourcesText].filter(Boolean).join('\n\n');
        return { structuredContent: toAskOutput(answer), content: [{ type: 'text', text }] };
      }),
  );

  server.registerTool(
    'get_letter',
    {
      title: 'Read a letter',
      description:
        'Returns one letter of the archive by its letterId (from search_archive or ask_archive citations): its metadata and all its passages in order, with page numbers.',
      inputSchema: TOOL_SCHEMAS.getLetter.input,
      outputSchema: TOOL_SCHEMAS.getLetter.output,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded('get_letter', async () => {
        const content = await reader.getLetter({ ...request, letterId: args.letterId });
        if (!content) return toolError(MCP_TEXT.letterNotFound(args.letterId));
        const structured = toLetterOutput(content);
        return {
          structuredContent: structured,
          content: [{ type: 'text', text: formatLetterText(content) }],
        };
      }),
  );

  server.registerResource(
    'letter',
    LETTER_TEMPLATE,
    {
      title: 'Letter of the archive',
      description: 'An archived letter as text: its metadata, then its passages by page.',
      mimeType: 'text/plain',
    },
    async (uri, variables) => {
      const raw = variables.letterId;
      const letterId = decodeURIComponent(Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? ''));
      let content: LetterContent | null;
      try {
        content = await reader.getLetter({ ...request, letterId });
      } catch (error) {
        const { code } = toBotError(error);
        if (code !== 'rate_limited')
          logger.error({ err: error, user: user.id }, 'mcp resource read failed');
        throw new McpError(ErrorCode.InternalError, USER_MESSAGES_PL[code]);
      }
      // The same answer for a missing and a restricted letter.
      if (!content) throw new McpError(ErrorCode.InvalidParams, MCP_TEXT.letterNotFound(letterId));
      return {
        contents: [{ uri: uri.href, mimeType: 'text/plain', text: formatLetterText(content) }],
      };
    },
  );

  return server;
}
