/**
 * Characters from the Private Use Area that PDFs and Word documents set in the
 * Symbol and Wingdings fonts leave in their text: list bullets (U+F0B7, 1,378
 * times in the Sejm corpus), dashes (U+F02D, 815), arrows and check marks.
 * Outside their font they are no character at all: a chat client shows a box,
 * and the sentence splitter does not see a list item. Each is replaced by the
 * Unicode character it draws, one for one, so offsets and page lengths hold.
 */
import type { ExtractedDocument } from './types.js';

const GLYPHS: Readonly<Record<string, string>> = {
  '\uf0b7': '•', // Symbol bullet
  '\uf0a7': '▪', // Wingdings small square
  '\uf06c': '●', // Wingdings filled circle
  '\uf06e': '■', // Wingdings filled square
  '\uf076': '❖', // Wingdings diamond
  '\uf0d8': '➢', // Wingdings arrowhead
  '\uf0e8': '➔', // Wingdings arrow
  '\uf0fc': '✓', // Wingdings check mark
  '\uf02d': '–', // Symbol minus, used as a dash
  '\uf0be': '—', // Symbol horizontal line
};
const CLASS = `[${Object.keys(GLYPHS).join('')}]`;
const PATTERN = new RegExp(CLASS, 'gu');
const ANY = new RegExp(CLASS, 'u');

export function replaceSymbolGlyphs(text: string): string {
  return text.replace(PATTERN, (ch) => GLYPHS[ch] ?? ch);
}

export function replaceDocumentGlyphs(doc: ExtractedDocument): ExtractedDocument {
  if (!doc.pages.some((p) => ANY.test(p.text))) return doc;
  return { ...doc, pages: doc.pages.map((p) => ({ ...p, text: replaceSymbolGlyphs(p.text) })) };
}
