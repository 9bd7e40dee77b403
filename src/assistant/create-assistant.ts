/**
 * The assistant core: channel-free. A question (with its thread) goes in, a
 * stream of `AnswerEvent`s comes out: status, text, citations, and a final
 * answer or refusal. Channels (Slack, Teams, CLI, web) only render events.
 *
 * Flow: condense a follow-up (LLM when configured, else a heuristic) →
 * for an English question, a Polish search query (the LLM's, else the
 * dictionary bridge; the answer stays in English) → retrieve → decide
 * answerability (refuse here, without calling the LLM) →
 * LLM answer streamed and verified, or the extractive answer; an LLM failure
 * falls back to the extractive answer with a one-line notice.
 */
import type { ArchiveIndex, SearchHit } from '../archive/types.js';
import {
  DEFAULT_MIN_ANSWERABILITY,
  gatherEvidence,
  isAnswerable,
  type Evidence,
  type GatherEvidenceOptions,
} from '../answer/assess-answerability.js';
import { composeExtractiveAnswer } from '../answer/extractive-answer.js';
import { leadSentences } from '../answer/quotable-sentences.js';
import { composeLlmAnswer } from '../answer/compose-llm-answer.js';
import { createMarkupGuard } from '../answer/neutralise-markup.js';
import type { LlmClient } from '../answer/llm-client.js';
import { detectLanguage } from '../archive/language.js';
import { bridgeEnglish, type BridgeEnglishResult } from '../retrieval/bridge-english.js';
import { weighTerms } from '../answer/term-weights.js';
import { attachCopies, citationFor, describeCitation } from '../answer/citations.js';
import { extractLookup, isLookup, scoreLookupMatch } from '../retrieval/lookup-constraints.js';
import { chooseAnsweringLetter, withoutUnfitLetters } from '../answer/choose-answering-letter.js';
import { answeringLetterPassages } from '../answer/answering-letter-passages.js';
import { draftReply, type DraftReply, type DraftReplyOptions } from '../answer/draft-reply.js';
import type { OfficeSettings } from '../answer/draft/draft-letter.js';
import type { Answer, ExtractiveAnswer, Refusal } from '../answer/types.js';
import { BotError, LlmAbortedError, toBotError } from '../errors.js';
import { safeLogField, type Logger } from '../logger.js';
import { ANSWER_TEXT, STATUS_TEXT, USER_MESSAGES_PL } from '../messages.js';
import { condenseQuestion } from './condense-question.js';
import { condenseWithLlm } from './condense-with-llm.js';
import type { AuditRecord } from './state-store.js';
import { consumeAnswerEvents } from './consume-answer-events.js';
import type { AnswerEvent, AnswerRequest, Answerer, Assistant, DraftRequest } from './types.js';

export interface AssistantOptions {
  readonly index: ArchiveIndex;
  readonly logger: Logger;
  /** Passages shown to the answerer. */
  readonly passages?: number;
  /**
   * Minimum answerability score (see `assessAnswerability`); below it the
   * assistant refuses rather than guess, and no LLM is called.
   */
  readonly minAnswerability?: number;
  /** The language model; without it answers are extractive. */
  readonly llm?: LlmClient;
  /** Where drafts are recorded (the state store's audit log); nothing is recorded without it. */
  readonly audit?: (record: Omit<AuditRecord, 'at'>) => void;
  /**
   * Retrieval and answerability for answers; `gatherEvidence` over `index` by default. `serve` on
   * the LLM path passes the answer pool's, so that CPU-bound part runs on a worker thread.
   */
  readonly gather?: (options: Omit<GatherEvidenceOptions, 'index'>) => Promise<Evidence>;
  /** Letterhead, place, reference pattern and signatory of reply drafts (`OFFICE_*`). */
  readonly office?: OfficeSettings;
}

function isLlmFailure(error: unknown): boolean {
  return error instanceof BotError && (error.code === 'llm_timeout' || error.code === 'llm_failed');
}

