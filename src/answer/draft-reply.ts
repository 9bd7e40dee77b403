/**
 * A draft of an official reply (`kancelaria draft "REQUEST" [--to NAME]`):
 * the same retrieval, duplicate folding, refusal decision and citation checks
 * as answers, written into the form of a Polish official letter
 * (`draft/build-draft-letter.ts`) for a clerk to edit and sign. Without an LLM
 * the body is the answer reader's verbatim sentences (`draft/compose-extractive-body.ts`);
 * with one, the model's schema-checked, citation-verified paragraphs
 * (`draft/compose-llm-body.ts`). What the archive does not answer goes to the
 * internal page, never into the body.
 */
import type { ArchiveIndex, SearchHit } from '../archive/types.js';
import { DRAFT_TEXT } from '../messages.js';
import { hasAnswerType, questionParts } from './answer-types.js';
import {
  DEFAULT_MIN_ANSWERABILITY,
  gatherEvidence,
  isAnswerable,
  type AnswerabilityResult,
} from './assess-answerability.js';
import { attachCopies } from './citations.js';
import { buildDraftLetter } from './draft/build-draft-letter.js';
import { composeExtractiveBody } from './draft/compose-extractive-body.js';
import { composeLlmBody } from './draft/compose-llm-body.js';
import type { DraftLetter, DraftParagraph, OfficeSettings } from './draft/draft-letter.js';
import { bodyText, letterText } from './draft/render-draft-text.js';
import type { LlmClient } from './llm-client.js';
import type { Citation } from './types.js';

export interface DraftReplyOptions {
  /** The request (letter, interpellation, question) the draft replies to. */
  readonly request: string;
  /** Addressee, e.g. `Pan Grzegorz Krzak, Radny Miasta Chorzów`. */
  readonly to?: string;
  /** Signatory `Name, Function`, instead of the office's. */
  readonly from?: string;
  /** „Do wiadomości” recipients. */
  readonly copiesTo?: readonly string[];
  /** The request's date, when the clerk knows it and the request does not say it. */
  readonly requestDate?: string;
  readonly office?: OfficeSettings;
  readonly index: ArchiveIndex;
  /** Without it the draft is extractive. */
  readonly llm?: LlmClient;
  /** Passages considered. */
  readonly passages?: number;
  readonly minAnswerability?: number;
  readonly accessGroups?: readonly string[];
  readonly signal?: AbortSignal;
  /** The draft's date (the „dnia …” line); injectable for tests. */
  readonly now?: () => Date;
}

export interface DraftReply {
  /** `refusal`: the archive holds nothing on the request; the body is a blank and the internal page says why. */
  readonly kind: 'llm' | 'extractive' | 'refusal';
  /** The letter's structure: what the DOCX and the plain text are rendered from. */
  readonly letter: DraftLetter;
  /** Salutation and body with `[n]` markers: the part a clerk edits (see `bodyText`). */
  readonly text: string;
  /** Footnoted sources, `n` as in `text`. */
  readonly citations: readonly Citation[];
  readonly passages: readonly SearchHit[];
  readonly request: string;
  readonly to: string | null;
  /** `[n]` removed from an LLM draft because they named no passage. */
  readonly removedCitations: number;
  readonly unverifiedQuotes: readonly string[];
}

/** What the archive leaves open: unknown names, and typed parts of the request no body sentence answers. */
function missingParts(
  request: string,
  answerability: AnswerabilityResult,
  paragraphs: readonly DraftParagraph[],
): string[] {
  const out: string[] = [];
  const names = [...answerability.missingNames, ...answerability.unseenNames];
  if (names.length > 0) out.push(DRAFT_TEXT.missingNames.replace('{names}', names.join(', ')));
  const sentences = paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
  for (const part of questionParts(request)) {
    if (part.type && !sentences.some((s) => hasAnswerType(s, part.type!)))
      out.push(DRAFT_TEXT.missingPart.replace('{part}', part.text.trim()));
  }
  return out;
}

/**
 * Writes the draft.
 * @throws {LlmTimeoutError | LlmFailedError} when the LLM fails or twice breaks the schema (the caller may retry without it).
 */
export async function draftReply({
  request,
  to,
  from,
  copiesTo,
  requestDate,
  office,
  index,
  llm,
  passages = 8,
  minAnswerability = DEFAULT_MIN_ANSWERABILITY,
  accessGroups = [],
  signal,
  now = () => new Date(),
}: DraftReplyOptions): Promise<DraftReply> {
  const { hits, copies, stats, answerability } = await gatherEvidence({
    index,
    question: request,
    k: passages,
    accessGroups,
  });
  const finish = (
    kind: DraftReply['kind'],
    body: {
      paragraphs: DraftParagraph[];
      citations: Citation[];
      missing: string[];
      removedCitations?: number;
      unverifiedQuotes?: string[];
    },
  ): DraftReply => {
    const citations = attachCopies(body.citations, copies);
    const letter = buildDraftLetter({
      request,
      ...(to ? { to } : {}),
      ...(from ? { from } : {}),
      ...(copiesTo ? { copiesTo } : {}),
      ...(requestDate ? { requestDate } : {}),
      ...(office ? { office } : {}),
      now: now(),
      paragraphs: body.paragraphs,
      citations,
      missing: body.missing,
    });
    return {
      kind,
      letter,
      text: bodyText(letter),
      citations,
      passages: hits,
      request,
      to: to ?? null,
      removedCitations: body.removedCitations ?? 0,
      unverifiedQuotes: body.unverifiedQuotes ?? [],
    };
  };
  const refusal = () =>
    finish('refusal', {
      paragraphs: [],
      citations: [],
      missing: [
        DRAFT_TEXT.missingAll.replace('{request}', request.trim()),
        ...missingParts(request, answerability, []).filter((m) => !m.startsWith('Brak odp')),
      ],
    });
  if (hits.length === 0 || !isAnswerable(answerability, minAnswerability)) return refusal();

  if (llm) {
    const body = await composeLlmBody({
      llm,
      request,
      hits,
      to: to ?? '—',
      ...(signal ? { signal } : {}),
    });
    const missing = [...body.missing];
    if (body.unverifiedQuotes.length > 0)
      missing.push(DRAFT_TEXT.llmUnverified.replace('{quotes}', body.unverifiedQuotes.join('; ')));
    return finish('llm', { ...body, missing });
  }

  const body = await composeExtractiveBody({
    request,
    hits,
    stats,
    passagesOf: (id) => index.getPassages(id),
  });
  if (!body) return refusal();
  return finish('extractive', {
    ...body,
    missing: missingParts(request, answerability, body.paragraphs),
  });
}

/** The draft as plain text: the letter, then the internal page. */
export function formatDraft(draft: DraftReply): string {
  return letterText(draft.letter);
}
