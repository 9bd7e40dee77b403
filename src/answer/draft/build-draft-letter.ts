/**
 * Assembles the letter around a body: letterhead and signatory from the
 * office settings (or `--from`), the date line, the reference from the
 * office's pattern, the addressee block and salutation, the opening that
 * names the request by date and condensed subject, „Z poważaniem”, „Do
 * wiadomości”, and the internal page for the clerk. Blanks the clerk must
 * fill are marked, never filled with a guess.
 */
import { DRAFT_TEXT } from '../../messages.js';
import { describeCitation } from '../citations.js';
import type { Citation } from '../types.js';
import {
  addresseeLines,
  parseAddressee,
  possessiveFor,
  salutationFor,
} from './address-recipient.js';
import { condenseSubject } from './condense-subject.js';
import type {
  DraftLetter,
  DraftParagraph,
  DraftSentence,
  MarkedLine,
  OfficeSettings,
} from './draft-letter.js';
import { findRequestDate, formatPolishDate } from './format-polish-date.js';
import { lowerFirstWord } from './lower-first-word.js';

export interface BuildDraftLetterOptions {
  readonly request: string;
  readonly to?: string;
  /** Signatory `Name, Function`; overrides the office's. */
  readonly from?: string;
  /** „Do wiadomości” recipients. */
  readonly copiesTo?: readonly string[];
  /** The request's date (`2026-11-20` or `20 listopada 2026 r.`); else read from the request, else a blank. */
  readonly requestDate?: string;
  readonly office?: OfficeSettings;
  readonly now: Date;
  /** Body paragraphs without the opening; empty = nothing the archive supports. */
  readonly paragraphs: readonly DraftParagraph[];
  readonly citations: readonly Citation[];
  /** What the archive could not answer (for the internal page). */
  readonly missing: readonly string[];
}

/** `WEN.9823.{nr}.{rok}.RFZ` → segments with `{nr}` as a blank; no pattern → one blank. */
function referenceLine(pattern: string | undefined, now: Date): MarkedLine[] {
  if (!pattern) return [{ text: DRAFT_TEXT.referenceBlank, isPlaceholder: true }];
  const filled = pattern.replaceAll('{rok}', String(now.getUTCFullYear()));
  return filled
    .split(/(\{nr\})/)
    .filter(Boolean)
    .map((text) =>
      text === '{nr}'
        ? { text: DRAFT_TEXT.numberBlank, isPlaceholder: true }
        : { text, isPlaceholder: false },
    );
}

function signatoryLines(from: string | undefined, office: OfficeSettings): MarkedLine[] {
  const [name, ...role] = from ? from.split(',').map((s) => s.trim()) : [];
  const who = from ? name : office.signatoryName;
  const what = from ? role.join(', ') : office.signatoryRole;
  return [
    who
      ? { text: who, isPlaceholder: false }
      : { text: DRAFT_TEXT.signatoryNameBlank, isPlaceholder: true },
    what
      ? { text: what, isPlaceholder: false }
      : { text: DRAFT_TEXT.signatoryRoleBlank, isPlaceholder: true },
  ];
}

/** The kind of request named in the opening (`zapytanie`, `interpelację`…), from the request's own words. */
function requestNoun(request: string, isCouncillor: boolean): string {
  const r = request.toLowerCase();
  if (r.includes('interpelac')) return 'interpelację';
  if (r.includes('petycj')) return 'petycję';
  if (r.includes('skarg')) return 'skargę';
  if (/\bwnios(?:ek|ku)\b/.test(r)) return 'wniosek';
  if (r.includes('zapytani') || isCouncillor) return 'zapytanie';
  return 'pismo';
}

/** Builds the structured letter. */
export function buildDraftLetter({
  request,
  to,
  from,
  copiesTo = [],
  requestDate,
  office = {},
  now,
  paragraphs,
  citations,
  missing,
}: BuildDraftLetterOptions): DraftLetter {
  const addressee = parseAddressee(to);
  const isCouncillor = addressee?.office === 'radny' || /\bradn/i.test(request);
  const date =
    (requestDate
      ? /^\d{4}-\d{2}-\d{2}/.test(requestDate)
        ? formatPolishDate(requestDate)
        : requestDate
      : null) ?? findRequestDate(request);
  const subject = condenseSubject(request);
  const notes = [...missing];
  if (!date) notes.push(DRAFT_TEXT.missingDate);
  if (!subject) notes.push(DRAFT_TEXT.missingSubject);
  const salutation = salutationFor(addressee);
  if (salutation.isPlaceholder) notes.push(DRAFT_TEXT.missingGender);

  const lead = [
    `W odpowiedzi na ${possessiveFor(addressee)} ${requestNoun(request, isCouncillor)}`,
    date ? `${DRAFT_TEXT.requestDateLabel} ${date}` : `${DRAFT_TEXT.requestDateLabel} [data]`,
    `w sprawie ${subject ?? DRAFT_TEXT.subjectBlank}`,
  ].join(' ');
  // The first fact completes „uprzejmie informuję, że …” when it can start in lower case.
  const [firstParagraph, ...others] = paragraphs;
  const firstSentence = firstParagraph?.sentences[0];
  const lowered =
    firstSentence && !firstSentence.isPlaceholder ? lowerFirstWord(firstSentence.text) : null;
  let body: DraftParagraph[];
  if (firstParagraph && firstSentence && lowered) {
    const opening: DraftSentence = {
      ...firstSentence,
      text: `${lead} ${DRAFT_TEXT.informs} ${lowered}`,
    };
    body = [{ sentences: [opening, ...firstParagraph.sentences.slice(1)] }, ...others];
  } else {
    const opening: DraftSentence = {
      text: `${lead} ${DRAFT_TEXT.presents}`,
      sources: [],
      isPlaceholder: false,
    };
    body = [{ sentences: [opening] }, ...paragraphs];
  }
  if (paragraphs.length === 0)
    body.push({ sentences: [{ text: DRAFT_TEXT.bodyBlank, sources: [], isPlaceholder: true }] });

  const city = office.city;
  return {
    letterhead: [office.name, office.department, office.address].filter((l): l is string =>
      Boolean(l),
    ),
    placeDate: `${city ?? '[miejscowość]'}, dnia ${formatPolishDate(now)}`,
    reference: referenceLine(office.referencePattern, now),
    addressee: addresseeLines(addressee),
    salutation,
    paragraphs: body,
    closing: DRAFT_TEXT.closing,
    signatory: signatoryLines(from, office),
    copiesTo: [...copiesTo],
    internal: {
      sources: citations.map((c) => `[${c.n}] ${describeCitation(c, 'pl')}`),
      missing: [...new Set(notes)],
    },
  };
}
