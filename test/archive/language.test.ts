import { detectLanguage } from '../../src/archive/language.js';

describe('detectLanguage', () => {
  test.each([
    'What did the ministry say about the hospital in Chorzów?',
    'Is the railway line to Wąbrzeźno going to be electrified?',
    'Why are the county hospitals in Łódź in debt?',
    'How much money did the volunteer fire brigades in Kraków get in 2024?',
    'what about the school in chorzów', // a Polish place in lower case still does not outvote the English words
    'Will PKP Intercity trains stop in Ostrów Wielkopolski?',
  ])('English question with Polish names is English: %s', (question) => {
    expect(detectLanguage(question)).toBe('en');
  });

  test.each([
    'Jak wygląda współpraca Chorzowa z prowincją Liaoning?',
    'Ile kosztowała budowa obwodnicy Wąbrzeźna?',
    'A co z Yingkou?',
    'ile lat pracodawca musi przechowywac dokumentacje', // Polish typed without diacritics
    'Czego dotyczy pismo WEN.9823.2020.RFZ?',
    'Co odpowiedział Minister Zdrowia w sprawie szpitala?',
    'Interpelacja nr 18404',
  ])('Polish question stays Polish: %s', (question) => {
    expect(detectLanguage(question)).toBe('pl');
  });

  test('a Polish sentence that quotes an English name is Polish', () => {
    expect(detectLanguage('Co wiadomo o konferencji NexTech Warsaw w Warszawie?')).toBe('pl');
  });
});
