/**
 * The cap on a letter's extracted text (INGEST_MAX_TEXT_CHARS), checked once
 * for every format after extraction and before splitting, so sentence
 * splitting and chunking never see more than the cap.
 */
import { IngestError } from '../../src/errors.js';
import { DEFAULT_MAX_TEXT_CHARS, type ExtractedDocument, type ExtractOptions } from './types.js';

export function tooLong(length: string, maxChars: number): IngestError {
  return new IngestError(
    'too_long',
    `Text has ${length} characters, the limit is ${maxChars} (INGEST_MAX_TEXT_CHARS); not a letter`,
  );
}

/** @throws IngestError `too_long` when the pages together exceed the cap. */
export function checkTextLength(
  doc: ExtractedDocument,
  options: ExtractOptions,
): ExtractedDocument {
  const maxChars = options.maxChars ?? DEFAULT_MAX_TEXT_CHARS;
  const length = doc.pages.reduce((sum, page) => sum + page.text.length, 0);
  if (length > maxChars) throw tooLong(String(length), maxChars);
  return doc;
}
