/**
 * A rail line or road section is named by its stops: „odcinka Rail Baltica Ełk-Suwałki-Trakiszki”,
 * „linii nr 106 Rzeszów Główny-Jasło”, „między Żywcem a Węgierską Górką”, „od Wisły do Istebnej”, „between Szczecin and Gdańsk”.
 * A letter on the section names some of them („na odcinku Ełk - Suwałki”), seldom every one, so a stop
 * the letter leaves out is no sign that the letter is about another place: the near misses that swap a
 * place name one place, not a route.
 */

/** A stop: a capitalised word, and a second one when it is part of the name (`Rzeszów Główny`, `Węgierską Górką`). */
const STOP = String.raw`\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?`;
const CHAIN = new RegExp(String.raw`${STOP}(?:\s*[-–—]\s*${STOP})+`, 'gu');
const BETWEEN = new RegExp(
  String.raw`(?<!\p{L})(?:między\s+(${STOP})\s+a|od\s+(${STOP})\s+do|between\s+(${STOP})\s+and|from\s+(${STOP})\s+to)\s+(${STOP})`,
  'gu',
);

/** The words of each route the question names, one list a route. */
export function routeStops(question: string): string[][] {
  const routes: string[][] = [];
  const wordsOf = (text: string) => text.match(/\p{L}+/gu) ?? [];
  for (const m of question.matchAll(CHAIN)) routes.push(wordsOf(m[0]));
  for (const m of question.matchAll(BETWEEN))
    routes.push(wordsOf(`${m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''} ${m[5] ?? ''}`));
  return routes.filter((r) => r.length > 1);
}
