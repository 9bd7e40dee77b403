/**
 * The signatory of a letter: the name and role printed under the closing
 * formula (`Z poważaniem` / role lines / name), or the structured
 * `Odpowiadający:` header that Sejm answers carry.
 */
import { formatName, formatRole } from './format-role.js';

/** Who signed a letter, as far as the text says. */
export interface Signatory {
  /** Personal name, e.g. `Marcin Michalik`. */
  readonly author: string | null;
  /** Office, e.g. `Zastępca Prezydenta Miasta`. */
  readonly authorRole: string | null;
}

const CLOSING =
  /(?:z\s+(?:wyrazami\s+)?(?:powa[żz]ani(?:em|a)|szacunk(?:u|iem))|z\s+uszanowaniem|z\s+pozdrowieniami|pozdrawiam|[łl][ąa]cz[ęe]\s+(?:wyrazy\s+(?:szacunku|powa[żz]ania)|pozdrowienia))/iu;
// Closing formulas sit on a short line of their own (sometimes after
// "Z upoważnienia,"); a long line containing the words is running text.
const MAX_CLOSING_LINE = 60;
// Where there is no closing formula, the e-signature or delegation note opens the block.
const SIGNATURE_ANCHOR = /^(?:dokument\s+podpisany|z\s+upowa[żz]nienia|z\s+up\.)/iu;
// Where the signature block ends: distribution lists, attachments, HTML footnotes.
const BLOCK_END =
  /^(?:do\s+wiadomo[śs]ci|otrzymuj[ąa]|za[łl][ąa]cznik|za[łl]\.|sporz[ąa]dzi[łl]|wykonano|\[\d+\])/iu;
// Signature lines are short; longer ones are PDF footnotes that the text layer
// interleaves with the signature, and are skipped rather than ending the block.
const MAX_SIGNATURE_LINE = 70;
const MAX_BLOCK_LINES = 14;
// Lines inside the block that say nothing about who signed.
const NOISE =
  /^(?:\d+$|z\s+upowa[żz]nienia|z\s+up\.?$|w\s+zast[ęe]pstwie|dokument\s+podpisany|\/.*\/$|\(.*podpis.*\)|podpisano|podpis\b|strona\s+\d|\d+\s*\/\s*\d+$|\d+\.?\s*\d+\s*\/\s*\d+$|\$)/iu;
const DELEGATION = /^(?:z\s+up(?:owa[żz]nienia|\.)?|w\s+zast[ęe]pstwie)[\s,.]*(.*)$/iu;
// Prefixes that sit on the name line itself ("z up. Wiesław Leśniakiewicz").
const NAME_PREFIX =
  /^(?:z\s+up\.|z\s+upowa[żz]nienia|wz\.|w\/z|p\.\s*o\.|dr\s+hab\.|prof\.|dr|mgr|in[żz]\.)\s*/iu;
// Academic suffixes after the name ("Sebastian Gajewski, prof. uczelni").
const NAME_SUFFIX = /,\s*(?:prof\.|dr|mgr|in[żz]\.).*$/iu;

// A person-name word: capitalised, letters only, double-barrelled allowed.
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;
const CAPS_NAME_WORD = /^\p{Lu}{2,}(?:-\p{Lu}{2,})*$/u;

// Words that open an office title in the nominative: a line starting with one
// begins a new role; anything else after a role line continues it.
const ROLE_HEAD =
  /^(?:wice)?(?:minister|ministra|sekretarz|podsekretarz|zast[ęe]pca|prezydent|dyrektor|naczelnik|kierownik|burmistrz|w[óo]jt|starosta|przewodnicz[ąa]c[ya]|skarbnik|radca|radn[ya]|prezes|szef(?:owa)?|komendant|wojewoda|marsza[łl]ek|inspektor|rzecznik|g[łl][óo]wn[ya]|pe[łl]nomocnik|cz[łl]onek|doradca|p\.\s*o\.)$/iu;
// Any role vocabulary, in any case form: such words are never a personal name.
const ROLE_WORD =
  /^(?:wice)?(?:minist|sekretar|podsekretar|zast[ęe]p|prezyden|dyrektor|naczelnik|kierowni|burmistrz|w[óo]jt|staro[sś]|przewodnicz|skarbnik|radc|radn|prezes|szef|komendan|wojewod|marsza[łl]|inspektor|rzecznik|g[łl][óo]wn|pe[łl]nomocnik|cz[łl]on|stanu|miast|urz[ęą]d|departament|wydzia[łl]|biur|kancelari|rad[yz]|sejm|rzeczpospolit|polsk|gmin|powiat|wojew[óo]dztw|dyrekc|zarz[ąę]d|spraw|administracj|edukacj|zdrowi|finans|infrastruktur|rozwoj|cyfryzacj|narodow)/iu;
