import { readFileSync } from 'node:fs';
import {
  classifyLetterLines,
  isFrameSentence,
  isTableRow,
  substantiveTail,
} from '../../src/archive/letter-parts.js';
import { chunkPages, maskFrameLines } from '../../ingest/chunk.js';

const letter = (name: string) =>
  readFileSync(new URL(`../fixtures/letters/${name}`, import.meta.url), 'utf8');

/** The part of the first line equal to `line` (trimmed). */
function partOf(text: string, line: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() === line);
  if (i < 0) throw new Error(`no line ${line}`);
  return classifyLetterLines(lines)[i]!;
}

describe('classifyLetterLines on letters of seven offices', () => {
  // [file, frame lines with their part, substance lines that must stay body]
  const cases: [string, [string, string][], string[]][] = [
    [
      'answers/i17831-DVUHHS.txt', // Ministerstwo Rolnictwa i Rozwoju Wsi: a two-column letterhead line
      [
        [
          'Ministerstwo Rolnictwa i Rozwoju Wsi                                                  kancelaria@minrol.gov.pl',
          'letterhead',
        ],
        ['Pan', 'addressee'],
        ['Marszałek Sejmu RP', 'addressee'],
        ['Szanowny Panie Marszałku,', 'salutation'],
      ],
      ['Dnia 15 maja 2026 r. do Ministerstwa wpłynęło pismo Stowarzyszenia Goniec'],
    ],
    [
      'answers/i18883-DWTJ4S.txt', // Ministerstwo Finansów
      [
        ['tel.: +48 22 694 55 55 ul. Świętokrzyska 12', 'contact'],
        ['Warszawa, 6 sierpnia 2026 roku', 'place-date'],
        ['Znak sprawy: DPL2.054.12.2026', 'reference'],
        ['Szanowny Panie Marszałku,', 'salutation'],
        ['Z wyrazami szacunku', 'closing'],
        ['Jarosław Neneman', 'signature'],
      ],
      [],
    ],
    [
      'answers/i16219-DWEHL7.txt', // Ministerstwo Energii, e-signature artefacts
      [
        ['BM-WPR.0510.131.2026.KK', 'reference'],
        ['Warszawa, 27.07.2026', 'place-date'],
        ['$ezdPolePodpisu1', 'signature'],
        ['27.07.2026', 'signature'],
        ['Do wiadomości:', 'distribution'],
        ['1. Kancelaria Prezesa Rady Ministrów', 'distribution'],
        ['Marian Zmarzły', 'signature'],
      ],
      ['przygotowaną w porozumieniu z Ministrem Klimatu i Środowiska, Ministrem Rozwoju'],
    ],
    [
      'answers/i13894-DW9HUW.txt', // Ministerstwo Cyfryzacji
      [
        ['www.gov.pl/web/cyfryzacja', 'contact'],
        ['Sekretarz Stanu', 'letterhead'],
        ['BM.WP.057.221.2025', 'reference'],
        ['Szanowny Pan', 'addressee'],
        ['Szanowny Panie Marszałku,', 'salutation'],
        ['/dokument podpisany elektronicznie/', 'signature'],
      ],
      ['Siarki, Marcina Warchoła oraz Pani Marii Kurowskiej w sprawie wydatków Ministerstwa'],
    ],
    [
      'answers/i17350-DW2HLG.txt', // Ministerstwo Obrony Narodowej
      [['Do wiadomości: Dyrektor Departamentu Spraw Parlamentarnych w KPRM', 'distribution']],
      ['NATO 2 i 3) i powiązane systemy antydronowe. Według szacunków 89% środków'],
    ],
    [
      'answers/i17729-DVUHHH.txt', // Ministerstwo Zdrowia
      [
        ['adres email: kancelaria@mz.gov.pl 00-952 Warszawa', 'contact'],
        ['ZPŚ.050.26.2026.JP', 'reference'],
        ['Pan Włodzimierz Czarzasty', 'addressee'],
      ],
      [],
    ],
    [
      'answers/i18193-DWQHMC.txt', // Ministerstwo Sprawiedliwości
      [
        ['kontakt@ms.gov.pl 00-950 Warszawa P-33', 'contact'],
        ['BK-VII.0520.350.2026', 'reference'],
        ['/podpisano elektronicznie/', 'signature'],
      ],
      [],
    ],
    [
      'sejm/i10446-DVZJJK.txt', // Ministerstwo Edukacji Narodowej, from the Sejm's web page
      [
        [
          'Odpowiadający: sekretarz stanu w Ministerstwie Edukacji Narodowej Henryk Kiepura',
          'letterhead',
        ],
        ['Warszawa, 14-07-2026', 'place-date'],
        ['Szanowny Panie Pośle,', 'salutation'],
        ['Z upoważnienia Ministra Edukacji', 'signature'],
      ],
      ['Odpowiedź na interpelację nr 10446', 'w sprawie podwyżek wynagrodzeń nauczycieli'],
    ],
    [
      'chorzow-liaoning.txt', // Urząd Miasta Chorzów, OCR'd scan as text
      [
        ['Chorzów dnia, 2 marca 2020r.', 'place-date'],
        ['Pan', 'addressee'],
        ['Z poważaniem', 'closing'],
      ],
      [],
    ],
  ];
  it.each(cases)('%s', (file, frame, body) => {
    const text = letter(file);
    for (const [line, part] of frame) expect([line, partOf(text, line)]).toEqual([line, part]);
    for (const line of body) expect([line, partOf(text, line)]).toEqual([line, 'body']);
  });

  it('keeps every substantive paragraph of the Chorzów letter', () => {
    const text = letter('chorzow-liaoning.txt');
    const masked = maskFrameLines(text);
    expect(masked.length).toBe(text.length);
    expect(masked).toContain(
      'w dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta Yingkou',
    );
    expect(masked).toContain('ponownego otwarcia kopalni');
    expect(masked).not.toContain('Z poważaniem');
    expect(masked).not.toContain('Chorzów dnia, 2 marca');
  });

  it('cuts passages with no contact line, salutation or signature in them', () => {
    for (const file of [
      'answers/i18883-DWTJ4S.txt',
      'answers/i16219-DWEHL7.txt',
      'answers/i13894-DW9HUW.txt',
      'answers/i17729-DVUHHH.txt',
    ]) {
      const { passages } = chunkPages('x', [{ page: 1, text: letter(file), ocr: false }]);
      const all = passages.map((p) => p.text).join('\n');
      expect([
        file,
        all.match(
          /\+48|@|Szanowny Panie|Z wyrazami szacunku|\$ezd|podpisany elektronicznie/u,
        )?.[0] ?? null,
      ]).toEqual([file, null]);
      expect(passages.length).toBeGreaterThan(0);
    }
  });
});

