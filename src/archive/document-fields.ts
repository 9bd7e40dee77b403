/**
 * What a passage is indexed as, for every backend: three weighted text fields
 * (the passage body, the letter's subject, the letter's people and reference).
 * SQLite stores them as FTS5 columns ranked by BM25 with these weights; Qdrant
 * sums them into one sparse vector with the weights baked in. Written once
 * here so the two backends cannot drift apart (issue 13).
 */
import type { Analyzer } from './analyzer.js';
import type { Letter, Passage } from './types.js';

/** The indexed fields, in FTS5 column order. */
export type DocumentFieldName = 'body' | 'subject' | 'people';

/** One text field of a passage and how much a match in it counts. */
export interface DocumentField {
  readonly name: DocumentFieldName;
  readonly text: string;
  /** Relative weight of a match in this field (body = 1); see docs/retrieval.md for how the weights were chosen. */
  readonly weight: number;
  /**
   * Typical length of this field in terms. Qdrant keeps no per-field length
   * statistics, so its BM25 length normalisation uses this fixed average
   * (the approach of Qdrant's own BM25 sparse models); FTS5 measures its own.
   */
  readonly averageLength: number;
}

/** Field names, weights and typical lengths, in FTS5 column order. */
export const DOCUMENT_FIELD_LAYOUT = [
  { name: 'body', weight: 1.0, averageLength: 60 },
  { name: 'subject', weight: 2.5, averageLength: 8 },
  { name: 'people', weight: 1.5, averageLength: 12 },
] as const satisfies readonly Omit<DocumentField, 'text'>[];

/** The default weight of each field, in layout order (SQLite's BM25 column weights). */
export const DEFAULT_FIELD_WEIGHTS = DOCUMENT_FIELD_LAYOUT.map((f) => f.weight) as [
  number,
  number,
  number,
];

/**
 * Bump when the field layout, the weights baked into Qdrant's vectors, either
 * backend's stored layout or the analyzer's term format changes (3: one
 * reference-number module, reference terms without trailing initials, the
 * `reference_key` column, inflected acronyms folded; 4: SQLite's `letter_terms`,
 * each letter's analysed terms stored at ingest for answerability). Together with the
 * analyzer's name it decides whether a stored index is usable: both backends
 * empty an index stamped with another format when they open it.
 */
export const INDEX_FORMAT = 4;

/** The format stamp an index written with this analyzer carries (`3:hunspell+light`). */
export function indexFormat(analyzer: Pick<Analyzer, 'name'>): string {
  return `${INDEX_FORMAT}:${analyzer.name}`;
}

/** The letter's subject line and the interpellation it answers (`nr 10446` also finds it). */
function subjectText(letter: Letter): string {
  return [letter.title ?? '', letter.interpellation ? `nr ${letter.interpellation}` : ''].join(' ');
}

/** Reference, signatory and addressee; the line breaks keep a reference number from gluing to a name. */
function peopleText(letter: Letter): string {
  return [
    letter.reference ?? '',
    letter.author ?? '',
    letter.authorRole ?? '',
    letter.addressee ?? '',
  ].join(' \n ');
}

/** The indexed fields of one passage of a letter, in layout order, not yet analysed. */
export function documentFields(letter: Letter, passage: Passage): readonly DocumentField[] {
  const texts: Record<DocumentFieldName, string> = {
    body: passage.text,
    subject: subjectText(letter),
    people: peopleText(letter),
  };
  return DOCUMENT_FIELD_LAYOUT.map((field) => ({ ...field, text: texts[field.name] }));
}

/**
 * Both indexes refuse vectors that are not one per passage: a short list would silently leave
 * passages without a dense vector.
 * @throws {Error} on a mismatch.
 */
export function assertOneVectorPerPassage(
  letter: Pick<Letter, 'id'>,
  passages: readonly Passage[],
  vectors: readonly unknown[] | undefined,
): void {
  if (vectors && vectors.length !== passages.length) {
    throw new Error(
      `upsertLetter: ${vectors.length} vectors for ${passages.length} passages of ${letter.id}`,
    );
  }
}

/** An analyse function for one letter's upsert: subject and people repeat on every passage, so each distinct text is analysed once. */
export function analyseOnce(analyzer: Pick<Analyzer, 'analyze'>): (text: string) => string[] {
  const analysed = new Map<string, string[]>();
  return (text) => {
    let terms = analysed.get(text);
    if (terms === undefined) analysed.set(text, (terms = analyzer.analyze(text)));
    return terms;
  };
}
