/**
 * The assistant core: channel-free. A question (with its thread) goes in, a
 * stream of `AnswerEvent`s comes out: status, text, citations, and a final
 * answer or refusal. Channels (Slack, Teams, CLI, web) only render events.
 */
import type { ArchiveIndex, SearchHit } from '../archive/types.js';
import { analyzeQuery } from '../archive/analyzer.js';
import { composeExtractiveAnswer } from '../answer/extractive-answer.js';
import { detectLanguage } from '../archive/language.js';
import { coverage, weighTerms, type TermWeights } from '../answer/term-weights.js';
import type { Answer, Refusal } from '../answer/types.js';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { ANSWER_TEXT, STATUS_TEXT, USER_MESSAGES_PL } from '../messages.js';
import { retrievePassages } from '../retrieval/retrieve-passages.js';
import { condenseQuestion } from './condense-question.js';
import type { AnswerEvent, AnswerRequest, Assistant } from './types.js';

export interface AssistantOptions {
  readonly index: ArchiveIndex;
  readonly logger: Logger;
  /** Passages shown to the answerer. */
  readonly passages?: number;
  /**
   * Minimum share of the question's rarity-weighted terms that the best
   * letter must contain; below it the assistant refuses rather than guess.
   */
  readonly minCoverage?: number;
}

/** Default refusal threshold, tuned with `npm run eval` on the dev sets (see docs/answers.md). */
export const DEFAULT_MIN_COVERAGE = 0.35;

/** Title and full text of the best-ranked letter ('' when nothing was retrieved). */
export async function bestLetterText(index: ArchiveIndex, hits: readonly SearchHit[]): Promise<string> {
  const top = hits[0];
  if (!top) return '';
  const passages = await index.getPassages(top.letter.id);
  return [top.letter.title ?? '', ...passages.map((p) => p.text)].join('\n');
}

/** Share of the question's weight covered by the best letter's retrieved text (0–1). */
export function bestLetterCoverage(hits: readonly SearchHit[], weights: TermWeights): number {
  const top = hits[0];
  if (!top) return 0;
  const text = [top.letter.title ?? '', ...hits.filter((h) => h.letter.id === top.letter.id).map((h) => h.passage.text)].join('\n');
  return coverage(text, weights);
}

/** Creates the assistant over an index. */
export function createAssistant({ index, logger, passages = 8, minCoverage = DEFAULT_MIN_COVERAGE }: AssistantOptions): Assistant {
  async function* answer(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
    const language = detectLanguage(request.question);
    try {
      const question = condenseQuestion(request.question, request.history);
      yield { type: 'status', stage: 'searching', text: STATUS_TEXT.searching };
      const accessGroups = request.user?.accessGroups ?? [];
      const hits = await retrievePassages({ index, question, k: passages, filter: { accessGroups } });
      const weights = weighTerms(question, await index.termStats(analyzeQuery(question)));
      const refusal: Refusal = { kind: 'refusal', text: ANSWER_TEXT[language].refusal, question, passages: hits, citations: [], language };
      const covered = bestLetterCoverage(hits, weights);
      logger.debug({ covered, hits: hits.length }, 'retrieval done');
      const result: Answer =
        covered < minCoverage ? refusal : (composeExtractiveAnswer({ question, hits, weights, language }) ?? refusal);
      if (result.kind !== 'refusal') yield { type: 'citations', citations: result.citations };
      yield { type: 'delta', text: result.text };
      yield { type: 'final', answer: result };
    } catch (error) {
      const code = error instanceof BotError ? error.code : 'internal';
      logger.error({ err: error }, 'answer failed');
      yield { type: 'error', code, text: USER_MESSAGES_PL[code] };
    }
  }
  return { answer };
}

/** Runs the assistant to completion and returns the final answer (for CLI, eval and tests). */
export async function collectAnswer(assistant: Assistant, request: AnswerRequest): Promise<Answer> {
  let final: Answer | null = null;
  for await (const event of assistant.answer(request)) {
    if (event.type === 'final') final = event.answer;
    if (event.type === 'error') throw new BotError(event.code as BotError['code'], event.text);
  }
  if (!final) throw new BotError('internal', 'assistant ended without a final answer');
  return final;
}