describe('classifyLetterLines: lines inside the body', () => {
  it('a wrapped line that ends a sentence with a date is body, a place-and-date line is not', () => {
    // sejm/i17413-DWQHLU: „… została” / „wprowadzona od 1 lipca 2025 r.” was dropped as a date line.
    const text = [
      'Warszawa, 27.07.2026 r.',
      'Szanowny Panie Marszałku,',
      'w Systemie Wspomagania Dowodzenia Policji kwalifikacja „ratownik medyczny” została',
      'wprowadzona od 1 lipca 2025 r.',
      'Ostrów nad Odrą, 2 marca 2020 r.',
    ].join('\n');
    expect(partOf(text, 'Warszawa, 27.07.2026 r.')).toBe('place-date');
    expect(partOf(text, 'wprowadzona od 1 lipca 2025 r.')).toBe('body');
    expect(partOf(text, 'Ostrów nad Odrą, 2 marca 2020 r.')).toBe('place-date');
  });

  it('a ministry footer with its web and street address is a contact line', () => {
    const text = [
      'Szanowny Panie Marszałku,',
      'w odpowiedzi na interpelację uprzejmie informuję, że dodatek obejmował wyłącznie część marży osiągniętej',
      'www.gov.pl/energia ul. Przemysłowa 26',
      'www.gov.pl/web/obrona narodowa',
      'przez sprzedawcę w okresie rozliczeniowym.',
    ].join('\n');
    expect(partOf(text, 'www.gov.pl/energia ul. Przemysłowa 26')).toBe('contact');
    expect(partOf(text, 'www.gov.pl/web/obrona narodowa')).toBe('contact');
    expect(partOf(text, 'przez sprzedawcę w okresie rozliczeniowym.')).toBe('body');
  });

  it('the Marshal’s address block below the subject is the addressee, the prose around it body', () => {
    const text = [
      'Odpowiedź na interpelację nr 18380 w sprawie cen w gastronomii.',
      'Pan',
      'Włodzimierz Czarzasty',
      'Marszałek Sejmu RP',
      'w związku z interpelacją nr K10INT18380 uprzejmie informuję, że Marszałek Sejmu RP przekazał pismo.',
    ].join('\n');
    for (const line of ['Pan', 'Włodzimierz Czarzasty', 'Marszałek Sejmu RP'])
      expect(partOf(text, line)).toBe('addressee');
    expect(
      partOf(
        text,
        'w związku z interpelacją nr K10INT18380 uprzejmie informuję, że Marszałek Sejmu RP przekazał pismo.',
      ),
    ).toBe('body');
  });
});