/** Creates the assistant over an index. */
export function createAssistant({
  index,
  logger,
  passages = 8,
  minAnswerability = DEFAULT_MIN_ANSWERABILITY,
  llm,
  audit,
  gather = (options) => gatherEvidence({ index, ...options }),
  office,
}: AssistantOptions): Assistant {
  /** A draft with the LLM when there is one; an LLM failure or timeout falls back to the extractive draft, as answers do. */
  async function draft({
    request,
    to,
    from,
    copiesTo,
    requestDate,
    user,
    channel,
    signal,
  }: DraftRequest): Promise<DraftReply> {
    const options: DraftReplyOptions = {
      request,
      ...(to ? { to } : {}),
      ...(from ? { from } : {}),
      ...(copiesTo?.length ? { copiesTo } : {}),
      ...(requestDate ? { requestDate } : {}),
      ...(office ? { office } : {}),
      index,
      passages,
      minAnswerability,
      accessGroups: user?.accessGroups ?? [],
      ...(signal ? { signal } : {}),
    };
    const userId = user?.id ?? 'anonymous';
    logger.info({ user: userId, channel, request: safeLogField(request) }, 'draft');
    let reply: DraftReply;
    if (!llm) reply = await draftReply(options);
    else {
      try {
        reply = await draftReply({ ...options, llm });
      } catch (error) {
        if (!isLlmFailure(error)) throw error;
        logger.warn({ err: error, user: userId }, 'draft: LLM failed, drafting without it');
        reply = await draftReply(options);
      }
    }
    audit?.({ channel, userId, action: 'draft', allowed: true, detail: safeLogField(request) });
    return reply;
  }

  async function* answer(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
    const language = detectLanguage(request.question);
    const { signal } = request;
    const history = request.history ?? [];
    const userGroups = request.user?.accessGroups ?? [];
    // Channel rule: restricted letters only when nobody but the asker reads the answer.
    const isPrivate = request.audience === 'asker';
    const accessGroups = isPrivate ? userGroups : [];
    const isNarrowed = !isPrivate && userGroups.length > 0;
    try {
      // `question` is answered (in its language); `searchQuery` is what the Polish archive is searched with.
      let question = request.question;
      let searchQuery = question;
      let bridge: BridgeEnglishResult | null = null;
      if (llm && (history.length > 0 || language === 'en')) {
        yield { type: 'status', stage: 'condensing', text: STATUS_TEXT.condensing };
        let isFallback = false;
        searchQuery = await condenseWithLlm({
          question,
          history,
          language,
          llm,
          ...(signal ? { signal } : {}),
          onFallback: (err) => {
            isFallback = true;
            logger.warn({ err }, 'condensing with the LLM failed; using the heuristic');
          },
        });
        // The heuristic glues history onto the question: good for search, but history is not the asker's question.
        if (language === 'pl' && !isFallback) question = searchQuery;
      } else if (history.length > 0) question = searchQuery = condenseQuestion(question, history);
      if (language === 'en' && !llm) {
        bridge = bridgeEnglish(question);
        searchQuery = bridge.query;
      }
      if (searchQuery !== request.question)
        logger.debug({ searchQuery: safeLogField(searchQuery) }, 'search query');
      yield { type: 'status', stage: 'searching', text: STATUS_TEXT.searching };
      const evidence = await gather({
        question: searchQuery,
        k: passages,
        accessGroups,
      });
      const { copies, stats, answerability } = evidence;
      // A constraint the evidence lacks (another year, place, figure) is a verdict: refuse, say what is missing
      // and what is closest; a letter ranked just below that meets them all answers instead (choose-answering-letter).
      // A lookup („pismo WEN.9823.2020.RFZ”, „interpelacja nr 16219”, „pismo Zmarzłego z 27 lipca”)
      // whose first letter meets it is answered with that letter: its words
      // are in the metadata, not the passages, so coverage would refuse it.
      const lookup = extractLookup(searchQuery);
      const isLookupHit =
        isLookup(lookup) &&
        evidence.hits[0] !== undefined &&
        scoreLookupMatch(evidence.hits[0].letter, lookup) >= 1;
      const chosen =
        evidence.hits.length === 0 || isLookupHit
          ? { hits: evidence.hits, missing: [] as string[] }
          : chooseAnsweringLetter({
              question: searchQuery,
              hits: evidence.hits,
              answerability,
              letterTexts: evidence.letterTexts,
              stats,
            });
      const { missing } = chosen;
      // Quotes come from letters that meet the question too, not only from the one it was checked on.
      const hits =
        missing.length === 0 && !isLookupHit && 'letterTexts' in chosen
          ? withoutUnfitLetters({
              question: searchQuery,
              hits: chosen.hits,
              answerability,
              letterTexts: chosen.letterTexts,
            })
          : chosen.hits;
      signal?.throwIfAborted();
      logger.debug(
        {
          score: answerability.score,
          unseenNames: answerability.unseenNames,
          missingNames: answerability.missingNames,
          hits: hits.length,
        },
        'retrieval done',
      );
      // An English question searched with too few Polish terms is not evidence that the archive lacks the answer.
      const refusalText = bridge?.isWeak
        ? ANSWER_TEXT.en.polishSearchOnly(bridge.query)
        : language === 'en' && searchQuery !== question
          ? `${ANSWER_TEXT.en.refusal} ${ANSWER_TEXT.en.polishQueryTried(searchQuery)}`
          : ANSWER_TEXT[language].refusal;
      const refusal: Refusal = {
        kind: 'refusal',
        text: refusalText,
        question,
        passages: hits,
        citations: [],
        language,
      };
      const weights = weighTerms(searchQuery, stats);
      // The asked fact is looked for in the whole answering letter, not only in its retrieved passages.
      const letterPassages =
        missing.length === 0
          ? await answeringLetterPassages({ hits, passagesOf: (id) => index.getPassages(id) })
          : [];
      const extractive = (notice: string | null) =>
        composeExtractiveAnswer({
          question: searchQuery,
          hits,
          weights,
          language,
          notice,
          letterPassages,
        }) ?? refusal;

      let result: Answer;
      if (isLookupHit && !llm)
        result = lookupAnswer({ hit: hits[0]!, hits, language, extractive: extractive(null) });
      else if (missing.length > 0 && bridge?.isWeak) result = { ...refusal, missing };
      else if (missing.length > 0)
        result = nearMissRefusal({
          refusal,
          missing,
          closest: composeExtractiveAnswer({
            question: searchQuery,
            hits,
            weights,
            language,
            maxSentences: 1,
          }),
        });
      else if (
        !isLookupHit &&
        (hits.length === 0 || !isAnswerable(answerability, minAnswerability))
      )
        result = refusal;
      else if (!llm) {
        // The letter covers the question, but only in words no quotable sentence holds (its subject line,
        // for „Jaka jest odpowiedź w sprawie …?”): the letter is the answer, shown as a lookup shows one.
        const answer = extractive(null);
        result =
          answer.kind === 'refusal'
            ? lookupAnswer({ hit: hits[0]!, hits, language, extractive: answer })
            : answer;
      } else {
        yield { type: 'status', stage: 'writing', text: STATUS_TEXT.writing };
        let streamed = false;
        try {
          const generation = composeLlmAnswer({
            question,
            hits,
            language,
            llm,
            ...(signal ? { signal } : {}),
          });
          // Unverified text streams as plain words: links and mentions neutralised, cut only where none is split.
          const guard = createMarkupGuard();
          let step = await generation.next();
          while (!step.done) {
            const safe = guard.push(step.value);
            if (safe) {
              streamed = true;
              yield { type: 'delta', text: safe };
            }
            step = await generation.next();
          }
          const rest = guard.end();
          if (rest) yield { type: 'delta', text: rest };
          result = step.value;
        } catch (error) {
          if (!isLlmFailure(error)) throw error;
          logger.warn(
            { err: error, streamed },
            'LLM failed; falling back to the extractive answer',
          );
          result = extractive(ANSWER_TEXT[language].fallbackNotice);
        }
        if (result.kind === 'llm') {
          logger.info(
            {
              removedCitations: result.removedCitations,
              unverifiedQuotes: result.unverifiedQuotes.length,
              citations: result.citations.length,
            },
            'LLM answer verified',
          );
        }
      }
      // A user entitled to restricted letters learns where those are answered (nothing is said about what they hold).
      if (isNarrowed)
        result = { ...result, text: `${result.text}\n\n${ANSWER_TEXT[language].privateChatOnly}` };
      if (result.kind !== 'refusal') {
        result = { ...result, citations: attachCopies(result.citations, copies) };
        yield { type: 'citations', citations: result.citations };
      }
      // LLM text was streamed already; extractive answers, refusals and fallbacks arrive whole.
      if (result.kind !== 'llm') yield { type: 'delta', text: result.text };
      yield { type: 'final', answer: result };
    } catch (error) {
      if (error instanceof LlmAbortedError || signal?.aborted) {
        logger.info('answer cancelled by the caller');
        return;
      }
      const { code } = toBotError(error);
      logger.error({ err: error }, 'answer failed');
      yield { type: 'error', code, text: USER_MESSAGES_PL[code] };
    }
  }
  return { answer, draft };
}

