import { voivodeshipsNamed } from '../../src/retrieval/region-names.js';

describe('voivodeshipsNamed', () => {
  it.each<[string, string[]]>([
    // chat-dev questions, typed as in Slack.
    ['ile wody polskie chca wydac w malopolsce w 2027', ['małopolskie']],
    ['ile porodowek na podkarpaciu mialo wiecej niz 50% cesarek w 2025', ['podkarpackie']],
    ['o ile spadla liczba mieszkancow warm-maz od 2015 wg gus', ['warmińsko-mazurskie']],
    ['Ile szpitali na Dolnym Śląsku ma SOR?', ['dolnośląskie']],
    ['Ile przychodni działa na Śląsku?', ['śląskie']],
    ['Ile kosztuje remont dróg w Wielkopolsce?', ['wielkopolskie']],
  ])('%s', (question, expected) => expect(voivodeshipsNamed(question)).toEqual(expected));

  it('names nothing when the question has no region, or the voivodeship already', () => {
    expect(voivodeshipsNamed('Ile szpitali ma SOR w Polsce?')).toEqual([]);
    expect(voivodeshipsNamed('Ile szpitali w województwie śląskim ma SOR?')).toEqual([]);
  });
});
