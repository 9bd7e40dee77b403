/** Builders for letters and passages in tests: real data shapes, minimal typing. */
import type { Letter, Passage } from '../../src/archive/types.js';

/** A letter with sensible defaults; override what the test is about. */
export function makeLetter(overrides: Partial<Letter> & { id: string }): Letter {
  return {
    contentHash: `hash-${overrides.id}`,
    file: `${overrides.id}.txt`,
    source: `/archive/${overrides.id}.txt`,
    url: null,
    title: null,
    date: null,
    reference: null,
    author: null,
    authorRole: null,
    addressee: null,
    interpellation: null,
    receivedDate: null,
    pages: 1,
    accessGroup: null,
    ocr: false,
    language: 'pl',
    ...overrides,
  };
}

/** Passages from paragraphs, with offsets as if joined by blank lines. */
export function makePassages(
  letterId: string,
  paragraphs: readonly string[],
  page: number | null = 1,
): Passage[] {
  let offset = 0;
  return paragraphs.map((text, ordinal) => {
    const start = offset;
    offset += text.length + 2;
    return {
      id: `${letterId}:${ordinal}`,
      letterId,
      ordinal,
      page,
      start,
      end: start + text.length,
      text,
    };
  });
}