// Institution lines (the ministry's name under the role) are not part of the role.
const INSTITUTION =
  /^(?:ministerstw|urz[ąę]d|kancelaria|departament|wydzia[łl]|biuro|ul\.|tel|e-?mail|www)/iu;

/** True when a line reads as a person's name: two to four capitalised words, none of them office vocabulary. */
export function isPersonName(line: string): boolean {
  const words = line.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  // Surnames are often set in capitals ("Paweł BEJDA"), so each word may be either form.
  if (!words.every((w) => NAME_WORD.test(w) || CAPS_NAME_WORD.test(w))) return false;
  return !words.some((w) => ROLE_WORD.test(w));
}

function stripNamePrefix(line: string): string {
  let previous: string;
  let current = line;
  do {
    previous = current;
    current = current.replace(NAME_PREFIX, '');
  } while (current !== previous);
  return current.replace(NAME_SUFFIX, '').trim();
}

function isRoleStart(line: string): boolean {
  const first = line.split(' ')[0] ?? '';
  return ROLE_HEAD.test(first) || /^p\.\s*o\./iu.test(line);
}

// A line that goes on with an office name: a preposition (`w Ministerstwie …`, `ds. …`) or capitalised words.
const ROLE_CONTINUATION = /^(?:w|we|ds\.|do\s+spraw|i|oraz|\p{Lu}[\p{L}-]*)(?:\s|$)/u;
// Words of running text or footnotes, never part of an office's name.
const NOT_ROLE = /(?:podstaw[ay]\s+prawn|\bprawn[ay]\b|\bzm\.|\bpóźn\.|[:;„”"()]|[.,]$)/iu;

function isRoleContinuation(line: string): boolean {
  return ROLE_CONTINUATION.test(line) && !NOT_ROLE.test(line);
}

/**
 * Joins consecutive role lines: a line opening with a nominative office word
 * starts a new role (joined with ", "), anything else continues the previous one
 * (`ZASTĘPCA` + `PREZYDENTA MIASTA`, `Podsekretarz Stanu` + `w Ministerstwie Finansów`).
 */
function collectRole(lines: readonly string[]): string | null {
  const roles: string[] = [];
  for (const line of lines) {
    if (INSTITUTION.test(line) || isPersonName(line) || /\d/u.test(line)) break;
    // Body text and footnotes that the text layer interleaves with the signature are not the office.
    if (roles.length > 0 && !isRoleStart(line) && !isRoleContinuation(line)) break;
    const last = roles.length - 1;
    if (isRoleStart(line) || last < 0) {
      if (last < 0 && !isRoleStart(line)) break;
      roles.push(line);
    } else {
      roles[last] = `${roles[last]} ${line}`;
    }
  }
  return roles.length === 0 ? null : roles.map(formatRole).join(', ');
}

/** The role printed right after the name, or else right before it (read upwards). */
function roleAround(lines: readonly string[], nameAt: number): string | null {
  const after = collectRole(lines.slice(nameAt + 1));
  if (after !== null) return after;
  // Upwards: find where the contiguous role run above the name starts.
  let start = nameAt;
  while (start > 0) {
    const line = lines[start - 1] ?? '';
    if (
      INSTITUTION.test(line) ||
      isPersonName(line) ||
      /\d/u.test(line) ||
      NOISE.test(line) ||
      CLOSING.test(line)
    )
      break;
    start--;
  }
  for (let i = start; i < nameAt; i++) {
    if (isRoleStart(lines[i] ?? '')) return collectRole(lines.slice(i, nameAt));
  }
  return null;
}

/**
 * Undoes text-layer glue inside the signature block: "Przemysław
 * KoperskiPodsekretarz Stanu" is two lines, and "Arkadiusz
 * Myrcha/podpisano elektronicznie/" is a name plus an e-signature note.
 */
function splitGlued(lines: readonly string[]): string[] {
  return lines.flatMap((line) =>
    line
      .replace(/\/[^/]*\/\s*$/u, '')
      .split(/(?<=\p{Ll})(?=\p{Lu})/u)
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );
}

/**
 * Where the signature block starts: the last closing formula, or failing that
 * the last e-signature/delegation note. `rest` is whatever text extraction
 * glued onto the closing line ("Z wyrazami szacunkuArkadiusz Myrcha").
 */
function findBlockStart(lines: readonly string[]): { index: number; rest: string } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const m = CLOSING.exec(line);
    if (m !== null && line.length <= MAX_CLOSING_LINE + 40 && m.index < MAX_CLOSING_LINE / 2) {
      const rest = line.slice(m.index + m[0].length).replace(/^[\s,.!]+/u, '');
      // A closing followed by more than a glued name is a sentence, not a formula.
      if (rest === '' || isPersonName(stripNamePrefix(rest))) return { index: i, rest };
    }
  }
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 20); i--) {
    if (SIGNATURE_ANCHOR.test(lines[i] ?? '')) return { index: i, rest: '' };
  }
  return null;
}

