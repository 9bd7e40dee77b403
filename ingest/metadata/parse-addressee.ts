/**
 * The addressee block of a Polish letter: `Pan` / `Pani` / `Szanowny Pan`,
 * then the name, then the office (`Radny Miasta Chorzów`, `Marszałek Sejmu` /
 * `Rzeczypospolitej Polskiej`).
 */
import { isSalutation } from './split-lines.js';

const HONORIFIC = /^((?:szanown[ya]\s+)?(?:pan|pani|pa[ńn]stwo))(?:\s+(.+))?$/iu;
// Lines that cannot be part of the addressee: addresses, labels, running text.
const NOT_ADDRESSEE = /(?:\d|^(?:ul\.|al\.|dot\.|dotyczy|sprawa|temat|znak|w\s+odpowiedzi|do\s+wiadomo|otrzymuj)|[,;:]$)/iu;
const MAX_LINE = 80;
const MAX_ROLE_LINES = 3;

/**
 * Finds the addressee in the header lines, formatted as
 * `Pan Grzegorz Krzak, Radny Miasta Chorzów`. When the letter has no address
 * block but a salutation (`Szanowny Panie Pośle,`), that salutation is what the
 * letter says about its addressee and is returned without its comma.
 *
 * @returns the addressee, or `null` when the header names none.
 */
export function findAddressee(headerLines: readonly string[], salutation: string | null): string | null {
  for (let i = 0; i < headerLines.length; i++) {
    const m = HONORIFIC.exec(headerLines[i] ?? '');
    if (m === null) continue;
    const honorific = m[1] ?? '';
    let next = i + 1;
    const name = m[2] ?? headerLines[next++];
    if (name === undefined || NOT_ADDRESSEE.test(name) || !/^\p{Lu}/u.test(name)) continue;
    const roles: string[] = [];
    while (roles.length < MAX_ROLE_LINES && next < headerLines.length) {
      const line = headerLines[next++] ?? '';
      if (isSalutation(line) || NOT_ADDRESSEE.test(line) || line.length > MAX_LINE || !/^\p{Lu}/u.test(line)) break;
      roles.push(line);
    }
    return roles.length === 0 ? `${honorific} ${name}` : `${honorific} ${name}, ${roles.join(' ')}`;
  }
  return salutation === null ? null : salutation.replace(/[,!:]\s*$/u, '').trim();
}
