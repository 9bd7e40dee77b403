/**
 * The addressee block of a Polish letter: `Pan` / `Pani` / `Szanowny Pan`,
 * then the name, then the office (`Radny Miasta Chorzów`, `Marszałek Sejmu` /
 * `Rzeczypospolitej Polskiej`).
 */
import { isSalutation } from './split-lines.js';

const HONORIFIC = /^((?:szanown[ya]\s+)?(?:pan|pani|pa[ńn]stwo))(?:\s+(.+))?$/iu;
// Lines that cannot be part of the addressee: addresses, labels, running text.
const NOT_ADDRESSEE =
  /(?:\d|^(?:ul\.|al\.|dot\.|dotyczy|sprawa|temat|znak|w\s+odpowiedzi|do\s+wiadomo|otrzymuj)|[,;:]$)/iu;
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
export function findAddressee(
  headerLines: readonly string[],
  salutation: string | null,
): string | null {
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
      if (
        isSalutation(line) ||
        NOT_ADDRESSEE.test(line) ||
        line.length > MAX_LINE ||
        !/^\p{Lu}/u.test(line)
      )
        break;
      roles.push(line);
    }
    return roles.length === 0 ? `${honorific} ${name}` : `${honorific} ${name}, ${roles.join(' ')}`;
  }
  return salutation === null ? null : addresseeFromSalutation(salutation);
}

// Vocative office titles in salutations and their nominatives.
const VOCATIVES: Readonly<Record<string, string>> = {
  pośle: 'Poseł',
  marszałku: 'Marszałek',
  ministrze: 'Minister',
  premierze: 'Premier',
  prezydencie: 'Prezydent',
  dyrektorze: 'Dyrektor',
  burmistrzu: 'Burmistrz',
  wójcie: 'Wójt',
  starosto: 'Starosta',
  prezesie: 'Prezes',
  wojewodo: 'Wojewoda',
  senatorze: 'Senator',
  rzeczniku: 'Rzecznik',
  sekretarzu: 'Sekretarz',
  komendancie: 'Komendant',
  posłanko: 'Posłanka',
  radny: 'Radny',
  przewodniczący: 'Przewodniczący',
  radna: 'Radna',
  przewodnicząca: 'Przewodnicząca',
};

/**
 * A salutation says who the letter addresses, not how to cite them: `Szanowny
 * Panie Pośle,` → `Pan Poseł`, `Szanowna Pani Marszałek` → `Pani Marszałek`,
 * `Szanowni Państwo` → `Państwo`. Unknown titles keep their words without the
 * courtesy adjective.
 */
export function addresseeFromSalutation(salutation: string): string | null {
  const words = salutation
    .replace(/[,!:]\s*$/u, '')
    .trim()
    .split(/\s+/u)
    .filter((w) => !/^szanown\p{L}*$/iu.test(w));
  if (words.length === 0) return null;
  const [head, ...rest] = words;
  const honorific = /^pani?e?$/iu.test(head!)
    ? /^pani$/iu.test(head!)
      ? 'Pani'
      : 'Pan'
    : /^pa[ńn]stw/iu.test(head!)
      ? 'Państwo'
      : null;
  if (honorific === null) return words.join(' ');
  const titles = rest.map((w) => VOCATIVES[w.toLowerCase()] ?? w);
  return [honorific, ...titles].join(' ');
}
