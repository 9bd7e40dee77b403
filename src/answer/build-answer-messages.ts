/**
 * The answer prompt's sources: each shown passage numbered `[n]` with its
 * letter's metadata, its text wrapped in `<zrodlo>` tags. The tags, and the
 * system prompt's rule that their content is data, keep instruction-like text
 * inside a letter from being read as instructions; a letter cannot close the
 * tag early because tag-like text inside it is neutralised.
 */
import type { SearchHit } from '../archive/types.js';
import type { ChatMessage } from './llm-client.js';
import { loadPrompt, promptMessages, type Prompt } from './load-prompt.js';

/** The reply the prompt asks for when the passages do not answer. */
export const NO_ANSWER_MARKER = 'BRAK_ODPOWIEDZI';

/**
 * Makes the prompts' data tags (`<zrodlo>`, and the condense prompt's
 * `<historia>`, `<pytanie>`) harmless inside text that fills them: letter
 * text, chat history, and the question itself (a follow-up rewritten from
 * history can never open or close a source).
 */
export function neutraliseTags(text: string): string {
  return text.replace(/<\s*(\/?)\s*(zrodlo|historia|pytanie)/gi, '‹$1$2');
}

/** One numbered source block. */
export function formatPassage(hit: SearchHit, n: number): string {
  const { letter, passage } = hit;
  const attrs = [
    ['n', String(n)],
    ['znak', letter.reference],
    ['data', letter.date],
    [
      'autor',
      letter.author
        ? letter.authorRole
          ? `${letter.author}, ${letter.authorRole}`
          : letter.author
        : null,
    ],
    ['adresat', letter.addressee],
    ['tytul', letter.title],
    ['plik', letter.file],
    ['strona', passage.page !== null ? String(passage.page) : null],
  ]
    .filter((a): a is [string, string] => Boolean(a[1]))
    .map(([k, v]) => `${k}="${neutraliseTags(v).replace(/"/g, "'").replace(/\s+/g, ' ')}"`)
    .join(' ');
  return `[${n}] <zrodlo ${attrs}>\n${neutraliseTags(passage.text.trim())}\n</zrodlo>`;
}

export interface AnswerMessagesResult {
  readonly messages: ChatMessage[];
  readonly prompt: Prompt;
}

/** Chat messages for answering `question` from `hits` (numbered 1…n in the given order). */
export function buildAnswerMessages({
  question,
  hits,
  language,
}: {
  question: string;
  hits: readonly SearchHit[];
  language: 'pl' | 'en';
}): AnswerMessagesResult {
  const prompt = loadPrompt('answer', language);
  const passages = hits.map((hit, i) => formatPassage(hit, i + 1)).join('\n\n');
  return {
    prompt,
    messages: promptMessages(prompt, {
      passages,
      question: neutraliseTags(question.trim()),
      noAnswer: NO_ANSWER_MARKER,
    }),
  };
}
