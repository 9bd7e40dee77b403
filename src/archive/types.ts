/**
 * The archive's data model: letters, their passages, and the one index
 * interface that both the embedded (SQLite) and production (Qdrant) backends
 * implement. Everything downstream of ingestion speaks these types.
 */

/** How the text of a letter was obtained. */
export type TextSource = 'text-layer' | 'ocr' | 'plain' | 'docx' | 'email';

/** Letter metadata read from Polish letter conventions; unknown stays `null`. */
export interface LetterMetadata {
  /** Subject line (`w sprawie …`) or document title. */
  readonly title: string | null;
  /** The letter's own date, ISO `YYYY-MM-DD` (never the registry stamp). */
  readonly date: string | null;
  /** Znak sprawy, normalised spacing (e.g. `WEN.9823.2020.RFZ`). */
  readonly reference: string | null;
  /** Signatory name (e.g. `Marcin Michalik`). */
  readonly author: string | null;
  /** Signatory role (e.g. `Zastępca Prezydenta Miasta`). */
  readonly authorRole: string | null;
  /** Addressee as written (e.g. `Pan Grzegorz Krzak, Radny Miasta Chorzów`). */
  readonly addressee: string | null;
  /** Interpellation number, when the letter answers one. */
  readonly interpellation: string | null;
  /** Registry stamp date (`Data wpływu`), ISO, kept apart from `date`. */
  readonly receivedDate: string | null;
}

/** One archived document. */
export interface Letter extends LetterMetadata {
  /** Stable id: hash of the path relative to the archive root. */
  readonly id: string;
  /** Hash of the file's bytes; a change means re-index. */
  readonly contentHash: string;
  /** Path relative to the archive root, with `/` separators. */
  readonly file: string;
  /** Absolute path or URL where a reader can open the original. */
  readonly source: string;
  /** Link shown to users, when the letter is published somewhere. */
  readonly url: string | null;
  /** Number of pages (1 for plain text). */
  readonly pages: number;
  /** Who may see it; `null` means everyone. */
  readonly accessGroup: string | null;
  /** True when any page's text came from OCR. */
  readonly ocr: boolean;
  /** Mean OCR confidence (0–100) over the OCR'd pages, when `ocr` is true. Optional: backends may not store it. */
  readonly ocrConfidence?: number;
  /** For an e-mail attachment: the id of the e-mail letter it came with (its `file` is `mail.eml#name.pdf`). */
  readonly attachedTo?: string;
  /** ISO 639-1 language code of the text, e.g. `pl`. */
  readonly language: string;
}

