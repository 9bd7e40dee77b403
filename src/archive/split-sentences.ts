/**
 * Polish sentence splitting for extractive answers and quote checks. ICU's
 * sentence segmenter (built into Node) does the work; we then re-join breaks
 * after abbreviations that Polish official letters use constantly (`r.`,
 * `art.`, `ust.`, `Dz. U.`, `m.in.`), which ICU has no Polish list for.
 */
/** Abbreviations after which a sentence never ends, whatever follows. */
const ALWAYS_CONTINUES = /(?:^|[\s(])(?:Dz|art|ust|pkt|poz|nr|m\.in|tj|np|tzw|ul|prof|dr|hab|mgr|inż|św|al|os|zob|por|godz|ok)\.\s*$/u;
/** Abbreviations (and initials, ordinal numbers) after which a sentence continues if the next word is lower case. */
const MAY_CONTINUE = /(?:(?:^|[\s(])(?:r|U|tys|mln|mld|zł|min|s|str|tab|wyd|zm|późn|pl)\.|\b\p{Lu}\.|\d\.)\s*$/u;

export interface Sentence {
  readonly text: string;
  /** Offset of the sentence within the input text. */
  readonly start: number;
}

const segmenter = new Intl.Segmenter('pl', { granularity: 'sentence' });

/** Splits text into trimmed sentences with their offsets. */
export function splitSentences(text: string): Sentence[] {
  const raw: { text: string; start: number }[] = [];
  // ICU ends a sentence at every line feed; inside a paragraph a line feed is
  // only where the page wrapped (PDF text keeps its lines), so it becomes a
  // space. Same length, so offsets stay valid.
  const unwrapped = text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
  for (const seg of segmenter.segment(unwrapped)) raw.push({ text: seg.segment, start: seg.index });
  const merged: { text: string; start: number }[] = [];
  for (const seg of raw) {
    const last = merged[merged.length - 1];
    // A paragraph break always ends a sentence, abbreviation or not.
    const isJoinable = last !== undefined && !/\n\s*\n\s*$/.test(last.text);
    const continues =
      isJoinable && (ALWAYS_CONTINUES.test(last.text) || (MAY_CONTINUE.test(last.text) && /^[\p{Ll}\d(„"]/u.test(seg.text)));
    if (last && continues) last.text += seg.text;
    else merged.push({ ...seg });
  }
  return merged
    .map((s) => {
      const lead = s.text.length - s.text.trimStart().length;
      return { text: s.text.trim().replace(/\s+/g, ' '), start: s.start + lead };
    })
    .filter((s) => s.text.length > 0);
}
