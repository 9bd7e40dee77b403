/**
 * Turning passages into citations, and rendering the `Źródła` list. A
 * citation names the letter (reference, date, author) and the page, which is
 * what a councillor needs to find the original.
 */
import type { Letter, SearchHit } from '../archive/types.js';
import { ANSWER_TEXT } from '../messages.js';
import type { Citation } from './types.js';

/** The citation for passage `hit`, numbered `n`, supported by `quote`. */
export function citationFor(hit: SearchHit, n: number, quote: string): Citation {
  const { letter, passage } = hit;
  return {
    n,
    letterId: letter.id,
    file: letter.file,
    page: passage.page,
    reference: letter.reference,
    date: letter.date,
    author: letter.author,
    authorRole: letter.authorRole,
    title: letter.title,
    url: letter.url,
    ocr: letter.ocr,
    quote,
    ...(letter.accessGroup ? { accessGroup: letter.accessGroup } : {}),
  };
}

/** One line describing a cited letter: `WEN.9823.2020.RFZ, 2020-03-02, Marcin Michalik (Zastępca…), plik.pdf, s. 1`. */
export function describeCitation(citation: Citation, language: 'pl' | 'en' = 'pl'): string {
  const t = ANSWER_TEXT[language];
  const author = citation.author
    ? citation.authorRole
      ? `${citation.author} (${citation.authorRole})`
      : citation.author
    : null;
  const parts = [
    citation.reference ?? t.noReference,
    citation.date ?? t.noDate,
    author,
    citation.title,
    citation.file,
    citation.page !== null ? `${t.page} ${citation.page}` : null,
    citation.ocr ? t.ocr : null,
  ].filter((p): p is string => Boolean(p));
  const also = citation.also?.length ? ` (${t.alsoIn} ${citation.also.join('; ')})` : '';
  return parts.join(', ') + also;
}

/** The plain-text `Źródła:` block: one `[n] …` line per citation. Empty when there are none. */
export function formatSources(
  citations: readonly Citation[],
  language: 'pl' | 'en' = 'pl',
): string {
  if (citations.length === 0) return '';
  const lines = citations.map(
    (c) => `[${c.n}] ${describeCitation(c, language)}${c.url ? ` <${c.url}>` : ''}`,
  );
  return `${ANSWER_TEXT[language].sourcesHeading}\n${lines.join('\n')}`;
}

/**
 * Names the other copies of each cited letter (`groupDuplicateLetters`) on its
 * citation, so a letter held twice is one source „także: …” the other file.
 */
export function attachCopies<C extends Citation>(
  citations: readonly C[],
  copies: ReadonlyMap<string, readonly Letter[]>,
): C[] {
  return citations.map((c) => {
    const letters = copies.get(c.letterId);
    return letters?.length ? { ...c, also: letters.map((l) => l.file) } : c;
  });
}