/** A paragraph-aligned chunk of a letter; citations point at passages. */
export interface Passage {
  /** `${letterId}:${ordinal}` — deterministic, so re-indexing is idempotent. */
  readonly id: string;
  readonly letterId: string;
  /** Position of the passage within its letter, from 0. */
  readonly ordinal: number;
  /** 1-based page number, or `null` when the format has no pages. */
  readonly page: number | null;
  /** Character offsets into the letter's full extracted text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Restrictions applied inside the index query, not after it. */
export interface SearchFilter {
  /** Inclusive ISO dates. */
  readonly dateFrom?: string;
  readonly dateTo?: string;
  readonly reference?: string;
  readonly author?: string;
  readonly letterIds?: readonly string[];
  /** Access groups the asking user belongs to; letters with `accessGroup = null` are always visible. */
  readonly accessGroups?: readonly string[];
}

export interface SearchOptions {
  /** Number of passages to return. */
  readonly k: number;
  readonly filter?: SearchFilter;
}

/** A passage with its letter and a backend-specific relevance score (higher is better). */
export interface SearchHit {
  readonly passage: Passage;
  readonly letter: Letter;
  readonly score: number;
}

/** Extras stored with a letter's passages. */
export interface UpsertOptions {
  /** One embedding per passage, same order; stored for `searchByVector`. Omitted: the letter is searchable lexically only. */
  readonly vectors?: readonly (readonly number[])[];
  /**
   * The letter's terms, analysed already (by the ingest's extraction workers, on another core). An
   * index whose analyzer has another name analyses the texts itself; absent: it always does.
   */
  readonly terms?: AnalysedLetter;
  /** The caller knows the index holds no letter with this id (a new file): nothing to delete first. */
  readonly isNew?: boolean;
}

/** One letter of `ArchiveIndex.upsertLetters`. */
export interface LetterUpsert {
  readonly letter: Letter;
  readonly passages: readonly Passage[];
  readonly options?: UpsertOptions;
}

/** `UpsertOptions.terms`: what the index would otherwise compute from the letter and its passages. */
export interface AnalysedLetter {
  /** `Analyzer.name` of the analyzer that produced `fields`. */
  readonly analyzer: string;
  /** Per passage (same order), the analysed terms of each document field in layout order, space-joined. */
  readonly fields: readonly (readonly string[])[];
  /** `wholeLetterTerms` of the letter (always the default analyzer's). */
  readonly letterTerms: readonly string[];
}

/** Enough to decide, per file, whether a sync must re-index it. */
export interface LetterDigest {
  readonly id: string;
  readonly file: string;
  readonly contentHash: string;
}

/** Document frequencies of analyzed terms, for weighting question terms by rarity. */
export interface TermStats {
  /** Number of passages in the index. */
  readonly passages: number;
  /** Passages containing each term (absent = 0). */
  readonly df: ReadonlyMap<string, number>;
}

export interface IndexStats {
  readonly backend: 'sqlite' | 'qdrant';
  readonly letters: number;
  readonly passages: number;
  /** ISO timestamp of the last completed sync, if any. */
  readonly lastSync: string | null;
}

/**
 * The archive index. Both implementations pass the shared contract suite in
 * `test/archive/archive-index-contract.ts`.
 */
export interface ArchiveIndex {
  /** Replaces the letter and all its passages atomically: readers never see half a letter. */
  upsertLetter(
    letter: Letter,
    passages: readonly Passage[],
    options?: UpsertOptions,
  ): Promise<void>;
  /**
   * Optional capability: `upsertLetter` for several letters in one transaction (a sync's batch: one
   * commit per batch, not per letter). Readers see all of them or none.
   */
  upsertLetters?(batch: readonly LetterUpsert[]): Promise<void>;
  /** Removes the letter and its passages; a missing id is not an error. */
  deleteLetter(id: string): Promise<void>;
  /** Every indexed letter's id and content hash, for incremental sync. */
  listLetters(): Promise<LetterDigest[]>;
  /** Passages ranked by relevance to the query, best first. */
  search(query: string, options: SearchOptions): Promise<SearchHit[]>;
  /**
   * Optional capability: passages ranked by cosine similarity to a query
   * embedding, among those stored with vectors (filters apply as in `search`).
   * Backends without it are searched lexically only.
   */
  searchByVector?(vector: readonly number[], options: SearchOptions): Promise<SearchHit[]>;
  /** Fetches one letter's metadata. */
  getLetter(id: string): Promise<Letter | null>;
  /** All passages of a letter in order (whole-letter answerability, duplicate grouping, lookups). */
  getPassages(letterId: string): Promise<Passage[]>;
  /** Records that a sync finished (shown by status commands). */
  markSynced(at: Date): Promise<void>;
  stats(): Promise<IndexStats>;
  /** Document frequencies of analyzed terms (see `analyzeQuery`); used to weigh rare terms higher. */
  termStats(terms: readonly string[]): Promise<TermStats>;
  /**
   * Optional capability: the distinct terms of each letter's whole text
   * (`wholeLetterText`, default analyzer), stored at ingest, for the letters
   * that have them. Answerability uses them instead of re-analysing the top
   * letters on every question; a letter absent from the map is analysed then.
   */
  letterTerms?(letterIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
  close(): Promise<void>;
}
