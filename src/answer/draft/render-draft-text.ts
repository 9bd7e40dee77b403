/**
 * The letter as plain text (the CLI's output, the console's editable text)
 * and the way back from the clerk's edited text to the letter's body.
 */
import { DRAFT_TEXT } from '../../messages.js';
import type { DraftLetter, DraftParagraph, DraftSentence } from './draft-letter.js';

const marks = (s: DraftSentence) => s.sources.map((n) => ` [${n}]`).join('');

/** One paragraph, each sentence followed by its `[n]`. */
export function paragraphText(p: DraftParagraph): string {
  return p.sentences.map((s) => `${s.text}${marks(s)}`).join(' ');
}

/** Salutation and body: the part of the letter a clerk edits (the console's text box). */
export function bodyText(letter: DraftLetter): string {
  return [letter.salutation.text, ...letter.paragraphs.map(paragraphText)].join('\n\n');
}

/** The whole letter, then the internal page after a rule. */
export function letterText(letter: DraftLetter): string {
  const head = [
    letter.letterhead.join('\n'),
    letter.placeDate,
    `${DRAFT_TEXT.referenceLabel} ${letter.reference.map((r) => r.text).join('')}`,
    letter.addressee.map((l) => l.text).join('\n'),
  ].filter(Boolean);
  const tail = [letter.closing, letter.signatory.map((l) => l.text).join('\n')];
  if (letter.copiesTo.length > 0)
    tail.push(
      `${DRAFT_TEXT.copiesToHeading}\n${letter.copiesTo.map((c, i) => `${i + 1}. ${c}`).join('\n')}`,
    );
  return [...head, bodyText(letter), ...tail, internalText(letter)].join('\n\n');
}

/** The internal page: sources with their files, and what is missing. */
export function internalText(letter: DraftLetter): string {
  const { sources, missing } = letter.internal;
  return [
    `──────────\n${DRAFT_TEXT.internalHeading}`,
    `${DRAFT_TEXT.internalSources}\n${sources.length > 0 ? sources.join('\n') : DRAFT_TEXT.internalNoSources}`,
    `${DRAFT_TEXT.internalMissing}\n${missing.length > 0 ? missing.map((m) => `- ${m}`).join('\n') : DRAFT_TEXT.internalNothingMissing}`,
  ].join('\n\n');
}

/**
 * The letter with the clerk's edited salutation and body (`bodyText` as
 * edited): blocks separated by blank lines are paragraphs, `[n]` markers stay
 * footnotes of the sentence before them, numbers without a source are dropped.
 */
export function withEditedBody(
  letter: DraftLetter,
  edited: string,
  sourceCount: number,
): DraftLetter {
  const blocks = edited
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  let salutation = letter.salutation;
  if (blocks[0] && /,$/.test(blocks[0]) && blocks[0].length < 60 && !/\[\d+\]/.test(blocks[0]))
    salutation = { text: blocks.shift()!, isPlaceholder: false };
  const paragraphs: DraftParagraph[] = blocks.map((block) => {
    const sentences: DraftSentence[] = [];
    let rest = block.replace(/\s*\n\s*/g, ' ');
    for (const m of block.replace(/\s*\n\s*/g, ' ').matchAll(/(.*?)((?:\s?\[\d+\])+)/g)) {
      const text = m[1]!.trim();
      const sources = [...m[2]!.matchAll(/\d+/g)]
        .map((d) => Number(d[0]))
        .filter((n) => n >= 1 && n <= sourceCount);
      if (text) sentences.push({ text, sources, isPlaceholder: false });
      else if (sentences.length > 0) sentences.at(-1)!.sources.push(...sources);
      rest = rest.slice(m[0].length);
    }
    if (rest.trim()) sentences.push({ text: rest.trim(), sources: [], isPlaceholder: false });
    return { sentences };
  });
  return {
    ...letter,
    salutation,
    paragraphs: paragraphs.length > 0 ? paragraphs : letter.paragraphs,
  };
}
