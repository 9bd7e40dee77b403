/**
 * A draft of an official reply (`kancelaria draft "REQUEST" [--to NAME]`):
 * the same retrieval, refusal decision and citation checks as answers, but
 * written as a formal Polish letter for an official to edit and sign. With an
 * LLM the draft is written from `prompts/draft-reply.*`; without one it is a
 * letter template around the verbatim extractive sentences. Either way every
 * sourced sentence carries `[n]` and the sources follow the text.
 */
import type { ArchiveIndex, SearchHit } from '../archive/types.js';
import { DEFAULT_MIN_ANSWERABILITY, gatherEvidence, isAnswerable } from './assess-answerability.js';
import { formatPassage } from './build-answer-messages.js';
import { attachCopies, formatSources } from './citations.js';
import { composeExtractiveAnswer } from './extractive-answer.js';
import type { LlmClient } from './llm-client.js';
import { loadPrompt, promptMessages } from './load-prompt.js';
import { weighTerms } from './term-weights.js';
import type { Citation } from './types.js';
import { verifyCitations } from './verify-citations.js';

export interface DraftReplyOptions {
  /** The request (letter, interpellation, question) the draft replies to. */
  readonly request: string;
  /** Addressee, e.g. `Grzegorz Krzak, Radny Miasta Chorzów`. */
  readonly to?: string;
  readonly index: ArchiveIndex;
  /** Without it the draft is extractive. */
  readonly llm?: LlmClient;
  /** Passages considered. */
  readonly passages?: number;
  readonly minAnswerability?: number;
  readonly accessGroups?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface DraftReply {
  /** `refusal`: the archive holds nothing on the request; the text says so, for the editor. */
  readonly kind: 'llm' | 'extractive' | 'refusal';
  /** Letter text with `[n]` markers (no sources list; see `formatDraft`). */
  readonly text: string;
  readonly citations: readonly Citation[];
  readonly passages: readonly SearchHit[];
  readonly request: string;
  readonly to: string | null;
  /** `[n]` removed from an LLM draft because they named no passage. */
  readonly removedCitations: number;
  readonly unverifiedQuotes: readonly string[];
}

const CLOSING = 'Z poważaniem';
const SIGNATURE_PLACEHOLDER = '[podpis]';

/**
 * Polish salutation from the addressee's first name: most female first names
 * end in -a (a guess the editor can correct; "Szanowni Państwo" when unknown).
 */
export function salutationFor(to: string | undefined): string {
  const first = to?.trim().split(/[\s,]+/)[0] ?? '';
  if (!first) return 'Szanowni Państwo,';
  if (/^pani$/i.test(first)) return 'Szanowna Pani,';
  if (/^pan$/i.test(first)) return 'Szanowny Panie,';
  return /a$/i.test(first) && !/^(kuba|barnaba|bonawentura)$/i.test(first)
    ? 'Szanowna Pani,'
    : 'Szanowny Panie,';
}

/**
 * Writes the draft.
 * @throws {LlmTimeoutError | LlmFailedError} when the LLM fails (the caller may retry without it).
 */
export async function draftReply({
  request,
  to,
  index,
  llm,
  passages = 8,
  minAnswerability = DEFAULT_MIN_ANSWERABILITY,
  accessGroups = [],
  signal,
}: DraftReplyOptions): Promise<DraftReply> {
  const { hits, copies, stats, answerability } = await gatherEvidence({
    index,
    question: request,
    k: passages,
    accessGroups,
  });
  const salutation = salutationFor(to);
  const base = {
    request,
    to: to ?? null,
    passages: hits,
    removedCitations: 0,
    unverifiedQuotes: [] as string[],
  };
  const refusal: DraftReply = {
    ...base,
    kind: 'refusal',
    citations: [],
    text: `${salutation}\n\n[do uzupełnienia: w archiwum nie znaleziono pism dotyczących tej sprawy.]\n\n${CLOSING}\n${SIGNATURE_PLACEHOLDER}`,
  };
  if (hits.length === 0 || !isAnswerable(answerability, minAnswerability)) return refusal;

  if (llm) {
    const prompt = loadPrompt('draft-reply', 'pl');
    const sources = hits.map((hit, i) => formatPassage(hit, i + 1)).join('\n\n');
    const reply = await llm.complete(
      promptMessages(prompt, {
        passages: sources,
        request: request.trim(),
        to: to ?? '—',
        salutation,
      }),
      {
        ...(signal ? { signal } : {}),
        temperature: 0.2,
      },
    );
    const verified = verifyCitations({ text: reply, hits });
    return {
      ...base,
      kind: 'llm',
      text: verified.text,
      citations: attachCopies(verified.citations, copies),
      removedCitations: verified.removedCitations,
      unverifiedQuotes: verified.unverifiedQuotes,
    };
  }

  const extractive = composeExtractiveAnswer({
    question: request,
    hits,
    weights: weighTerms(request, stats),
    language: 'pl',
    maxSentences: 4,
  });
  if (!extractive) return refusal;
  // Only the quoted sentences: the intro and the „W skrócie” line are chat forms, not letter text.
  const body = extractive.text
    .split('\n')
    .filter((line) => line.startsWith('„'))
    .join('\n');
  const text = [
    salutation,
    `W odpowiedzi na wystąpienie w sprawie: ${request.trim().replace(/[.?!]*$/, '')} uprzejmie informuję, że w archiwum znajdują się następujące ustalenia:`,
    body,
    '[do uzupełnienia: stanowisko i ewentualne dalsze działania.]',
    `${CLOSING}\n${SIGNATURE_PLACEHOLDER}`,
  ].join('\n\n');
  return {
    ...base,
    kind: 'extractive',
    text,
    citations: attachCopies(extractive.citations, copies),
  };
}

/** The draft as plain text: letter, then `Źródła:`. */
export function formatDraft(draft: DraftReply): string {
  const sources = formatSources(draft.citations, 'pl');
  return [draft.to ? `${draft.to}\n` : '', draft.text, sources].filter(Boolean).join('\n\n');
}
