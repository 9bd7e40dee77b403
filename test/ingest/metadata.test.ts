import { readFileSync } from 'node:fs';
import { extractMetadata } from '../../ingest/metadata.js';
import { findLetterDates } from '../../ingest/metadata/find-letter-date.js';
import { formatRole } from '../../ingest/metadata/format-role.js';
import { parseDate, toIsoDate } from '../../ingest/metadata/parse-date.js';
import { normalizeReference } from '../../ingest/metadata/parse-reference.js';

const readFixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/letters/${name}`, import.meta.url), 'utf8');

describe('extractMetadata on the Chorzów letter (OCR with registry stamps)', () => {
  const meta = extractMetadata(readFixture('chorzow-liaoning.txt'));

  it('takes the place+date line as the date and the stamp as receivedDate', () => {
    expect(meta.date).toBe('2020-03-02');
    expect(meta.receivedDate).toBe('2020-03-04');
  });

  it('normalises the OCR-spaced reference', () => {
    expect(meta.reference).toBe('WEN.9823.2020.RFZ');
  });

  it('reads the signatory from the signature block', () => {
    expect(meta.author).toBe('Marcin Michalik');
    expect(meta.authorRole).toBe('Zastępca Prezydenta Miasta');
  });

  it('reads the addressee block', () => {
    expect(meta.addressee).toBe('Pan Grzegorz Krzak, Radny Miasta Chorzów');
  });

  it('leaves what the letter does not state as null', () => {
    expect(meta.title).toBeNull();
    expect(meta.interpellation).toBeNull();
  });
});

// Expected values are the Sejm index's (date, author name, number) except where
// noted; titles are what the letter itself says.
const SEJM_CASES = [
  {
    file: 'i10446-DVZJJK.txt',
    date: '2026-07-14',
    author: 'Henryk Kiepura',
    interpellation: '10446',
    authorRole: 'sekretarz stanu w Ministerstwie Edukacji Narodowej',
    reference: null,
    title: 'Odpowiedź na interpelację w sprawie podwyżek wynagrodzeń nauczycieli',
  },
  {
    file: 'i7278-DWPJ2X.txt',
    date: '2026-08-06',
    author: 'Wiesław Leśniakiewicz',
    interpellation: '7278',
    authorRole: 'podsekretarz stanu w Ministerstwie Spraw Wewnętrznych i Administracji',
    reference: null,
    title:
      'Odpowiedź na interpelację w sprawie finansowania działalności ochotniczych straży pożarnych w latach 2024-2025',
  },
  {
    file: 'i10699-DWUHS3.txt',
    date: '2026-07-17',
    author: 'Piotr Malepszak',
    interpellation: '10699',
    authorRole: 'Podsekretarz Stanu',
    reference: 'DL-3-1.054.18.2025',
    title: null,
  },
  {
    file: 'i16794-DWLHNW.txt',
    date: '2026-07-30',
    author: 'Konrad Wojnarowski',
    interpellation: '16794',
    authorRole: 'Podsekretarz stanu',
    reference: 'BM-WPR.0510.156.2026.KK',
    title:
      'w sprawie zgodności wprowadzenia maksymalnej ceny detalicznej oleju napędowego z przepisami prawa, w szczególności Kodeksu spółek handlowych',
  },
  {
    file: 'i17940-DVXJ7K.txt',
    date: '2026-07-09',
    author: 'Jakub Stefaniak',
    interpellation: '17940',
    authorRole: 'Sekretarz Stanu, Zastępca Szefa Kancelarii Prezesa Rady Ministrów',
    reference: 'DSP.INT.4510.268.2026',
    title: null,
  },
  {
    file: 'i17842-DX3JEU.txt',
    date: '2026-08-16',
    author: 'Jarosław Neneman',
    interpellation: '17842',
    authorRole: 'Podsekretarz Stanu w Ministerstwie Finansów',
    reference: 'PT1.054.29.2026',
    title:
      'w sprawie wątpliwości dotyczących zwolnienia w podatku VAT lub zastosowania 23 % stawki podatku w zakresie refakturowania przez bank na dewelopera kosztów kontroli inwestycji',
  },
  {
    file: 'i18454-DWLHPJ.txt',
    date: '2026-08-01',
    author: 'Dariusz Standerski',
    interpellation: '18454',
    authorRole: 'Sekretarz Stanu',
    reference: 'BM.WP.057.136.2026',
    title:
      'w sprawie zmiany rozporządzenia Rady Ministrów z dnia 8 stycznia 2002 r. w sprawie organizacji przyjmowania i rozpatrywania skarg i wniosków, w szczególności w zakresie formy wnoszenia skarg i wniosków',
  },
  {
    file: 'i12864-DW8HN6.txt',
    date: '2026-02-11',
    author: 'Paweł Bejda',
    interpellation: '12864',
    authorRole: 'Sekretarz Stanu',
    reference: 'BMON-WP.053.130.2026/In-59-26/SW',
    title:
      'w sprawie kosztów poniesionych przez Wojsko Polskie w związku z nieodpłatnym przekazaniem czołgu T-72A do stowarzyszenia z Czchowa',
  },
  {
    file: 'i16231-DVEHA3.txt',
    date: '2026-06-25',
    author: 'Katarzyna Pełczyńska-Nałęcz',
    interpellation: '16231',
    authorRole: null,
    reference: 'DRR-II.054.5.2026.KJ',
    title: null,
  },
  {
    // The letter carries only an e-signature timestamp placeholder: no date in the text.
    file: 'i13595-DWDJH9.txt',
    date: null,
    author: 'Agnieszka Dziemianowicz-Bąk',
    interpellation: '13595',
    authorRole: 'Ministra Rodziny, Pracy i Polityki Społecznej',
    reference: 'BM-II.059.1.602.2025',
    title:
      'w sprawie zagrożeń jakie płyną z proponowanych zmian w ustawie o Państwowej Inspekcji Pracy',
  },
  {
    file: 'i17561-DVJG27.txt',
    date: '2026-06-29',
    author: 'Mikołaj Dorożała',
    interpellation: '17561',
    authorRole: 'Podsekretarz Stanu',
    reference: 'DLŁ-WNO.0500.53.2026.AS',
    title:
      'Problem nadmiernej populacji dzików na terenach zurbanizowanych oraz konieczności jednoznacznego uregulowania zasad finansowania odstrzałów redukcyjnych',
  },
  {
    file: 'i16886-DVEHA6.txt',
    date: null,
    author: 'Sebastian Gajewski',
    interpellation: '16886',
    authorRole: 'Podsekretarz Stanu',
    reference: 'BM-II.059.1.205.2026',
    title:
      'w sprawie nowelizacji ustawy o kombatantach oraz niektórych osobach będących ofiarami represji wojennych i okresu powojennego w celu prawnego i symbolicznego uhonorowania tzw. Dzieci Wojny',
  },
] as const;

describe('extractMetadata on Sejm answers', () => {
  it.each(SEJM_CASES)('$file', ({ file, ...expected }) => {
    const meta = extractMetadata(readFixture(`sejm/${file}`));
    expect({
      date: meta.date,
      author: meta.author,
      authorRole: meta.authorRole,
      interpellation: meta.interpellation,
      reference: meta.reference,
      title: meta.title,
    }).toEqual(expected);
    expect(meta.receivedDate).toBeNull();
  });

  it('reads the addressee block, or the salutation when there is none', () => {
    expect(extractMetadata(readFixture('sejm/i10699-DWUHS3.txt')).addressee).toBe(
      'Pan Włodzimierz Czarzasty, Marszałek Sejmu Rzeczypospolitej Polskiej',
    );
    expect(extractMetadata(readFixture('sejm/i18454-DWLHPJ.txt')).addressee).toBe(
      'Szanowny Pan Włodzimierz Czarzasty, Marszałek Sejmu RP',
    );
    expect(extractMetadata(readFixture('sejm/i12864-DW8HN6.txt')).addressee).toBe(
      'Pan Włodzimierz CZARZASTY, Marszałek Sejmu Rzeczypospolitej Polskiej',
    );
    expect(extractMetadata(readFixture('sejm/i10446-DVZJJK.txt')).addressee).toBe('Pan Poseł');
  });
});

describe('parseDate', () => {
  it.each([
    ['Chorzów dnia, 2 marca 2020r.', '2020-03-02'],
    ['Warszawa, 24-06-2026', '2026-06-24'],
    ['Warszawa, 02 lipca 2026', '2026-07-02'],
    ['Warszawa, dnia 5.03.2021 r.', '2021-03-05'],
    ['2020-03-02', '2020-03-02'],
    ['Kraków, 12 III 2020', '2020-03-12'],
    ['Kraków, 1.XII.2019 r.', '2019-12-01'],
    ['Gdańsk, 14 październik 2025', '2025-10-14'],
    ['Gdańsk, 3 wrzesnia 2025', '2025-09-03'],
    ['Łódź, 09/07/2026', '2026-07-09'],
    ['Data wpływu ..... 04 -03- 2020 .....', '2020-03-04'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('rejects dates that do not exist', () => {
    expect(parseDate('Warszawa, 31.02.2020')).toBeNull();
    expect(parseDate('Warszawa, 29 lutego 2021 r.')).toBeNull();
    expect(parseDate('Warszawa, 29 lutego 2024 r.')).toBe('2024-02-29');
    expect(toIsoDate(2020, 13, 1)).toBeNull();
  });

  it('finds nothing in text without a full date', () => {
    expect(parseDate('W 2013 roku Marszałek Województwa wystąpił z inicjatywą')).toBeNull();
    expect(parseDate('tel. 22 694 55 55')).toBeNull();
  });
});

describe('findLetterDates', () => {
  it('keeps registry stamps out of the letter date', () => {
    const text = [
      'Data wpływu ..... 04 -03- 2020 .....',
      'płynęło',
      'dnia',
      '05 -03- 2020',
      'Chorzów, 2 marca 2020 r.',
    ].join('\n');
    expect(findLetterDates(text)).toEqual({ date: '2020-03-02', receivedDate: '2020-03-04' });
  });

  it('never takes a stamp as the letter date, even when it is the only date', () => {
    expect(findLetterDates('Urząd Miasta\nwpłynęło dnia 04-03-2020\nPan Jan Kowalski')).toEqual({
      date: null,
      receivedDate: '2020-03-04',
    });
  });

  it('does not take body-text dates as the letter date', () => {
    const text = [
      'Szanowny Panie Radny,',
      'W 2013 roku Marszałek wystąpił z inicjatywą.',
      'Od 1 stycznia 2026 r. obowiązują nowe stawki, zgodnie z ustawą z dnia 27 sierpnia 2009 r. o finansach publicznych.',
      'Ministrów 19 maja 2026 r. przyjęła projekt.',
    ].join('\n');
    expect(findLetterDates(text)).toEqual({ date: null, receivedDate: null });
  });

  it('accepts a date alone on its line or after a Data: label', () => {
    expect(findLetterDates('Pan Jan Kowalski\n2020-03-02\nSzanowny Panie,').date).toBe(
      '2020-03-02',
    );
    expect(findLetterDates('Data: 5 marca 2021 r.').date).toBe('2021-03-05');
    expect(findLetterDates('Warszawa, data: 25 czerwca 2026 r.').date).toBe('2026-06-25');
  });
});

describe('normalizeReference', () => {
  it.each([
    ['WEN. 9823 2020. RFZ', 'WEN.9823.2020.RFZ'],
    ['DLF.050.53.2026.DP', 'DLF.050.53.2026.DP'],
    ['BM-WRP.054.43.2026', 'BM-WRP.054.43.2026'],
    ['DSP.INT.4510.268.2026', 'DSP.INT.4510.268.2026'],
    ['BMON-WP.053.130.2026/In-59-26/SW', 'BMON-WP.053.130.2026/In-59-26/SW'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeReference(raw)).toBe(expected);
  });

  it.each([
    'Dz. U. z 2024 r. poz. 123',
    'Dz.U. z 2025 r. poz. 1267',
    '04.03.2020',
    '+48 22 694 55 55',
    'NIP 627 2020 123',
    'Warszawa, 2 marca 2020',
    'ABC 2020',
  ])('rejects %s', (raw) => {
    expect(normalizeReference(raw)).toBeNull();
  });

  it('accepts lowercase segments only under a label', () => {
    expect(normalizeReference('RRE.zwa.058.2.2026')).toBeNull();
    expect(normalizeReference('RRE.zwa.058.2.2026', { isLabelled: true })).toBe(
      'RRE.zwa.058.2.2026',
    );
  });
});

describe('extractMetadata field rules', () => {
  it.each([
    ['Znak: DLF.050.53.2026.DP', 'DLF.050.53.2026.DP'],
    ['Nasz znak: BM-WRP.054.43.2026', 'BM-WRP.054.43.2026'],
    ['Sygn. WEN. 9823 2020. RFZ', 'WEN.9823.2020.RFZ'],
    ['Znak sprawy: RRE.zwa.058.2.2026', 'RRE.zwa.058.2.2026'],
  ])('reads the labelled reference %s', (line, expected) => {
    expect(
      extractMetadata(`Urząd Miasta\n${line}\nWarszawa, 2 marca 2020 r.\nSzanowny Panie,\ntreść`)
        .reference,
    ).toBe(expected);
  });

  it("ignores the addressee's reference and references cited in the body", () => {
    const text =
      'Wasz znak: ABC.123.2020\nSzanowny Panie,\nPismem o sygn. DSP.INT.4510.15.2025 przekazano.\n(Dz. U. z 2024 r. poz. 123)';
    expect(extractMetadata(text).reference).toBeNull();
  });

  it('returns all nulls for a letter without any metadata', () => {
    expect(extractMetadata('Dziękujemy za list. W 2013 roku było inaczej.')).toEqual({
      title: null,
      date: null,
      reference: null,
      author: null,
      authorRole: null,
      addressee: null,
      interpellation: null,
      receivedDate: null,
    });
  });

  it('reads the Sejm Odpowiadający header', () => {
    const meta = extractMetadata(
      'Odpowiadający: minister edukacji Barbara Nowacka\n\nWarszawa, 04-05-2026',
    );
    expect(meta.author).toBe('Barbara Nowacka');
    expect(meta.authorRole).toBe('minister edukacji');
  });

  it('finds interpellation numbers in their usual spellings', () => {
    const open = (s: string): string | null =>
      extractMetadata(`Szanowny Panie Marszałku,\n${s}`).interpellation;
    expect(open('w odpowiedzi na interpelację nr 10446 Pana Posła')).toBe('10446');
    expect(open('w nawiązaniu do interpelacji z 29 lipca 2026 r. nr 17842 Pani Poseł')).toBe(
      '17842',
    );
    expect(open('w odpowiedzi na interpelację o numerze K10INT17940, informuję')).toBe('17940');
    expect(open('w sprawie realizacji uchwały nr 72 Rady Ministrów')).toBeNull();
  });

  it('uses an ISO date in the file name only when the text has no date', () => {
    expect(
      extractMetadata('Szanowny Panie,\ntreść', { fileName: 'a/2020-03-02-wen.txt' }).date,
    ).toBe('2020-03-02');
    expect(
      extractMetadata('Warszawa, 5 marca 2021 r.', { fileName: '2020-03-02-wen.txt' }).date,
    ).toBe('2021-03-05');
  });
});

describe('formatRole', () => {
  it('title-cases all-caps roles and leaves written casing alone', () => {
    expect(formatRole('ZASTĘPCA PREZYDENTA MIASTA')).toBe('Zastępca Prezydenta Miasta');
    expect(formatRole('NACZELNIK WYDZIAŁU DS. ROZWOJU I FUNDUSZY')).toBe(
      'Naczelnik Wydziału ds. Rozwoju i Funduszy',
    );
    expect(formatRole('sekretarz stanu w Ministerstwie Edukacji Narodowej')).toBe(
      'sekretarz stanu w Ministerstwie Edukacji Narodowej',
    );
  });
});

describe('metadata fixes for lookups', () => {
  const letter = readFixture('sejm/i16219-DWEHL7.txt');

  it('takes the date from the e-signature block when the letter has no date line', () => {
    const withoutDateLine = letter.replace(
      'Warszawa, 27.07.2026\n',
      'Warszawa, /elektroniczny znacznik czasu/\n',
    );
    expect(extractMetadata(withoutDateLine).date).toBe('2026-07-27');
  });

  it('keeps footnotes and body lines out of the signatory role', () => {
    const text =
      'Szanowny Panie Marszałku,\ntreść.\nZ wyrazami szacunku\nJan Kowalski\nSekretarz Stanu\nPodstawa prawna:\nart. 5 ustawy';
    expect(extractMetadata(text).authorRole).toBe('Sekretarz Stanu');
    const wrapped =
      'Szanowny Panie Marszałku,\ntreść.\nZ wyrazami szacunku\nJan Kowalski\nPodsekretarz Stanu\nw Ministerstwie Finansów\nniektórych innych ustaw.';
    expect(extractMetadata(wrapped).authorRole).toBe('Podsekretarz Stanu w Ministerstwie Finansów');
  });

  it('names the addressee of a salutation in the nominative', () => {
    expect(
      extractMetadata('Warszawa, 2 marca 2026 r.\nSzanowny Panie Pośle,\ntreść').addressee,
    ).toBe('Pan Poseł');
    expect(
      extractMetadata('Warszawa, 2 marca 2026 r.\nSzanowna Pani Marszałek,\ntreść').addressee,
    ).toBe('Pani Marszałek');
  });

  it('drops an addressee honorific glued to the end of the title', () => {
    const text =
      'Odpowiedź na interpelację nr 17641 w sprawie inwestycji budowlanej na terenie Parku Centralnego w Bydgoszczy Pan\nWłodzimierz Czarzasty\nSzanowny Panie Marszałku,\ntreść';
    expect(extractMetadata(text).title).toBe(
      'Odpowiedź na interpelację nr 17641 w sprawie inwestycji budowlanej na terenie Parku Centralnego w Bydgoszczy',
    );
  });
});