describe('isFrameSentence', () => {
  it.each([
    'Szanowny Panie Marszałku,',
    'Z wyrazami szacunku Dariusz Standerski Sekretarz Stanu /dokument podpisany elektronicznie/',
    'telefon +48 22 245 54 42 ul. Królewska 27 adres email sekretariat.BM@cyfra.gov.pl 00-060 Warszawa',
    'Chorzów dnia, 2 marca 2020r.',
    'Strona 2 z 2',
    '15.08.2026$ezdPolePodpisu1',
    'Do wiadomości: Kancelaria Prezesa Rady Ministrów - Departament Spraw Parlamentarnych',
    'Od: Jan Kowalski <jan@example.pl>',
    'W odpowiedzi na interpelację nr 18193 Pani Poseł Barbary Dolniak w sprawie domniemania ojcostwa, uprzejmie informuję, co następuje.',
    'Znak sprawy: DPL2.054.12.2026',
    'Dotyczy: interpelacji nr 17831 w sprawie rozpatrywania przez Ministerstwo Rolnictwa i Rozwoju Wsi zgłoszeń',
    // sejm/i18069-DW7HT8.txt: the title line the text opens with.
    'Odpowiedź na interpelację w sprawie postulatu zmniejszenia liczby radnych w radach gmin',
    'Odpowiedź na interpelację nr 18069',
    'Sprawa: Interpelacja poselska nr 17742',
    'Informacja dotycząca zasad przetwarzania danych osobowych przez Ministra Kultury i Dziedzictwa Narodowego oraz praw osób, których dane są przetwarzane została zamieszczona na stronie www.gov.pl/kultura/bip w zakładce Polityka przetwarzania danych osobowych. Identyfikator dokumentu: 2491627.11123691.10507943',
    // fresh3-holdout answers: the addressee block run into the subject, and an opening formula with a typo.
    'Włodzimierz Czarzasty Marszałek Sejmu Sejm RP Interpelacja w sprawie obciążeń finansowych JST kosztami usuwania, przechowywania i ubezpieczenia porzuconych pojazdów',
    'w nawiązaniu do interpeacji posła Łukasza Kmity o numerze 17478 w sprawie wpisania do budżetu państwa na 2027 r. pomocy finansowej dla samorządów z rejonu olkuskiego oraz',
    // sejm/i18708: the subject on a line of its own.
    'w sprawie funkcjonowania Kuratorium Oświaty w Lublinie po zatrzymaniu przez CBA lubelskiego kuratora oświaty i zawieszeniu go w wykonywaniu czynności przez prokuratora',
    'Odpowiadający: sekretarz stanu w Ministerstwie Spraw Wewnętrznych i Administracji Tomasz Szymański',
    // titles-dev t18225: a form's subject line quoted as an answer.
    'Temat: w sprawie odpowiedzialności Skarbu Państwa za szkody wyrządzone przez zwierzynę, o której mowa w art. 126 ust. 1 ustawy o ochronie przyrody.',
    'składam na Pana ręce odpowiedź na interpelację Poseł na Sejm RP Pani Marceliny Zawiszy w sprawie nadzoru nad fundacjami.',
    // sejm/i17409-DVDHAB.txt: the verb first, lower case after the salutation line.
    'poniżej udzielam odpowiedzi na interpelację nr K10INT17409, Pana Janusza Cieszyńskiego, Posła na Sejm RP, z dnia 1 czerwca 2026 r. w sprawie opóźnień w uruchomieniu Centrum Rozwoju i Produkcji Leków Onkologicznych w Tarchomińskich Zakładach Farmaceutycznych „Polfa” SA.',
  ])('frame: %s', (s) => expect(isFrameSentence(s)).toBe(true));

  it.each([
    'W efekcie w dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta Yingkou w Chorzowie.',
    'Według szacunków 89% środków pożyczkowych z instrumentu SAFE trafi do polskiego przemysłu obronnego.',
    'Zgodnie z art. 126 ust. 8 i 9 ustawy o ochronie przyrody szkody są szacowane przez Służbę Parku Narodowego.',
    'Szczegółowe informacje są dostępne pod adresem: https://www.gov.pl/web/priorytety.',
    'Interpelacja w sprawie obciążeń finansowych JST była przedmiotem analizy, w wyniku której Minister przygotował projekt.',
    // A sentence ending in a date is no place-and-date line (the `i` flag once let `\\p{Lu}` match lower case).
    'Rozporządzenie to również weszło w życie 20 czerwca 2026 r.',
    // chat-holdout sh003 (sejm/i18038-DW3J43): a reply to applications, not to the interpellation, with its count.
    'W odpowiedzi na otrzymane wnioski o wydanie zaświadczenia wydano łącznie 81 odmów.',
    'Dokumentacja została uzupełniona pismem z 17 stycznia 2025 r.',
    // sejm/i18201: a topic opened mid-letter, then the figure asked for.
    'Odnosząc się do kwestii zaległości NFZ wobec Szpitala Powiatowego w Sochaczewie za świadczenia nielimitowane wykonane w I kwartale 2026 r., zgodnie z informacją Mazowieckiego Oddziału Wojewódzkiego NFZ, wartość nieuregulowanych świadczeń ponadlimitowych w nielimitowanych zakresach dla ww. podmiotu wynosi 1 528 933,06 zł.',
  ])('substance: %s', (s) => expect(isFrameSentence(s)).toBe(false));

  it('keeps a topic formula without a figure as frame', () => {
    expect(
      isFrameSentence(
        'Odnosząc się do kwestii poruszonych w interpelacji nr 18201 z dnia 3 czerwca 2026 r. przedstawiam poniższe informacje.',
      ),
    ).toBe(true);
  });
});

