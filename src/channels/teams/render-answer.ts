/**
 * An `Answer` as Teams shows it: the text with `[n]` markers and a readable
 * `Źródła` list (for clients that ignore entities), plus the schema.org
 * `Message` entity Teams reads for the "AI generated" label and the citation
 * hover cards (one `Claim` with a `DigitalDocument` appearance per `[n]`).
 */
import { describeCitation } from '../../answer/citations.js';
import { safeLinkUrl } from '../../answer/link-policy.js';
import { toAnswerView } from '../../answer/to-answer-view.js';
import type { Answer, Citation } from '../../answer/types.js';
import { ANSWER_TEXT, TEAMS_TEXT } from '../../messages.js';
import { escapeTeamsText, teamsLink } from '../escape-teams.js';
import type { OutgoingEntity } from './types.js';

/** Teams' documented limits for a citation's appearance. */
const NAME_MAX = 80;
const ABSTRACT_MAX = 160;
const KEYWORD_MAX = 28;

/** What a rendered answer carries to the final message. */
export interface RenderedAnswer {
  readonly text: string;
  /** Empty for refusals: nothing was generated from sources, nothing is cited. */
  readonly entities: readonly OutgoingEntity[];
}

/** Cuts to `max` characters with an ellipsis, on a code-point boundary. */
export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * Teams markdown joins single newlines into one paragraph; answers and source
 * lists are line-oriented, so every line break becomes a paragraph break.
 */
export function toTeamsMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n+/g, '\n\n');
}

/** Teams' citation icon for a file type (`Text` when unknown). */
function iconFor(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'pdf') return 'PDF';
  if (ext === 'docx' || ext === 'doc') return 'Microsoft Word';
  return 'Text';
}

/** Teams' limit on a citation's keywords. */
const KEYWORDS_MAX = 3;

/** Teams' sensitivity label (schema.org `CreativeWork` in `usageInfo`). */
export interface SensitivityLabel {
  readonly '@type': 'CreativeWork';
  readonly name: string;
  readonly description: string;
}

/** How answers are labelled; from config (`TEAMS_SENSITIVITY_LABELS`). */
export interface RenderAnswerOptions {
  /** Label name per access group; a restricted letter of an unlisted group gets the generic label. */
  readonly sensitivityLabels?: Readonly<Record<string, string>>;
}

/** The sensitivity label of a cited letter: none for an unrestricted one. */
export function sensitivityLabelFor(
  citation: Citation,
  { sensitivityLabels = {} }: RenderAnswerOptions = {},
): SensitivityLabel | null {
  if (!citation.accessGroup) return null;
  return {
    '@type': 'CreativeWork',
    name: sensitivityLabels[citation.accessGroup] ?? TEAMS_TEXT.restrictedLabel,
    description: TEAMS_TEXT.restrictedLabelDescription,
  };
}

/** Teams' citation: a schema.org `Claim` shown as a `DigitalDocument` hover card. */
export interface CitationClaim {
  readonly '@type': 'Claim';
  /** The `n` of the `[n]` marker in the text. */
  readonly position: number;
  readonly appearance: {
    readonly '@type': 'DigitalDocument';
    readonly name: string;
    readonly abstract: string;
    readonly url?: string;
    readonly image: { readonly '@type': 'ImageObject'; readonly name: string };
    readonly keywords?: readonly string[];
    readonly usageInfo?: SensitivityLabel;
  };
}

/** One citation as Teams' `Claim`: name = reference number + date, abstract = the cited passage. */
export function buildClaim(
  citation: Citation,
  language: 'pl' | 'en' = 'pl',
  options: RenderAnswerOptions = {},
): CitationClaim {
  const t = ANSWER_TEXT[language];
  const label = sensitivityLabelFor(citation, options);
  const keywords = [
    citation.author,
    citation.page !== null ? `${t.page} ${citation.page}` : null,
    citation.ocr ? 'OCR' : null,
  ]
    .filter((k): k is string => Boolean(k))
    .slice(0, KEYWORDS_MAX)
    .map((k) => truncate(escapeTeamsText(k), KEYWORD_MAX));
  return {
    '@type': 'Claim',
    position: citation.n,
    appearance: {
      '@type': 'DigitalDocument',
      // Card fields are plain text, but still letter text: no links or mentions in them.
      name: truncate(
        escapeTeamsText(`${citation.reference ?? t.noReference}, ${citation.date ?? t.noDate}`),
        NAME_MAX,
      ),
      abstract: truncate(escapeTeamsText(citation.quote), ABSTRACT_MAX),
      ...(safeLinkUrl(citation.url) ? { url: safeLinkUrl(citation.url)! } : {}),
      image: { '@type': 'ImageObject', name: iconFor(citation.file) },
      ...(keywords.length > 0 ? { keywords } : {}),
      ...(label ? { usageInfo: label } : {}),
    },
  };
}

/**
 * The schema.org `Message` entity: AI label plus one citation per `[n]` the
 * text uses; a message citing a restricted letter carries that letter's
 * sensitivity label itself too (the first one cited).
 */
export function buildAiMessageEntity(
  citations: readonly Citation[],
  language: 'pl' | 'en' = 'pl',
  options: RenderAnswerOptions = {},
): OutgoingEntity {
  const claims = citations.map((c) => buildClaim(c, language, options));
  const label = claims.find((c) => c.appearance.usageInfo)?.appearance.usageInfo;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
    ...(claims.length > 0 ? { citation: claims } : {}),
    ...(label ? { usageInfo: label } : {}),
  };
}

/** The sources list: escaped metadata, and a link only to a letter's own safe `url`. */
function formatTeamsSources(citations: readonly Citation[], language: 'pl' | 'en'): string {
  if (citations.length === 0) return '';
  const lines = citations.map((c) => {
    const link = teamsLink(c.url, TEAMS_TEXT.openLink);
    return `[${c.n}] ${escapeTeamsText(describeCitation(c, language))}${link ? ` · ${link}` : ''}`;
  });
  return `${ANSWER_TEXT[language].sourcesHeading}\n${lines.join('\n')}`;
}

/** Untrusted answer text as Teams shows it: inert, with Teams' paragraph breaks. */
export function toSafeTeamsMarkdown(text: string): string {
  return toTeamsMarkdown(escapeTeamsText(text));
}

/** Renders the final answer for Teams. */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions = {}): RenderedAnswer {
  const view = toAnswerView(answer);
  switch (view.kind) {
    case 'refusal':
      return { text: toSafeTeamsMarkdown(view.text), entities: [] };
    case 'llm':
    case 'extractive': {
      const notice = view.notice ? `_${escapeTeamsText(view.notice)}_\n` : '';
      // Teams builds its own sources list from `view.sources`: metadata escaped, links only to safe letter urls.
      const sources = formatTeamsSources(view.sources, view.language);
      const text = toTeamsMarkdown(
        `${notice}${escapeTeamsText(view.text)}${sources ? `\n${sources}` : ''}`,
      );
      return { text, entities: [buildAiMessageEntity(view.sources, view.language, options)] };
    }
    default: {
      const unreachable: never = view.kind;
      throw new Error(`unknown answer kind: ${String(unreachable)}`);
    }
  }
}
