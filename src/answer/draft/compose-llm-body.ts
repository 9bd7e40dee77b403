/**
 * The body of a draft written by the LLM (`prompts/draft-reply.pl.md`) from
 * the numbered passages: the reply must be JSON of the shape below (checked
 * with zod; one retry that names the error), and its citations are verified
 * as an answer's are (`verifyCitations`: unknown numbers removed, quotes
 * checked verbatim, renumbered one per letter page).
 */
import { z } from 'zod';
import type { SearchHit } from '../../archive/types.js';
import { LlmFailedError } from '../../errors.js';
import { formatPassage } from '../build-answer-messages.js';
import type { ChatMessage, LlmClient } from '../llm-client.js';
import { loadPrompt, promptMessages } from '../load-prompt.js';
import type { Citation } from '../types.js';
import { verifyCitations } from '../verify-citations.js';
import type { DraftParagraph } from './draft-letter.js';

/** What the model must return: paragraphs of sentences with source numbers, and what the sources lack. */
export const llmDraftBodySchema = z.object({
  paragraphs: z
    .array(
      z.object({
        sentences: z
          .array(z.object({ text: z.string().min(1), sources: z.array(z.number().int()) }))
          .min(1),
      }),
    )
    .min(1),
  missing: z.array(z.string().min(1)).default([]),
});

export interface ComposeLlmBodyOptions {
  readonly llm: LlmClient;
  readonly request: string;
  readonly hits: readonly SearchHit[];
  /** The addressee as typed, for the model's context. */
  readonly to: string;
  readonly signal?: AbortSignal;
}

export interface LlmBody {
  readonly paragraphs: DraftParagraph[];
  readonly citations: Citation[];
  readonly missing: string[];
  readonly removedCitations: number;
  readonly unverifiedQuotes: string[];
}

/** The JSON object in a reply (a model may wrap it in a ```json fence). */
function parseReply(reply: string) {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  let json: unknown;
  try {
    json = JSON.parse(start >= 0 && end > start ? reply.slice(start, end + 1) : reply);
  } catch (error) {
    return { success: false as const, error: `not JSON (${(error as Error).message})` };
  }
  const parsed = llmDraftBodySchema.safeParse(json);
  return parsed.success
    ? { success: true as const, data: parsed.data }
    : { success: false as const, error: z.prettifyError(parsed.error) };
}

/**
 * Writes and verifies the body.
 * @throws {LlmFailedError} when the second reply still does not match the schema.
 * @throws {LlmTimeoutError | LlmFailedError | LlmAbortedError} from the client.
 */
export async function composeLlmBody({
  llm,
  request,
  hits,
  to,
  signal,
}: ComposeLlmBodyOptions): Promise<LlmBody> {
  const prompt = loadPrompt('draft-reply', 'pl');
  const messages: ChatMessage[] = promptMessages(prompt, {
    passages: hits.map((hit, i) => formatPassage(hit, i + 1)).join('\n\n'),
    request: request.trim(),
    to,
  });
  const options = { ...(signal ? { signal } : {}), temperature: 0.2 };
  let reply = await llm.complete(messages, options);
  let parsed = parseReply(reply);
  if (!parsed.success) {
    reply = await llm.complete(
      [
        ...messages,
        { role: 'assistant', content: reply },
        {
          role: 'user',
          content: `Odpowiedź nie pasuje do wymaganego formatu: ${parsed.error}\nZwróć wyłącznie obiekt JSON {"paragraphs":[{"sentences":[{"text":"…","sources":[1]}]}],"missing":["…"]}.`,
        },
      ],
      options,
    );
    parsed = parseReply(reply);
    if (!parsed.success)
      throw new LlmFailedError(`draft body does not match the schema twice: ${parsed.error}`);
  }
  // One line per sentence, markers after it, so the verified text splits back into the same sentences.
  const sentences = parsed.data.paragraphs.flatMap((p, pi) =>
    p.sentences.map((s) => ({
      pi,
      line: `${s.text.replace(/\s*\n\s*/g, ' ')}${s.sources.map((n) => ` [${n}]`).join('')}`,
    })),
  );
  const verified = verifyCitations({ text: sentences.map((s) => s.line).join('\n'), hits });
  const lines = verified.text.split('\n');
  const paragraphs: DraftParagraph[] = [];
  lines.forEach((line, i) => {
    const sources = [...line.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const text = line.replace(/\s*\[\d+\]/g, '').trim();
    if (!text) return;
    const isPlaceholder = /^\[[^\]]+\]$/.test(text);
    const pi = sentences[i]?.pi ?? 0;
    const sentence = { text, sources, isPlaceholder };
    if (paragraphs[pi]) paragraphs[pi].sentences.push(sentence);
    else paragraphs[pi] = { sentences: [sentence] };
  });
  return {
    paragraphs: paragraphs.filter(Boolean),
    citations: verified.citations,
    missing: parsed.data.missing,
    removedCitations: verified.removedCitations,
    unverifiedQuotes: verified.unverifiedQuotes,
  };
}
