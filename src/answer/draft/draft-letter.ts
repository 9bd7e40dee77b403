/**
 * The structured reply draft: every part of a Polish official letter as its
 * own field, so the plain text, the DOCX and the chat summaries are renderings
 * of one value, and an LLM's body can be checked against a schema before it
 * is used. A `marked` line is a blank the clerk must fill (highlighted in the
 * DOCX), never a guess shown as fact.
 */
import { z } from 'zod';

/** A line of the form; `isPlaceholder` marks a blank for the clerk. */
export const markedLineSchema = z.object({
  text: z.string().min(1),
  isPlaceholder: z.boolean(),
});
export type MarkedLine = z.infer<typeof markedLineSchema>;

/** One sentence of the body and the citations (`Citation.n`) that support it. */
export const draftSentenceSchema = z.object({
  text: z.string().min(1),
  /** Citation numbers; each becomes a footnote. Empty for a clerk's blank or a link phrase. */
  sources: z.array(z.number().int().positive()),
  isPlaceholder: z.boolean().default(false),
});
export type DraftSentence = z.infer<typeof draftSentenceSchema>;

export const draftParagraphSchema = z.object({
  sentences: z.array(draftSentenceSchema).min(1),
});
export type DraftParagraph = z.infer<typeof draftParagraphSchema>;

/** The letter, top to bottom, and the internal page that is not part of it. */
export const draftLetterSchema = z.object({
  /** Office, department, address: one line each. */
  letterhead: z.array(z.string().min(1)),
  /** `Chorzów, dnia 1 grudnia 2026 r.` */
  placeDate: z.string().min(1),
  /** `Znak sprawy:` value (the label is the renderer's). */
  reference: z.array(markedLineSchema).min(1),
  /** `Pan` / `Grzegorz Krzak` / `Radny Miasta Chorzów`. */
  addressee: z.array(markedLineSchema),
  salutation: markedLineSchema,
  /** The opening („W odpowiedzi na …”) is the first sentence of the first paragraph. */
  paragraphs: z.array(draftParagraphSchema).min(1),
  closing: z.string().min(1),
  /** Name, function. */
  signatory: z.array(markedLineSchema).min(1),
  /** „Do wiadomości”: recipients of a copy; empty = no such block. */
  copiesTo: z.array(z.string().min(1)),
  internal: z.object({
    /** Every source used, with its file, for the clerk (never in the letter). */
    sources: z.array(z.string().min(1)),
    /** What the archive could not answer: the clerk adds it or says so. */
    missing: z.array(z.string().min(1)),
  }),
});
export type DraftLetter = z.infer<typeof draftLetterSchema>;

/** The office the draft is written for (the `OFFICE_*` settings). */
export interface OfficeSettings {
  readonly name?: string;
  readonly department?: string;
  readonly address?: string;
  readonly city?: string;
  /** `{rok}` = the year, `{nr}` = a blank for the clerk. */
  readonly referencePattern?: string;
  readonly signatoryName?: string;
  readonly signatoryRole?: string;
}
