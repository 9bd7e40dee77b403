/**
 * What every extractor returns: the document's text page by page, and how it
 * was obtained. Extractors throw `IngestError` (src/errors.ts) with a reason
 * for files they cannot read; the sync reports it and goes on.
 */
import type { LetterMetadata, TextSource } from '../../src/archive/types.js';
import type { PageRecognizer } from './ocr-pool.js';

export interface ExtractedPage {
  /** 1-based page number, or `null` for formats without pages (TXT, DOCX, e-mail). */
  readonly page: number | null;
  /** Clean text of the page: paragraphs separated by a blank line, repeated headers/footers removed. */
  readonly text: string;
  /** True when this page's text came from OCR. */
  readonly ocr: boolean;
  /** Mean OCR confidence 0–100, when `ocr` is true. */
  readonly ocrConfidence?: number;
}

export interface ExtractedDocument {
  readonly pages: readonly ExtractedPage[];
  readonly source: TextSource;
  /** Metadata the format itself carries (e-mail headers, DOCX properties); overrides nothing found in the text unless set. */
  readonly metadata?: Partial<LetterMetadata>;
  /** Files carried inside this one (e-mail attachments); the sync indexes each as a letter of its own. */
  readonly attachments?: readonly ExtractedAttachment[];
  /** Facts removed from the text as noise but worth keeping (registry stamp date, KRM number). */
  readonly noise?: readonly string[];
}

/** A file embedded in another (an e-mail attachment). */
export interface ExtractedAttachment {
  /** Its file name, safe to append to the parent's path after `#`. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** INGEST_MAX_TEXT_CHARS's default, for callers without a config. */
export const DEFAULT_MAX_TEXT_CHARS = 3_000_000;

export interface ExtractOptions {
  /** Upper bound on pages; more raises `IngestError('too_many_pages')`. */
  readonly maxPages: number;
  /** Upper bound on the extracted text's length in characters; more raises `IngestError('too_long')`. Default `DEFAULT_MAX_TEXT_CHARS`. */
  readonly maxChars?: number;
  readonly signal?: AbortSignal;
  /** OCR for PDF pages without a usable text layer; without it such pages stay empty. */
  readonly ocr?: PageRecognizer;
}

/** An extractor for one family of file types. */
export type Extractor = (bytes: Uint8Array, options: ExtractOptions) => Promise<ExtractedDocument>;
