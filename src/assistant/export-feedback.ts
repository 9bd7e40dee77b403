/**
 * `kancelaria feedback export`: every thumbs up/down with its question,
 * answer and cited letters, as CSV (for a spreadsheet) or JSON (for scripts
 * and the evaluation harness). Channel-free: Slack, Teams and the web console
 * all store feedback in the same `StateStore`.
 */
import type { Citation } from '../answer/types.js';
import type { FeedbackRecord, StateStore } from './state-store.js';

/** Output formats of the export. */
export type FeedbackExportFormat = 'csv' | 'json';

const CSV_COLUMNS = [
  'at',
  'channel',
  'user_id',
  'conversation_id',
  'message_id',
  'rating',
  'comment',
  'question',
  'answer',
  'sources',
] as const;

/** Cited letters in one cell: `[1] WEN.9823.2020.RFZ (2020-03-02, s. 1); [2] …`. */
function describeSources(citations: readonly Citation[]): string {
  return citations
    .map((c) => {
      const details = [c.date, c.page !== null ? `s. ${c.page}` : null].filter(Boolean).join(', ');
      return `[${c.n}] ${c.reference ?? c.file}${details ? ` (${details})` : ''}`;
    })
    .join('; ');
}

/**
 * One CSV cell (RFC 4180 quoting). Cells that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, CR) get a leading apostrophe: the text
 * comes from users and must not execute when an officer opens the file.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsvRow(record: FeedbackRecord): string {
  const cells = [
    record.at,
    record.channel,
    record.userId,
    record.conversationId,
    record.messageId,
    record.rating,
    record.comment,
    record.question,
    record.answer,
    describeSources(record.citations),
  ];
  return cells.map(csvCell).join(',');
}

/**
 * All stored feedback, oldest first, as CSV (header row, CRLF line ends, as
 * spreadsheets expect) or as a pretty-printed JSON array of `FeedbackRecord`s.
 */
export function exportFeedback(store: StateStore, format: FeedbackExportFormat): string {
  const records = store.listFeedback();
  switch (format) {
    case 'json':
      return `${JSON.stringify(records, null, 2)}\n`;
    case 'csv':
      return `${[CSV_COLUMNS.join(','), ...records.map(toCsvRow)].join('\r\n')}\r\n`;
    default: {
      const unknown: never = format;
      throw new Error(`unknown feedback export format: ${String(unknown)}`);
    }
  }
}
