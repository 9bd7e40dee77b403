/**
 * A reply draft as a Word document (`--out FILE.docx`, the console's
 * download, the chat upload), written with the `docx` library: A4 with the
 * usual 2.5 cm margins, a named style for each part of the letter (Normal,
 * letterhead, date line on the right, addressee block, signature block…),
 * real footnotes for the sources, page numbers in the footer, and the internal
 * page in a section of its own, on a new page (the letter's page count leaves it
 * out). Blanks the clerk must fill are highlighted. A clerk
 * edits it in Word or LibreOffice without fixing the layout.
 */
import fs from 'node:fs/promises';
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TextRun,
  type IParagraphStyleOptions,
} from 'docx';
import { DRAFT_TEXT } from '../messages.js';
import type { DraftReply } from './draft-reply.js';
import type { DraftSentence, MarkedLine } from './draft/draft-letter.js';
import type { Citation } from './types.js';
import { describeLetterSource } from './draft/describe-letter-source.js';

/** Twips per centimetre (1 in = 1440 twips = 2.54 cm). */
const CM = 567;
/** The addressee and signature blocks start at the page's right half. */
const RIGHT_BLOCK = 9 * CM;
const FONT = 'Times New Roman';

/** The style set; ids are what a test (or a clerk's template) finds in `word/styles.xml`. */
export const DRAFT_STYLES = {
  letterhead: 'Letterhead',
  placeDate: 'PlaceDate',
  reference: 'Reference',
  addressee: 'Addressee',
  salutation: 'Salutation',
  closing: 'Closing',
  signature: 'Signature',
  copiesTo: 'CopiesTo',
  internalHeading: 'InternalHeading',
  internal: 'Internal',
} as const;

const style = (
  id: string,
  name: string,
  paragraph: NonNullable<IParagraphStyleOptions['paragraph']>,
  run: NonNullable<IParagraphStyleOptions['run']> = {},
): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  paragraph,
  run,
});

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  style(
    DRAFT_STYLES.letterhead,
    'Nagłówek pisma',
    { spacing: { after: 0 }, alignment: AlignmentType.LEFT },
    { bold: true, size: 22 },
  ),
  style(DRAFT_STYLES.placeDate, 'Miejscowość i data', {
    alignment: AlignmentType.RIGHT,
    spacing: { before: 240, after: 240 },
  }),
  style(DRAFT_STYLES.reference, 'Znak sprawy', {
    alignment: AlignmentType.LEFT,
    spacing: { after: 360 },
  }),
  style(
    DRAFT_STYLES.addressee,
    'Adresat',
    { alignment: AlignmentType.LEFT, indent: { left: RIGHT_BLOCK }, spacing: { after: 0 } },
    { bold: true },
  ),
  style(DRAFT_STYLES.salutation, 'Zwrot grzecznościowy', {
    alignment: AlignmentType.LEFT,
    spacing: { before: 480, after: 240 },
  }),
  style(DRAFT_STYLES.closing, 'Zakończenie', {
    alignment: AlignmentType.LEFT,
    indent: { left: RIGHT_BLOCK },
    spacing: { before: 360, after: 600 },
  }),
  style(DRAFT_STYLES.signature, 'Podpis', {
    alignment: AlignmentType.CENTER,
    indent: { left: RIGHT_BLOCK },
    spacing: { after: 0 },
  }),
  style(
    DRAFT_STYLES.copiesTo,
    'Do wiadomości',
    { alignment: AlignmentType.LEFT, spacing: { after: 0 } },
    { size: 20 },
  ),
  style(
    DRAFT_STYLES.internalHeading,
    'Strona wewnętrzna — nagłówek',
    { alignment: AlignmentType.LEFT, spacing: { after: 240 } },
    { bold: true, color: 'C00000' },
  ),
  style(
    DRAFT_STYLES.internal,
    'Strona wewnętrzna',
    { alignment: AlignmentType.LEFT, spacing: { after: 80 } },
    { size: 20 },
  ),
];

/** Runs of a text whose `[…]` blanks (not `[n]` markers) are highlighted. */
function runs(text: string, isPlaceholder = false): TextRun[] {
  if (isPlaceholder) return [new TextRun({ text, highlight: 'yellow' })];
  return text
    .split(/(\[[^\]\d][^\]]*\])/u)
    .filter(Boolean)
    .map((part) =>
      /^\[[^\]\d]/u.test(part)
        ? new TextRun({ text: part, highlight: 'yellow' })
        : new TextRun(part),
    );
}

const line = (styleId: string, l: MarkedLine) =>
  new Paragraph({ style: styleId, children: runs(l.text, l.isPlaceholder) });

