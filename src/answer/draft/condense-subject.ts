/**
 * The subject of a request as the opening names it („… w sprawie współpracy
 * z prowincją Liaoning”): the request formula dropped („Prośba radnego o
 * informację, jak wyglądała…”) and the head noun put in the genitive that
 * „w sprawie” takes. Only endings whose genitive is regular are inflected;
 * anything else gives null, and the opening leaves the subject as a blank for
 * the clerk rather than paste the request or write a wrong form.
 */
import { foldText } from '../../archive/fold-text.js';
import { polishLemmas } from '../../archive/stemmers/polish-dictionary.js';

/** Request formulas before the subject, tried in order, each at the start. */
const FORMULAS: readonly RegExp[] = [
  /^(?:uprzejmie\s+)?(?:proszę|prosimy|zwracam\s+się\s+z\s+prośbą)\s+o\s+/iu,
  /^(?:uprzejma\s+)?(?:prośba|wniosek|zapytanie|interpelacja|pismo|petycja)(?:\s+(?:radnego|radnej|radnych|mieszkańca|mieszkanki|mieszkańców|klubu\s+radnych))?\s+(?:o\s+)?/iu,
  /^(?:udzielenie|przekazanie|przedstawienie)\s+/iu,
  /^(?:informacji|informację|informacje|wyjaśnienie|wyjaśnień|wyjaśnienia)\s*,?\s*/iu,
];

/** Regular genitive singular of a feminine or neuter noun in the nominative (or a feminine accusative), by its ending. */
const GENITIVE: readonly (readonly [RegExp, string])[] = [
  [/(c|cz|dz|rz|sz|ż|ż)a$/u, '$1y'],
  [/nia$/u, 'ni'],
  [/ja$/u, 'ji'],
  [/ia$/u, 'ii'],
  [/([kgl])a$/u, '$1i'],
  [/([bdfłmnprstwz])a$/u, '$1y'],
  [/(n|c)ie$/u, '$1ia'],
  // The accusative after „wniosek o …” (`budowę`, `inwestycję`): feminine nouns, the same genitive.
  [/cję$/u, 'cji'],
  [/nię$/u, 'ni'],
  [/([kgl])ę$/u, '$1i'],
  [/(c|cz|dz|rz|sz|ż|[bdfłmnprstwz])ę$/u, '$1y'],
];

/** Locatives (after „o”) whose genitive is regular: `finansowaniu` → `finansowania`, `inwestycji` stays. */
const LOCATIVE_TO_GENITIVE: readonly (readonly [RegExp, string])[] = [
  [/(n|c)iu$/u, '$1ia'],
  [/(c|s|z)ji$/u, '$1ji'],
  // `współpracy`, `pomocy`: the locative of a noun in -ca/-cza… is its genitive.
  [/(c|cz|dz|rz|sz|ż)y$/u, '$1y'],
];

function inflectHead(phrase: string, rules: readonly (readonly [RegExp, string])[]): string | null {
  const [head = '', ...rest] = phrase.split(' ');
  if (!/^\p{Ll}+$/u.test(head.toLowerCase()) || head.length < 3) return null;
  const lower = head.toLowerCase();
  // An adjective first (`nowa droga`) would need its own ending: not attempted.
  if (polishLemmas(foldText(lower)).some((l) => /[yi]$/.test(l))) return null;
  for (const [pattern, replacement] of rules)
    if (pattern.test(lower)) return [lower.replace(pattern, replacement), ...rest].join(' ');
  return null;
}

/** The request's subject in the genitive (for „w sprawie …”), or null when it cannot be condensed safely. */
export function condenseSubject(request: string): string | null {
  let s = request
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.?!:;]+$/u, '');
  for (const formula of FORMULAS) s = s.replace(formula, '');
  s = s.replace(/^,\s*/, '');
  const already = /^(?:na\s+temat|w\s+sprawie|dotyczącej|dotyczących|dotyczące)\s+(.+)$/iu.exec(s);
  if (already) return already[1]!;
  const how =
    /^(?:jak|w\s+jaki\s+sposób)\s+(?:wygląda|przebiega|układa)(?:ł|ła|ło|ły|li)?(?:\s+się)?\s+(.+)$/iu.exec(
      s,
    );
  if (how) return inflectHead(how[1]!, GENITIVE);
  const about = /^o\s+(.+)$/iu.exec(s);
  if (about) return inflectHead(about[1]!, LOCATIVE_TO_GENITIVE);
  return inflectHead(s, GENITIVE);
}
