/**
 * What a Kancelaria point carries in Qdrant, and the filters over it. Three
 * kinds of point share one collection: `passage` (searchable, with sparse and
 * optional dense vectors), `letter` (one per letter, no vectors: listing and
 * counting letters without scanning passages) and `meta` (the last sync time).
 * Keeping them together means a rebuilt collection carries its own state and
 * the alias swap moves everything at once.
 */
import { createHash } from 'node:crypto';
import type { Schemas } from '@qdrant/js-client-rest';
import { z } from 'zod';
import { referenceToken, type Analyzer } from './analyzer.js';
import type { Letter, Passage, SearchFilter } from './types.js';

export type QdrantFilter = Schemas['Filter'];
export type QdrantCondition = Schemas['Condition'];

/** Payload fields with an index, created with the collection (name → Qdrant schema type). */
export const PAYLOAD_INDEXES = {
  kind: 'keyword',
  letter_id: 'keyword',
  reference: 'keyword',
  author: 'keyword',
  author_terms: 'keyword',
  terms: 'keyword',
  access_group: 'keyword',
  date: 'datetime',
} as const satisfies Record<string, Schemas['PayloadSchemaType']>;

/**
 * Deterministic point id: a UUID-shaped SHA-1 of the key. Re-indexing the same
 * passage overwrites its point instead of adding a second one.
 */
export function pointId(key: string): string {
  const hex = createHash('sha1').update(key).digest('hex');
  // Version 5 / RFC 4122 variant bits, so strict UUID parsers accept it.
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const passagePointId = (passageId: string) => pointId(`passage:${passageId}`);
export const letterPointId = (letterId: string) => pointId(`letter:${letterId}`);
export const META_POINT_ID = pointId('meta:sync');

/** `YYYY-MM-DD` → RFC 3339 at midnight UTC, the form Qdrant's datetime index and range filter accept. */
function toDateTime(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

/** Filterable fields shared by passage and letter points. */
function filterFields(letter: Letter, analyzer: Analyzer): Record<string, unknown> {
  return {
    letter_id: letter.id,
    date: letter.date ? toDateTime(letter.date) : null,
    // The canonical token, so `WEN. 9823 2020. RFZ` and `WEN.9823.2020.RFZ` filter alike.
    reference: letter.reference ? referenceToken(letter.reference) : null,
    author: letter.author,
    // Keyword indexes match whole values; analysed name parts give SQLite's `LIKE %name%` behaviour, diacritics-free.
    author_terms: letter.author ? analyzer.analyzeQuery(letter.author) : [],
    access_group: letter.accessGroup,
    letter,
  };
}

export interface PassagePayloadOptions {
  readonly letter: Letter;
  readonly passage: Passage;
  /** The passage body's analysed terms (repeats are dropped here). */
  readonly bodyTerms: readonly string[];
  readonly analyzer: Analyzer;
}

export function passagePayload({
  letter,
  passage,
  bodyTerms,
  analyzer,
}: PassagePayloadOptions): Record<string, unknown> {
  const { id, ordinal, page, start, end, text } = passage;
  // Distinct analyzed terms, keyword-indexed, so document frequencies can be
  // counted in the engine (`termStats`) as SQLite's fts5vocab does.
  const terms = [...new Set(bodyTerms)];
  return {
    kind: 'passage',
    ...filterFields(letter, analyzer),
    terms,
    passage: { id, ordinal, page, start, end, text },
  };
}

/** `letterTerms`: the distinct terms of the whole letter, stored for answerability (`ArchiveIndex.letterTerms`). */
export function letterPayload(
  letter: Letter,
  analyzer: Analyzer,
  letterTerms: readonly string[] = [],
): Record<string, unknown> {
  return {
    kind: 'letter',
    ...filterFields(letter, analyzer),
    file: letter.file,
    content_hash: letter.contentHash,
    letter_terms: letterTerms,
  };
}

/** The stored whole-letter terms, or undefined for a letter point written without them. */
export function readLetterTerms(payload: unknown): string[] | undefined {
  const parsed = z.object({ letter_terms: z.array(z.string()) }).safeParse(payload);
  return parsed.success ? parsed.data.letter_terms : undefined;
}

const letterSchema = z.object({
  id: z.string(),
  contentHash: z.string(),
  file: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  date: z.string().nullable(),
  reference: z.string().nullable(),
  author: z.string().nullable(),
  authorRole: z.string().nullable(),
  addressee: z.string().nullable(),
  interpellation: z.string().nullable(),
  receivedDate: z.string().nullable(),
  pages: z.number(),
  accessGroup: z.string().nullable(),
  ocr: z.boolean(),
  language: z.string(),
});

const passageSchema = z.object({
  id: z.string(),
  ordinal: z.number(),
  page: z.number().nullable(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
});

const passagePointSchema = z.object({ letter: letterSchema, passage: passageSchema });
const digestSchema = z.object({
  letter_id: z.string(),
  file: z.string(),
  content_hash: z.string(),
});
const metaSchema = z.object({ last_sync: z.string().nullable() });

/** Parses a passage point's payload. @throws {z.ZodError} when the collection holds foreign data. */
export function readPassagePoint(payload: unknown): { letter: Letter; passage: Passage } {
  const { letter, passage } = passagePointSchema.parse(payload);
  return { letter, passage: { ...passage, letterId: letter.id } };
}

export function readLetter(payload: unknown): Letter {
  return z.object({ letter: letterSchema }).parse(payload).letter;
}

export function readDigest(payload: unknown): { id: string; file: string; contentHash: string } {
  const d = digestSchema.parse(payload);
  return { id: d.letter_id, file: d.file, contentHash: d.content_hash };
}

export function readLastSync(payload: unknown): string | null {
  return metaSchema.parse(payload).last_sync;
}

/** Match on the point kind; every read filters by it so meta and letter points never show up as passages. */
export function kindIs(kind: 'passage' | 'letter'): QdrantCondition {
  return { key: 'kind', match: { value: kind } };
}

/**
 * The search filter as Qdrant conditions, evaluated inside the query.
 * Returns `null` when the filter can match nothing (an empty letter-id list),
 * so the caller can skip the round trip.
 */
export function searchConditions(
  filter: SearchFilter | undefined,
  analyzer: Analyzer,
): QdrantCondition[] | null {
  const must: QdrantCondition[] = [kindIs('passage')];
  if (!filter) return must;
  if (filter.dateFrom || filter.dateTo) {
    must.push({
      key: 'date',
      range: {
        ...(filter.dateFrom ? { gte: toDateTime(filter.dateFrom) } : {}),
        ...(filter.dateTo ? { lte: toDateTime(filter.dateTo) } : {}),
      },
    });
  }
  if (filter.reference)
    must.push({ key: 'reference', match: { value: referenceToken(filter.reference) } });
  if (filter.author) {
    const terms = analyzer.analyzeQuery(filter.author);
    if (terms.length === 0) must.push({ key: 'author', match: { value: filter.author } });
    for (const term of terms) must.push({ key: 'author_terms', match: { value: term } });
  }
  if (filter.letterIds) {
    if (filter.letterIds.length === 0) return null;
    must.push({ key: 'letter_id', match: { any: [...filter.letterIds] } });
  }
  if (filter.accessGroups) {
    // A letter without a group is public; otherwise the user must belong to its group.
    const should: QdrantCondition[] = [{ is_null: { key: 'access_group' } }];
    if (filter.accessGroups.length)
      should.push({ key: 'access_group', match: { any: [...filter.accessGroups] } });
    must.push({ should });
  }
  return must;
}