/** The Word document for a draft (from its letter structure). */
export function buildDraftDocument(draft: DraftReply): Document {
  const { letter } = draft;
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextFootnote = 1;
  let previous: Citation | null = null;
  /** A footnote for source `n`; the same letter as the note before is „Tamże”, as letters cite. */
  const footnote = (n: number) => {
    const citation = draft.citations[n - 1];
    if (!citation) return null;
    const id = nextFootnote++;
    const text =
      previous?.letterId === citation.letterId
        ? `Tamże${citation.page !== null ? `, s. ${citation.page}` : ''}.`
        : describeLetterSource(citation);
    previous = citation;
    footnotes[id] = {
      children: [new Paragraph({ children: [new TextRun({ text, size: 20 })] })],
    };
    return new FootnoteReferenceRun(id);
  };
  /** Consecutive sentences of a paragraph citing the same sources share one footnote, after the last of them. */
  const sentenceRuns = (sentences: readonly DraftSentence[]) =>
    sentences.flatMap((s, i) => {
      const next = sentences[i + 1];
      const isSharedWithNext =
        next !== undefined && s.sources.length > 0 && next.sources.join() === s.sources.join();
      return [
        ...(i > 0 ? [new TextRun(' ')] : []),
        ...runs(s.text, s.isPlaceholder),
        ...(isSharedWithNext ? [] : s.sources.flatMap((n) => footnote(n) ?? [])),
      ];
    });

  const children: Paragraph[] = [
    ...letter.letterhead.map((text) => new Paragraph({ style: DRAFT_STYLES.letterhead, text })),
    new Paragraph({ style: DRAFT_STYLES.placeDate, children: runs(letter.placeDate) }),
    new Paragraph({
      style: DRAFT_STYLES.reference,
      children: [
        new TextRun(`${DRAFT_TEXT.referenceLabel} `),
        ...letter.reference.flatMap((r) => runs(r.text, r.isPlaceholder)),
      ],
    }),
    ...letter.addressee.map((l) => line(DRAFT_STYLES.addressee, l)),
    line(DRAFT_STYLES.salutation, letter.salutation),
    ...letter.paragraphs.map(
      (p) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: Math.round(1.25 * CM) },
          children: sentenceRuns(p.sentences),
        }),
    ),
    new Paragraph({ style: DRAFT_STYLES.closing, text: letter.closing }),
    ...letter.signatory.map((l) => line(DRAFT_STYLES.signature, l)),
  ];
  if (letter.copiesTo.length > 0) {
    children.push(
      new Paragraph({
        style: DRAFT_STYLES.copiesTo,
        spacing: { before: 480 },
        children: [new TextRun({ text: DRAFT_TEXT.copiesToHeading, underline: {} })],
      }),
      ...letter.copiesTo.map(
        (c, i) => new Paragraph({ style: DRAFT_STYLES.copiesTo, text: `${i + 1}. ${c}` }),
      ),
    );
  }
  const { sources, missing } = letter.internal;
  // Its own section: it starts on a new page, and the letter's page count leaves it out.
  const internal: Paragraph[] = [
    new Paragraph({ style: DRAFT_STYLES.internalHeading, text: DRAFT_TEXT.internalHeading }),
    new Paragraph({
      style: DRAFT_STYLES.internal,
      children: [new TextRun({ text: DRAFT_TEXT.internalSources, bold: true })],
    }),
    ...(sources.length > 0 ? sources : [DRAFT_TEXT.internalNoSources]).map(
      (text) => new Paragraph({ style: DRAFT_STYLES.internal, text }),
    ),
    new Paragraph({
      style: DRAFT_STYLES.internal,
      spacing: { before: 240 },
      children: [new TextRun({ text: DRAFT_TEXT.internalMissing, bold: true })],
    }),
    ...(missing.length > 0
      ? missing.map((m) => `– ${m}`)
      : [DRAFT_TEXT.internalNothingMissing]
    ).map((text) => new Paragraph({ style: DRAFT_STYLES.internal, text })),
  ];
  const page = {
    size: { width: 11906, height: 16838 },
    margin: { top: 1418, right: 1418, bottom: 1418, left: 1418, header: 709, footer: 709 },
  };

  return new Document({
    creator: 'Kancelaria',
    title: `Szkic odpowiedzi: ${draft.request.slice(0, 80)}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 120 } } },
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    footnotes,
    sections: [
      {
        properties: { page },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    // „Strona N”: LibreOffice does not fill SECTIONPAGES, and NUMPAGES would count the internal page.
                    children: ['Strona ', PageNumber.CURRENT],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
      {
        properties: { page, type: SectionType.NEXT_PAGE },
        footers: { default: new Footer({ children: [new Paragraph('')] }) },
        children: internal,
      },
    ],
  });
}

/** The draft as DOCX bytes. */
export async function draftToDocx(draft: DraftReply): Promise<Buffer> {
  return Packer.toBuffer(buildDraftDocument(draft));
}

/** Writes the draft to `file` as DOCX. */
export async function writeDraftDocx(draft: DraftReply, file: string): Promise<void> {
  await fs.writeFile(file, await draftToDocx(draft));
}
