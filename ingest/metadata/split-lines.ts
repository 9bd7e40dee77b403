/**
 * Line handling shared by the metadata parsers: letters arrive as plain text
 * (pages joined by blank lines) from PDF text layers, OCR, DOCX and HTML, each
 * with its own whitespace and markdown habits.
 */

/**
 * Splits a letter into trimmed, non-empty lines with markdown emphasis
 * (`*Marcin Michalik*`, `**…**`, `_…_`) and odd whitespace (NBSP, tabs,
 * repeated spaces) removed. Blank lines are dropped because OCR and HTML
 * export put them between every line of a header, so they carry no structure.
 */
export function splitLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/u)
    .map((line) =>
      line
        .replace(/[\u00a0\u2007\u202f\t]/gu, ' ')
        .replace(/(^|\s)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|$)/gu, '$1')
        .replace(/\s{2,}/gu, ' ')
        .trim(),
    )
    .filter((line) => line !== '');
}

// The salutation ends the header: references, dates and addressees come before it.
const SALUTATION = /^(?:szanown[ya]|wielce\s+szanown|dzie[ńn]\s+dobry)/iu;
const MAX_HEADER_LINES = 30;

/** True for salutation lines such as `Szanowny Panie Marszałku,`. */
export function isSalutation(line: string): boolean {
  return SALUTATION.test(line) && !/^szanown[ya]\s+pan[i]?$/iu.test(line);
}

/**
 * The index of the first line after the letter's header: the salutation line,
 * or a fixed number of lines when there is none (the Chorzów letter goes
 * straight from the addressee into the body).
 */
export function findHeaderEnd(lines: readonly string[]): number {
  const salutation = lines.findIndex((line, i) => i < MAX_HEADER_LINES * 2 && isSalutation(line));
  return salutation === -1 ? Math.min(lines.length, MAX_HEADER_LINES) : salutation;
}
