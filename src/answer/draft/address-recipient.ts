/**
 * The addressee of a reply: the block on separate lines („Pan / Grzegorz
 * Krzak / Radny Miasta Chorzów”), the salutation from the function and the
 * gender („Szanowny Panie Radny,”), and the possessive of the opening („Pana
 * zapytanie”). Gender comes only from what the clerk typed (`Pan`, `Pani`, a
 * gendered function such as `Radna`) or a first-name list; otherwise the
 * salutation is a blank for the clerk, never a guess.
 */
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './first-names.js';
import type { MarkedLine } from './draft-letter.js';

export type Gender = 'male' | 'female' | 'unknown';

export interface Addressee {
  /** `Pan`, `Pani`, or null (no person named, or gender unknown). */
  readonly honorific: 'Pan' | 'Pani' | null;
  /** The person's name without the honorific; null when only a function or an office is named. */
  readonly name: string | null;
  /** Function and body lines, as typed (`Radny Miasta Chorzów`). */
  readonly functionLines: readonly string[];
  readonly gender: Gender;
  /** The first function word matched in the salutation table (`radny`), or null. */
  readonly office: string | null;
  /**
   * A person is addressed: `Pan`/`Pani`, a function from the table, or a
   * listed first name. Otherwise the addressee is a body (`Rada Osiedla …`).
   */
  readonly isPerson: boolean;
}

/** How to address a holder of a function: vocative forms, and the gendered words that reveal the gender. */
interface SalutationRow {
  readonly male: string;
  readonly female: string;
  /** Words (lower case) naming the function; a gendered one decides the gender. */
  readonly words: Readonly<Record<string, Gender>>;
}

/** The salutation table: the function's vocative for a man and for a woman. */
export const SALUTATIONS: Readonly<Record<string, SalutationRow>> = {
  radny: { male: 'Panie Radny', female: 'Pani Radna', words: { radny: 'male', radna: 'female' } },
  przewodniczacy: {
    male: 'Panie Przewodniczący',
    female: 'Pani Przewodnicząca',
    words: {
      przewodniczący: 'male',
      przewodnicząca: 'female',
      wiceprzewodniczący: 'male',
      wiceprzewodnicząca: 'female',
    },
  },
  prezydent: {
    male: 'Panie Prezydencie',
    female: 'Pani Prezydent',
    words: { prezydent: 'unknown', wiceprezydent: 'unknown' },
  },
  burmistrz: {
    male: 'Panie Burmistrzu',
    female: 'Pani Burmistrz',
    words: { burmistrz: 'unknown' },
  },
  wojt: { male: 'Panie Wójcie', female: 'Pani Wójt', words: { wójt: 'unknown' } },
  starosta: { male: 'Panie Starosto', female: 'Pani Starosto', words: { starosta: 'unknown' } },
  marszalek: {
    male: 'Panie Marszałku',
    female: 'Pani Marszałek',
    words: { marszałek: 'unknown', wicemarszałek: 'unknown' },
  },
  posel: {
    male: 'Panie Pośle',
    female: 'Pani Poseł',
    words: { poseł: 'unknown', posłanka: 'female' },
  },
  senator: { male: 'Panie Senatorze', female: 'Pani Senator', words: { senator: 'unknown' } },
  dyrektor: {
    male: 'Panie Dyrektorze',
    female: 'Pani Dyrektor',
    words: { dyrektor: 'unknown', dyrektorka: 'female' },
  },
  prezes: {
    male: 'Panie Prezesie',
    female: 'Pani Prezes',
    words: { prezes: 'unknown', prezeska: 'female' },
  },
  soltys: { male: 'Panie Sołtysie', female: 'Pani Sołtys', words: { sołtys: 'unknown' } },
};

function findOffice(lines: readonly string[]): { office: string | null; gender: Gender } {
  for (const line of lines)
    for (const word of line.toLowerCase().match(/\p{L}+/gu) ?? [])
      for (const [office, row] of Object.entries(SALUTATIONS))
        if (word in row.words) return { office, gender: row.words[word]! };
  return { office: null, gender: 'unknown' };
}

/** Parses `--to` (`Pan Grzegorz Krzak, Radny Miasta Chorzów`); commas or new lines separate the block's lines. */
export function parseAddressee(to: string | undefined): Addressee | null {
  const parts = (to ?? '')
    .split(/[,\n]/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (parts.length === 0) return null;
  const head = /^(Pan|Pani)\s+(.+)$/iu.exec(parts[0]!);
  const explicit: Gender = head ? (/^pani$/i.test(head[1]!) ? 'female' : 'male') : 'unknown';
  const first = head ? head[2]! : parts[0]!;
  // A first part that is itself a function (`Przewodniczący Rady Miasta`) names no person.
  const isFunction = !head && findOffice([first.split(' ')[0]!]).office !== null;
  const name = isFunction ? null : first;
  const functionLines = isFunction ? parts : parts.slice(1);
  const { office, gender: byFunction } = findOffice(functionLines);
  const firstName = name?.split(' ')[0]?.toLowerCase() ?? '';
  const byName: Gender = MALE_FIRST_NAMES.has(firstName)
    ? 'male'
    : FEMALE_FIRST_NAMES.has(firstName)
      ? 'female'
      : 'unknown';
  const gender = [explicit, byFunction, byName].find((g) => g !== 'unknown') ?? 'unknown';
  return {
    honorific: gender === 'male' ? 'Pan' : gender === 'female' ? 'Pani' : null,
    name,
    functionLines,
    gender,
    office,
    isPerson: head !== null || office !== null || byName !== 'unknown',
  };
}

/**
 * The salutation, from the table: `Szanowny Panie Radny,`; `Szanowni Państwo,`
 * for a body or no addressee; a highlighted blank with both forms when the
 * person's gender is unknown.
 */
export function salutationFor(addressee: Addressee | null): MarkedLine {
  if (!addressee || !addressee.isPerson) return { text: 'Szanowni Państwo,', isPlaceholder: false };
  const row = addressee.office ? SALUTATIONS[addressee.office]! : null;
  const male = `Szanowny ${row?.male ?? 'Panie'},`;
  const female = `Szanowna ${row?.female ?? 'Pani'},`;
  if (addressee.gender === 'male') return { text: male, isPlaceholder: false };
  if (addressee.gender === 'female') return { text: female, isPlaceholder: false };
  return { text: `${male.slice(0, -1)} / ${female}`, isPlaceholder: true };
}

/** The addressee block, one line each; the honorific is a blank when the gender is unknown. */
export function addresseeLines(addressee: Addressee | null): MarkedLine[] {
  if (!addressee) return [{ text: '[adresat]', isPlaceholder: true }];
  const lines: MarkedLine[] = [];
  if (addressee.name) {
    // A body (`Rada Osiedla …`) is named without an honorific.
    if (addressee.isPerson)
      lines.push(
        addressee.honorific
          ? { text: addressee.honorific, isPlaceholder: false }
          : { text: 'Pan / Pani', isPlaceholder: true },
      );
    lines.push({ text: addressee.name, isPlaceholder: false });
  }
  for (const text of addressee.functionLines) lines.push({ text, isPlaceholder: false });
  return lines;
}

/** `Pana` / `Pani` / `Państwa` for the opening (`W odpowiedzi na Pana zapytanie`); a blank when the gender is unknown. */
export function possessiveFor(addressee: Addressee | null): string {
  if (!addressee || !addressee.isPerson) return 'Państwa';
  if (addressee.gender === 'male') return 'Pana';
  if (addressee.gender === 'female') return 'Pani';
  return '[Pana / Pani]';
}
