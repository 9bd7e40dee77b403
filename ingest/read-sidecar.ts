/**
 * Sidecar metadata: what an archivist knows better than the text does. A
 * letter `pismo.pdf` may have `pismo.pdf.meta.json` beside it, and a folder
 * may have one `metadata.csv` with a row per file (column `file` = base name).
 * Their fields override what extraction found and are the only way to set
 * `url` and `accessGroup`. The JSON file wins over the CSV row.
 *
 * Both are validated with zod where they enter; a bad sidecar fails its
 * letter with reason `bad_metadata` and a message naming the file and field,
 * and the sync goes on with the others.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { IngestError } from '../src/errors.js';

/** True when `YYYY-MM-DD` names a day that exists (`2020-13-45` and `2021-02-29` do not). */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected an ISO date YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'not a real calendar date (month 01–12, a day that month has)');
const text = z.string().trim().min(1, 'must not be empty');

/** Fields a sidecar may set; `null` clears what extraction found. Unknown keys are errors (typos would be silent otherwise). */
export const sidecarSchema = z
  .object({
    title: text.nullable(),
    date: isoDate.nullable(),
    reference: text.nullable(),
    author: text.nullable(),
    authorRole: text.nullable(),
    addressee: text.nullable(),
    interpellation: text.nullable(),
    receivedDate: isoDate.nullable(),
    // Shown to users as a link: only web addresses, never `javascript:` or `data:`.
    url: z.url({ protocol: /^https?$/, message: 'expected an http(s) address' }).nullable(),
    accessGroup: text.nullable(),
    language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code such as "pl"'),
  })
  .partial()
  .strict();

export type SidecarFields = z.infer<typeof sidecarSchema>;

export interface Sidecar {
  readonly fields: SidecarFields;
  /** What the letter's content hash must include, so editing a sidecar re-indexes the letter. */
  readonly fingerprint: string;
}

/** The per-folder CSV's name. */
export const METADATA_CSV = 'metadata.csv';
/** Suffix of a per-file sidecar. */
export const SIDECAR_SUFFIX = '.meta.json';

/** Parsed `metadata.csv` files by folder, for one sync (each folder read once). */
export type CsvCache = Map<string, Promise<Map<string, Record<string, string>>>>;

/**
 * Reads the sidecar metadata of one archive file (JSON beside it, row in its
 * folder's CSV), or `null` when it has none. `present`: which of the two the
 * folder's listing holds (`ArchiveFile.sidecars`); the others are not opened.
 * @throws IngestError `bad_metadata` naming the sidecar and the problem.
 */
export async function readSidecar(
  absolutePath: string,
  csvCache: CsvCache = new Map(),
  present?: { readonly json: boolean; readonly csv: boolean },
): Promise<Sidecar | null> {
  const dir = path.dirname(absolutePath);
  const base = path.basename(absolutePath);
  let row: Record<string, string> | undefined;
  if (present?.csv !== false) {
    let rows = csvCache.get(dir);
    if (!rows) {
      rows = readCsv(path.join(dir, METADATA_CSV));
      csvCache.set(dir, rows);
    }
    row = (await rows).get(base.normalize('NFC'));
  }
  const json = present?.json === false ? null : await readOptional(absolutePath + SIDECAR_SUFFIX);
  if (!row && json === null) return null;
  const fromCsv = row ? validate(row, `${METADATA_CSV} (row "${base}")`) : {};
  const fromJson =
    json === null ? {} : validate(parseJson(json, base + SIDECAR_SUFFIX), base + SIDECAR_SUFFIX);
  return { fields: { ...fromCsv, ...fromJson }, fingerprint: JSON.stringify([row ?? null, json]) };
}

function validate(value: unknown, where: string): SidecarFields {
  const parsed = sidecarSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.join('.');
    const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.join(', ')}` : '';
    return `${field === '' ? '' : `${field}: `}${issue.message}${keys}`;
  });
  throw new IngestError('bad_metadata', `${where}: ${problems.join('; ')}`);
}

function parseJson(source: string, where: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new IngestError(
      'bad_metadata',
      `${where}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Reads a folder's `metadata.csv` into rows keyed by file name. Comma or
 * semicolon separated (Polish Excel writes `;`), RFC 4180 quoting, UTF-8 with
 * or without BOM. Empty cells are left out (they override nothing); a cell
 * `null` clears a field.
 * @throws IngestError `bad_metadata` when the CSV has no `file` column or is malformed.
 */
async function readCsv(file: string): Promise<Map<string, Record<string, string>>> {
  const source = await readOptional(file);
  const rows = new Map<string, Record<string, string>>();
  if (source === null) return rows;
  const records = parseCsv(source.replace(/^\uFEFF/, ''), file);
  const [header, ...body] = records;
  if (!header || !header.includes('file'))
    throw new IngestError(
      'bad_metadata',
      `${METADATA_CSV}: the first row must name the columns, one of them "file"`,
    );
  for (const [n, record] of body.entries()) {
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== header.length) {
      throw new IngestError(
        'bad_metadata',
        `${METADATA_CSV} line ${n + 2}: ${record.length} cells, the header has ${header.length}`,
      );
    }
    const entry: Record<string, string | null> = {};
    header.forEach((column, i) => {
      const cell = (record[i] as string).trim();
      if (column !== 'file' && cell !== '') entry[column.trim()] = cell === 'null' ? null : cell;
    });
    rows.set(
      (record[header.indexOf('file')] as string).trim().normalize('NFC'),
      entry as Record<string, string>,
    );
  }
  return rows;
}

function parseCsv(source: string, file: string): string[][] {
  const firstLine = source.split('\n', 1)[0] ?? '';
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (isQuoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') isQuoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') isQuoted = true;
    else if (ch === separator) {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += ch;
  }
  if (isQuoted)
    throw new IngestError('bad_metadata', `${path.basename(file)}: a quoted cell is never closed`);
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}
