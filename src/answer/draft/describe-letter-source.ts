/**
 * A source as a footnote of the letter names it: reference, date, author and
 * page, in the letter's Polish (`pismo znak WEN.9823.2020.RFZ z dnia 2 marca
 * 2020 r., Marcin Michalik (Zastępca Prezydenta Miasta), s. 1`). No file name
 * or path: those are for the internal page only.
 */
import type { Citation } from '../types.js';
import { formatPolishDate } from './format-polish-date.js';

export function describeLetterSource(citation: Citation): string {
  const date = citation.date ? formatPolishDate(citation.date) : null;
  const head = citation.reference ? `Pismo znak ${citation.reference}` : 'Pismo bez znaku sprawy';
  const author = citation.author
    ? citation.authorRole
      ? `${citation.author} (${citation.authorRole})`
      : citation.author
    : null;
  return [
    date ? `${head} z dnia ${date}` : head,
    author,
    citation.page !== null ? `s. ${citation.page}` : null,
  ]
    .filter(Boolean)
    .join(', ')
    .concat('.');
}
