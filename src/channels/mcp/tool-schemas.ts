/**
 * The MCP tools' input and output schemas (zod; the SDK publishes them as
 * JSON Schema in `tools/list` and checks every call and result against
 * them), and the mapping from the core's letters, passages and answers to
 * those outputs. Field names follow `kancelaria ask --json` where the two
 * meet (`answer`, `refused`, `missing`, `citations`).
 */
import { z } from 'zod';
import type { Citation } from '../../answer/types.js';
import type { Answer } from '../../answer/types.js';
import type { Letter, Passage } from '../../archive/types.js';
import type { FoundLetter, LetterContent } from '../../assistant/read-archive.js';

/** Most passages one search may return: enough for an assistant to read, not the archive. */
export const MAX_SEARCH_PASSAGES = 50;
/** Earlier turns an `ask_archive` call may carry. */
const MAX_HISTORY = 20;

const isoDate = z.iso.date().describe('ISO date YYYY-MM-DD (inclusive), of the letter itself');

const searchArchiveInput = {
  query: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe('What to look for, in Polish (diacritics optional)'),
  k: z
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_PASSAGES)
    .optional()
    .describe('Passages to return across letters (default 10)'),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Znak sprawy, e.g. WEN.9823.2020.RFZ; only that letter matches'),
};

const askArchiveInput = {
  question: z.string().trim().min(1).max(2000).describe('The question, in Polish or English'),
  history: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant']),
        text: z.string().max(8000),
      }),
    )
    .max(MAX_HISTORY)
    .optional()
    .describe('Earlier turns of the conversation, oldest first, for follow-up questions'),
};

const getLetterInput = {
  letterId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('A letterId from search_archive, ask_archive or a letter:// URI'),
};

/** A letter's metadata as every tool returns it. */
const letterFields = {
  letterId: z.string(),
  /** `letter://<id>`: readable as an MCP resource. */
  resourceUri: z.string(),
  file: z.string(),
  title: z.string().nullable(),
  reference: z.string().nullable().describe('Znak sprawy'),
  date: z.string().nullable(),
  author: z.string().nullable(),
  authorRole: z.string().nullable(),
  addressee: z.string().nullable(),
  pages: z.number(),
  /** Where the letter is published, when it is. */
  url: z.string().nullable(),
};

const passageFields = {
  passageId: z.string(),
  page: z.number().nullable(),
  text: z.string(),
};

/** The letter viewer's link, present only when the deployment has a viewer. */
const viewerUrl = z.string().optional();

const searchArchiveOutput = {
  letters: z.array(
    z.object({
      ...letterFields,
      score: z.number(),
      passages: z.array(z.object({ ...passageFields, score: z.number(), viewerUrl })),
    }),
  ),
};

const getLetterOutput = {
  letter: z.object({ ...letterFields, viewerUrl }),
  passages: z.array(z.object(passageFields)),
};

const askArchiveOutput = {
  answer: z.string().describe('Answer text with [n] markers pointing at citations'),
  refused: z.boolean().describe('True when the archive holds no answer'),
  missing: z
    .array(z.string())
    .optional()
    .describe('On a refusal: what the question names that no letter states'),
  notice: z.string().optional().describe('Why the answer is extractive quotes (LLM unavailable)'),
  citations: z.array(
    z.object({
      n: z.number(),
      letterId: z.string(),
      resourceUri: z.string(),
      file: z.string(),
      page: z.number().nullable(),
      reference: z.string().nullable(),
      date: z.string().nullable(),
      author: z.string().nullable(),
      authorRole: z.string().nullable(),
      title: z.string().nullable(),
      url: z.string().nullable(),
      quote: z.string().describe('Verbatim text of the cited passage'),
      viewerUrl,
    }),
  ),
};

/**
 * The tools' schemas as zod objects, built once. Given a raw shape, the SDK
 * wraps it in a new object schema at every `registerTool`, and the HTTP route
 * registers the tools for every request: each request paid for building the
 * schemas and for zod compiling their parsers on first use (a CPU profile of
 * `search_archive` showed it). One instance each keeps the compiled parsers.
 */
export const TOOL_SCHEMAS = {
  searchArchive: { input: z.object(searchArchiveInput), output: z.object(searchArchiveOutput) },
  askArchive: { input: z.object(askArchiveInput), output: z.object(askArchiveOutput) },
  getLetter: { input: z.object(getLetterInput), output: z.object(getLetterOutput) },
} as const;

export type SearchArchiveOutput = z.infer<typeof TOOL_SCHEMAS.searchArchive.output>;
export type GetLetterOutput = z.infer<typeof TOOL_SCHEMAS.getLetter.output>;
export type AskArchiveOutput = z.infer<typeof TOOL_SCHEMAS.askArchive.output>;

/** The resource URI of a letter. */
export function letterUri(letterId: string): string {
  return `letter://${encodeURIComponent(letterId)}`;
}

function toLetterFields(letter: Letter) {
  return {
    letterId: letter.id,
    resourceUri: letterUri(letter.id),
    file: letter.file,
    title: letter.title,
    reference: letter.reference,
    date: letter.date,
    author: letter.author,
    authorRole: letter.authorRole,
    addressee: letter.addressee,
    pages: letter.pages,
    url: letter.url,
  };
}

function toPassageFields(passage: Passage) {
  return { passageId: passage.id, page: passage.page, text: passage.text };
}

/** `search_archive`'s result from the reader's letters. */
export function toSearchOutput(letters: readonly FoundLetter[]): SearchArchiveOutput {
  return {
    letters: letters.map(({ letter, score, passages }) => ({
      ...toLetterFields(letter),
      score,
      passages: passages.map((p) => ({
        ...toPassageFields(p.passage),
        score: p.score,
        ...(p.viewerUrl ? { viewerUrl: p.viewerUrl } : {}),
      })),
    })),
  };
}

/** `get_letter`'s result. */
export function toLetterOutput({ letter, passages, viewerUrl }: LetterContent): GetLetterOutput {
  return {
    letter: { ...toLetterFields(letter), ...(viewerUrl ? { viewerUrl } : {}) },
    passages: passages.map(toPassageFields),
  };
}

/** A citation that may carry a viewer link (once the core attaches one). */
type LinkableCitation = Citation & { readonly viewerUrl?: string | null };

/** `ask_archive`'s result: the core's verified answer, as the CLI's `--json` shapes it. */
export function toAskOutput(answer: Answer): AskArchiveOutput {
  const citations: readonly LinkableCitation[] = answer.citations;
  return {
    answer: answer.text,
    refused: answer.kind === 'refusal',
    ...(answer.kind === 'refusal' && answer.missing?.length
      ? { missing: [...answer.missing] }
      : {}),
    ...(answer.kind === 'extractive' && answer.notice ? { notice: answer.notice } : {}),
    citations: citations.map((c) => ({
      n: c.n,
      letterId: c.letterId,
      resourceUri: letterUri(c.letterId),
      file: c.file,
      page: c.page,
      reference: c.reference,
      date: c.date,
      author: c.author,
      authorRole: c.authorRole,
      title: c.title,
      url: c.url,
      quote: c.quote,
      ...(c.viewerUrl ? { viewerUrl: c.viewerUrl } : {}),
    })),
  };
}
