/**
 * The one presentation model every renderer starts from (Slack blocks, the
 * Teams activity, the web console, the CLI): what to show of an `Answer`,
 * decided once. A notice or field added here appears in every channel, so
 * channels cannot drift (Slack once dropped the „LLM unavailable” notice
 * that Teams and the CLI showed).
 */
import { formatSources } from './citations.js';
import type { Answer, Citation } from './types.js';

export interface AnswerView {
  readonly kind: Answer['kind'];
  /** Answer text with `[n]` markers, Markdown; channels convert it to their markup. */
  readonly text: string;
  /** One line to show above the text (why the answer is extractive), or null. */
  readonly notice: string | null;
  /** The sources the text cites, in `n` order (empty for refusals). */
  readonly sources: readonly Citation[];
  /** `Źródła:` and one line per source, or '' when nothing is cited. */
  readonly sourcesText: string;
  readonly language: 'pl' | 'en';
  readonly isRefusal: boolean;
}

/** What a channel shows of `answer`. */
export function toAnswerView(answer: Answer): AnswerView {
  const notice = answer.kind === 'extractive' ? answer.notice : null;
  return {
    kind: answer.kind,
    text: answer.text,
    notice: notice || null,
    sources: answer.citations,
    sourcesText: formatSources(answer.citations, answer.language),
    language: answer.language,
    isRefusal: answer.kind === 'refusal',
  };
}