/**
 * Reads the signature block under the last closing formula (`Z poważaniem`,
 * `Z wyrazami szacunku`, …). Delegation lines (`z upoważnienia Ministra`),
 * e-signature notes and page counters are skipped; the name is the first line
 * that reads as a person's name, and the role is the office printed next to it.
 */
export function findSignature(lines: readonly string[]): Signatory {
  const start = findBlockStart(lines);
  if (start === null) return { author: null, authorRole: null };

  const block: string[] = [];
  let isDelegationOpen = false;
  for (const line of splitGlued([
    start.rest,
    ...lines.slice(start.index + 1, start.index + MAX_BLOCK_LINES),
  ])) {
    if (BLOCK_END.test(line)) break;
    if (line.length > MAX_SIGNATURE_LINE) continue;
    const stripped = stripNamePrefix(line);
    // "z up. Ministra Kultury …" names the delegating office, not the signatory;
    // a bare "Z upoważnienia" carries that office over to the next line.
    const delegation = DELEGATION.exec(line);
    const wasDelegationOpen = isDelegationOpen;
    isDelegationOpen = delegation !== null && (delegation[1] ?? '') === '';
    if (isPersonName(stripped)) {
      block.push(stripped);
      continue;
    }
    if (delegation !== null || wasDelegationOpen || stripped === '' || NOISE.test(line)) continue;
    block.push(stripped);
  }
  const nameAt = block.findIndex(isPersonName);
  if (nameAt === -1) return { author: null, authorRole: collectRole(block) };
  return { author: formatName(block[nameAt] ?? ''), authorRole: roleAround(block, nameAt) };
}

/**
 * Finds the role printed beside a known name in the letterhead (`Sekretarz
 * Stanu` / `Jakub Stefaniak`), for letters whose signature gives the name only.
 */
export function findLetterheadRole(headerLines: readonly string[], author: string): string | null {
  const nameAt = headerLines.findIndex((line) => line.toLowerCase() === author.toLowerCase());
  return nameAt === -1 ? null : roleAround(headerLines, nameAt);
}

const RESPONDENT = /^odpowiadaj[ąa]c[ya]\s*:\s*(.+)$/iu;

/**
 * Parses the Sejm `Odpowiadający:` header, e.g. `Odpowiadający: sekretarz stanu
 * w Ministerstwie Edukacji Narodowej Henryk Kiepura` → role + name.
 *
 * The role ends in capitalised words too ("…Edukacji Narodowej"), so the
 * boundary comes from the signature's name when it matches the header's end;
 * otherwise the last two words are taken as the name, the common Polish form.
 */
export function findRespondent(
  lines: readonly string[],
  signedName: string | null,
): Signatory | null {
  const header = lines
    .map((line) => RESPONDENT.exec(line)?.[1])
    .find((m) => m !== undefined)
    ?.trim();
  if (header === undefined) return null;
  let name: string | null = null;
  if (signedName !== null && header.toLowerCase().endsWith(` ${signedName.toLowerCase()}`)) {
    name = header.slice(header.length - signedName.length);
  } else {
    const words = header.split(' ');
    const tail = words.slice(-2);
    if (words.length > 2 && tail.every((w) => NAME_WORD.test(w))) name = tail.join(' ');
  }
  if (name === null) return { author: null, authorRole: formatRole(header) };
  const role = header.slice(0, header.length - name.length).trim();
  return { author: name, authorRole: role === '' ? null : formatRole(role) };
}
