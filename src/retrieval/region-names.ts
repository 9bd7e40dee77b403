/**
 * Councillors name a region as people say it („w Małopolsce”, „na Podkarpaciu”, „na Śląsku”,
 * „warm-maz”); letters name the voivodeship („województwa małopolskiego”, „woj. podkarpackie”).
 * The noun and the adjective are different words to the analyzer (`małopolska` / `małopolski`), so a
 * question in the spoken form missed the letters on its own region. The question's search is given
 * the voivodeship's adjective as well, as ministry acronyms are given the ministry's name.
 */
import { foldText } from '../archive/fold-text.js';

/** Folded word forms of a region's everyday name, and the voivodeship's adjective letters use. */
const REGIONS: readonly [RegExp, string][] = [
  [/^(?:dolnym\s+|dolny\s+|dolnego\s+)slask(?:u|iem)?$/u, 'dolnośląskie'],
  [/^slask(?:u|iem)?$/u, 'śląskie'],
  [/^malopols(?:ka|ki|ke|ce|kiej)$/u, 'małopolskie'],
  [/^wielkopols(?:ka|ki|ke|ce|kiej)$/u, 'wielkopolskie'],
  [/^podkarpaci(?:e|a|u|em)$/u, 'podkarpackie'],
  [/^mazowsz(?:e|a|u|em)$/u, 'mazowieckie'],
  [/^(?:zachodni(?:e|m|ego)\s+)pomorz(?:e|a|u|em)$/u, 'zachodniopomorskie'],
  [/^pomorz(?:e|a|u|em)$/u, 'pomorskie'],
  [/^podlasi(?:e|a|u|em)$/u, 'podlaskie'],
  [/^(?:warmi(?:a|i|e)|mazur(?:y|ach|ami)|warm-maz)$/u, 'warmińsko-mazurskie'],
  [/^lubelszczyzn\p{L}*$/u, 'lubelskie'],
  [/^opolszczyzn\p{L}*$/u, 'opolskie'],
  [/^kujaw(?:y|ach|ami)$/u, 'kujawsko-pomorskie'],
];

/** The voivodeship adjectives for the regions a question names in their everyday form. */
export function voivodeshipsNamed(question: string): string[] {
  const folded = foldText(question).toLowerCase();
  const words = folded.match(/[\p{L}]+(?:-[\p{L}]+)?/gu) ?? [];
  const found = new Set<string>();
  words.forEach((word, i) => {
    const pair = i > 0 ? `${words[i - 1]} ${word}` : '';
    for (const [form, adjective] of REGIONS) {
      if (form.test(pair) || form.test(word)) {
        found.add(adjective);
        break;
      }
    }
  });
  // „na Dolnym Śląsku” is Lower Silesia, not the Silesian voivodeship as well.
  if (found.has('dolnośląskie')) found.delete('śląskie');
  if (found.has('zachodniopomorskie')) found.delete('pomorskie');
  return [...found];
}
