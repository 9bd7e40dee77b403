import {
  addresseeLines,
  parseAddressee,
  possessiveFor,
  salutationFor,
} from '../../../src/answer/draft/address-recipient.js';
import { condenseSubject } from '../../../src/answer/draft/condense-subject.js';
import { findRequestDate, formatPolishDate } from '../../../src/answer/draft/format-polish-date.js';

const salute = (to: string | undefined) => salutationFor(parseAddressee(to));

describe('salutationFor (the salutation table)', () => {
  test.each([
    ['Pan Grzegorz Krzak, Radny Miasta Chorzów', 'Szanowny Panie Radny,'],
    ['Grzegorz Krzak, Radny Miasta Chorzów', 'Szanowny Panie Radny,'],
    ['Pani Anna Nowak, Radna Miasta Chorzów', 'Szanowna Pani Radna,'],
    ['Ewa Kowalska, Radna Miasta', 'Szanowna Pani Radna,'],
    ['Pan Jan Kowalski, Przewodniczący Rady Miasta Chorzów', 'Szanowny Panie Przewodniczący,'],
    ['Przewodnicząca Rady Miasta Chorzów', 'Szanowna Pani Przewodnicząca,'],
    ['Pani Maria Wiśniewska, Wiceprzewodnicząca Rady Miasta', 'Szanowna Pani Przewodnicząca,'],
    ['Pan Adam Nowak, Prezydent Miasta', 'Szanowny Panie Prezydencie,'],
    ['Pani Beata Zielińska, Burmistrz Gminy', 'Szanowna Pani Burmistrz,'],
    ['Pan Piotr Lis, Poseł na Sejm RP', 'Szanowny Panie Pośle,'],
    ['Pani Joanna Mazur, Dyrektor Wydziału', 'Szanowna Pani Dyrektor,'],
    ['Pan Tomasz Wójcik', 'Szanowny Panie,'],
    ['Pani Zofia Lis', 'Szanowna Pani,'],
    ['Rada Osiedla Klimzowiec', 'Szanowni Państwo,'],
  ])('%s → %s', (to, expected) => {
    expect(salute(to)).toEqual({ text: expected, isPlaceholder: false });
  });

  test('no addressee: the neutral form', () => {
    expect(salute(undefined)).toEqual({ text: 'Szanowni Państwo,', isPlaceholder: false });
  });

  test('gender is never guessed: an unknown first name leaves a highlighted blank with both forms', () => {
    // `Kuba` and `Barnaba` end in -a and are men; an unlisted name decides nothing.
    expect(salute('Kuba Nowak, Radny Miasta')).toEqual({
      text: 'Szanowny Panie Radny,',
      isPlaceholder: false,
    });
    expect(salute('Sasha Nowak, Prezydent Miasta')).toEqual({
      text: 'Szanowny Panie Prezydencie / Szanowna Pani Prezydent,',
      isPlaceholder: true,
    });
    const unknown = parseAddressee('Sasha Nowak, Prezydent Miasta');
    expect(addresseeLines(unknown)[0]).toEqual({ text: 'Pan / Pani', isPlaceholder: true });
    expect(possessiveFor(unknown)).toBe('[Pana / Pani]');
  });

  test('the explicit Pan/Pani wins over the first-name list', () => {
    expect(salute('Pani Jan Nowak, Radna')).toEqual({
      text: 'Szanowna Pani Radna,',
      isPlaceholder: false,
    });
  });

  test('a body is named without an honorific', () => {
    expect(addresseeLines(parseAddressee('Rada Osiedla Klimzowiec')).map((l) => l.text)).toEqual([
      'Rada Osiedla Klimzowiec',
    ]);
  });

  test('the addressee block is one line per part', () => {
    expect(
      addresseeLines(parseAddressee('Grzegorz Krzak, Radny Miasta Chorzów')).map((l) => l.text),
    ).toEqual(['Pan', 'Grzegorz Krzak', 'Radny Miasta Chorzów']);
  });
});

describe('condenseSubject', () => {
  test.each([
    [
      'Prośba radnego o informację, jak wyglądała współpraca z prowincją Liaoning',
      'współpracy z prowincją Liaoning',
    ],
    ['Proszę o informację o współpracy z prowincją Liaoning', 'współpracy z prowincją Liaoning'],
    ['Wniosek o budowę krytej pływalni', 'budowy krytej pływalni'],
    ['Zapytanie w sprawie remontu ulicy Długiej.', 'remontu ulicy Długiej'],
    ['Proszę o informację o finansowaniu szkół', 'finansowania szkół'],
  ])('%s → %s', (request, expected) => {
    expect(condenseSubject(request)).toBe(expected);
  });

  test('an irregular form is left to the clerk, not pasted or mis-inflected', () => {
    expect(condenseSubject('Nowa droga do szkoły')).toBeNull();
    expect(condenseSubject('Proszę o informację o wizycie przedstawicieli Yingkou')).toBeNull();
  });
});

describe('Polish dates', () => {
  test('the month in the genitive, with „r.”', () => {
    expect(formatPolishDate('2026-12-01')).toBe('1 grudnia 2026 r.');
    expect(formatPolishDate(new Date('2020-03-02T12:00:00Z'))).toBe('2 marca 2020 r.');
    expect(formatPolishDate('not a date')).toBeNull();
  });

  test('the request’s own date, in words or digits', () => {
    expect(findRequestDate('Zapytanie z dnia 12 lutego 2020 r. w sprawie…')).toBe(
      '12 lutego 2020 r.',
    );
    expect(findRequestDate('Pismo z 05.11.2026 dotyczące…')).toBe('5 listopada 2026 r.');
    expect(findRequestDate('Pismo w sprawie budowy')).toBeNull();
  });
});