/**
 * The answer to a lookup: the letter's card (reference, date, signatory,
 * subject) read from its metadata, then its substance quoted as for any
 * question, so a bare reference number never gets the letterhead back.
 */
function lookupAnswer({
  hit,
  hits,
  language,
  extractive,
}: {
  hit: SearchHit;
  hits: readonly SearchHit[];
  language: 'pl' | 'en';
  extractive: Answer;
}): ExtractiveAnswer {
  const { letter } = hit;
  const t = ANSWER_TEXT[language];
  const quoted = extractive.kind === 'extractive' ? extractive : null;
  // The letter's first substantive passage when the question's words matched nothing in it: the
  // best hit may be a frame line of its own („Odpowiedź na interpelację nr 15497”), so the first
  // retrieved passage of the letter with a quotable sentence.
  const leads = hits
    .filter((h) => h.letter.id === letter.id)
    .map((h) => ({ hit: h, lead: leadSentences(h.passage.text) }));
  const withLead = leads.find((l) => l.lead !== null);
  const citation =
    quoted?.citations.find((c) => c.letterId === letter.id) ??
    (withLead
      ? citationFor(withLead.hit, 1, withLead.lead!)
      : citationFor(hit, 1, hit.passage.text.replace(/\s+/g, ' ').trim()));
  const card = t.letterCard({
    reference: letter.reference,
    date: letter.date,
    author: letter.author,
    role: letter.authorRole,
    title: letter.title,
  });
  const body =
    quoted && quoted.citations.some((c) => c.letterId === letter.id)
      ? quoted.text
      : `${t.extractiveIntro}\n„${citation.quote}” [1]`;
  const citations =
    quoted && quoted.citations.some((c) => c.letterId === letter.id)
      ? quoted.citations
      : [{ ...citation, n: 1 }];
  return {
    kind: 'extractive',
    text: `${card} [${citation.n}]\n\n${body}`,
    citations,
    passages: hits,
    question: extractive.question,
    language,
    notice: null,
  };
}

/**
 * The refusal for a near miss: what the archive lacks, then the closest
 * sentence it does hold with its source named inline (a refusal cites no
 * `[n]`: nothing is answered from it).
 */
function nearMissRefusal({
  refusal,
  missing,
  closest,
}: {
  refusal: Refusal;
  missing: readonly string[];
  closest: ExtractiveAnswer | null;
}): Refusal {
  const t = ANSWER_TEXT[refusal.language];
  const source = closest?.citations[0];
  const hint = source
    ? `\n${t.closest} „${source.quote}” (${describeCitation(source, refusal.language)})`
    : '';
  return { ...refusal, text: `${t.missing(missing)}${hint}`, missing: [...missing] };
}

/**
 * Runs the assistant to completion and returns the final answer (for CLI, eval and tests).
 * @throws {BotError} with the error event's code and sentence, or `internal` when no answer came.
 */
export async function collectAnswer(assistant: Answerer, request: AnswerRequest): Promise<Answer> {
  return consumeAnswerEvents(assistant.answer(request), {
    onFinal: (answer) => answer,
    onError: ({ code, text }) => {
      throw new BotError(code, text);
    },
  });
}
