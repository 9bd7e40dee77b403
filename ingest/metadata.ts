/**
 * Letter metadata from plain text, following Polish letter conventions:
 * place+date line, znak sprawy, addressee block, `w sprawie` subject, and the
 * signature under the closing formula. Each field has its own parser in
 * `ingest/metadata/`; this module only decides which header lines each one
 * sees and how their answers combine.
 *
 * The rule throughout: an unknown field stays `null`. A wrong date or author
 * in a citation misleads a councillor; a missing one only looks incomplete.
 */
import type { LetterMetadata } from '../src/archive/types.js';
import { findLetterDates } from './metadata/find-letter-date.js';
import { parseDate } from './metadata/parse-date.js';
import { findAddressee } from './metadata/parse-addressee.js';
import { findReference } from './metadata/parse-reference.js';
import { findLetterheadRole, findRespondent, findSignature } from './metadata/parse-signature.js';
import { findInterpellation, findTitle } from './metadata/parse-subject.js';
import { findHeaderEnd, isSalutation, splitLines } from './metadata/split-lines.js';

export interface ExtractMetadataOptions {
  /**
   * The letter's file name. Used only when the text itself has no date and the
   * name starts with an ISO date (`2020-03-02-wen-….txt`), the archive's naming
   * convention for letters whose scans lost the date line.
   */
  readonly fileName?: string;
}

/**
 * Extracts title, date, reference, author, role, addressee, interpellation
 * number and registry date from a letter's plain text (pages joined by blank
 * lines). Never throws; fields that the text does not state are `null`.
 */
export function extractMetadata(
  text: string,
  options: ExtractMetadataOptions = {},
): LetterMetadata {
  const lines = splitLines(text);
  const headerEnd = findHeaderEnd(lines);
  const header = lines.slice(0, headerEnd);
  const salutation = lines.slice(headerEnd).find(isSalutation) ?? null;

  const { date, receivedDate } = findLetterDates(lines.join('\n'));
  const signature = findSignature(lines);
  const respondent = findRespondent(header, signature.author);
  const author = respondent?.author ?? signature.author;
  const authorRole =
    respondent?.authorRole ??
    signature.authorRole ??
    (author === null ? null : findLetterheadRole(header, author));

  return {
    title: findTitle(lines, headerEnd),
    date: date ?? dateFromFileName(options.fileName),
    reference: findReference(header),
    author,
    authorRole,
    addressee: findAddressee(header, salutation),
    interpellation: findInterpellation(lines, headerEnd),
    receivedDate,
  };
}

function dateFromFileName(fileName: string | undefined): string | null {
  const base = fileName?.split(/[\\/]/u).pop() ?? '';
  const iso = /^(\d{4}-\d{2}-\d{2})(?!\d)/u.exec(base)?.[1];
  return iso === undefined ? null : parseDate(iso);
}
