/**
 * E-mail (`.eml`, RFC 5322) through `mailparser`: the headers become letter
 * metadata (subject → title, date, sender → author, recipients → addressee),
 * the body is the text (HTML-only mail converted to text), and attachments
 * are handed back for the sync to index as letters of their own.
 */
import { simpleParser, type AddressObject } from 'mailparser';
import { IngestError } from '../../src/errors.js';
import type { ExtractedAttachment, Extractor } from './types.js';

/**
 * Extracts an e-mail. The text starts with a short header block (`Od:`,
 * `Do:`, `Data:`, `Temat:`, `Załączniki:`) so a question naming the sender or
 * an attachment finds the message, and so a mail with an empty body still
 * has text.
 * @throws IngestError `corrupt` (no headers at all), `timeout`.
 */
export const extractEml: Extractor = async (bytes, { signal }) => {
  if (signal?.aborted)
    throw new IngestError('timeout', 'E-mail extraction was aborted', { cause: signal.reason });
  const mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)).catch(
    (error: unknown) => {
      throw new IngestError(
        'corrupt',
        `E-mail cannot be parsed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    },
  );
  if (!['from', 'to', 'subject', 'date'].some((name) => mail.headers.has(name))) {
    throw new IngestError(
      'corrupt',
      'Not an e-mail: none of the From, To, Subject or Date headers',
    );
  }
  const from = addressText(mail.from);
  const to = addressText(mail.to);
  const toNames = addressNames(mail.to);
  const date =
    mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString().slice(0, 10) : null;
  const subject = mail.subject?.trim() || null;
  const attachments: ExtractedAttachment[] = mail.attachments
    .filter((a) => a.contentDisposition !== 'inline' || Boolean(a.filename))
    .map((a, i) => ({
      fileName: safeName(a.filename ?? `zalacznik-${i + 1}`),
      bytes: new Uint8Array(a.content),
    }));
  const header = [
    from && `Od: ${from}`,
    to && `Do: ${to}`,
    date && `Data: ${date}`,
    subject && `Temat: ${subject}`,
    attachments.length > 0 && `Załączniki: ${attachments.map((a) => a.fileName).join(', ')}`,
  ].filter(Boolean);
  const body = (mail.text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const text = [header.join('\n'), body].filter((part) => part !== '').join('\n\n');
  return {
    pages: [{ page: null, text, ocr: false }],
    source: 'email',
    metadata: {
      title: subject,
      date,
      author: mail.from?.value[0]?.name || mail.from?.value[0]?.address || null,
      addressee: toNames,
    },
    ...(attachments.length > 0 ? { attachments } : {}),
  };
};

function addressText(address: AddressObject | AddressObject[] | undefined): string | null {
  if (!address) return null;
  const text = (Array.isArray(address) ? address : [address])
    .map((a) => a.text)
    .join(', ')
    .trim();
  return text === '' ? null : text;
}

/** Recipients by name where the header gives one (`Rada Miasta`), else by address. */
function addressNames(address: AddressObject | AddressObject[] | undefined): string | null {
  if (!address) return null;
  const names = (Array.isArray(address) ? address : [address]).flatMap((a) =>
    a.value.map((v) => v.name || v.address || ''),
  );
  const text = names.filter(Boolean).join(', ');
  return text === '' ? null : text;
}

/** Attachment names become part of a file id: no path separators, no `#`. */
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry
  return name.replace(/[\\/#\u0000-\u001f]/g, '_').trim() || 'zalacznik';
}