describe('substantiveTail', () => {
  it('cuts an opening formula to the fact after „informuję, że”', () => {
    expect(
      substantiveTail(
        'W odpowiedzi na interpelację nr 17653 w sprawie dróg uprzejmie informuję, że w 2026 r. zaplanowano remont 12 odcinków dróg krajowych.',
      ),
    ).toBe('w 2026 r. zaplanowano remont 12 odcinków dróg krajowych.');
  });
  it('cuts „odnosząc się do propozycji …, uprzejmie wyjaśniam, że …” to the decision', () => {
    expect(
      substantiveTail(
        'odnosząc się do propozycji wprowadzenia zróżnicowanych terminów ferii letnich, uprzejmie wyjaśniam, że Ministerstwo nie planuje zmiany obecnego modelu organizacji ferii.',
      ),
    ).toBe('Ministerstwo nie planuje zmiany obecnego modelu organizacji ferii.');
  });
  it('gives nothing for a formula with no fact, or for a sentence that is no formula', () => {
    expect(
      substantiveTail(
        'W odpowiedzi na interpelację nr 18193 uprzejmie przedstawiam następujące informacje.',
      ),
    ).toBeNull();
    expect(
      substantiveTail(
        'Rząd informuje, że w 2026 r. zaplanowano remont 12 odcinków dróg krajowych.',
      ),
    ).toBeNull();
  });
});

describe('isTableRow', () => {
  it.each([
    ['Mazowieckie   12 345   6,7%', true],
    ['2024 r.  1 250  3 400  12,5%', true],
    ['Ogółem 1 234 567 98,5%', true],
    ['NATO 2 i 3) i powiązane systemy antydronowe. Według szacunków 89% środków', false],
    ['W latach 2024-2026 podpisano 8 umów na łączną wartość ok. 18 mld zł.', false],
  ])('%s → %s', (line, expected) => expect(isTableRow(line)).toBe(expected));
});
