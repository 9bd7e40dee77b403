import { composeExtractiveAnswer } from '../../src/answer/extractive-answer.js';
import { weighTerms } from '../../src/answer/term-weights.js';
import { analyzeQuery } from '../../src/archive/analyzer.js';
import type { SearchHit } from '../../src/archive/types.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

/** Hits of one letter's paragraphs, in order; every question term weighs alike (df 1 of 100 passages). */
function answer(question: string, paragraphs: string[]) {
  const letter = makeLetter({
    id: 'l1',
    reference: 'WEN.9823.2020.RFZ',
    date: '2020-03-02',
    author: 'Marcin Michalik',
  });
  const hits: SearchHit[] = makePassages('l1', paragraphs).map((passage, i) => ({
    passage,
    letter,
    score: 10 - i,
  }));
  const stats = { passages: 100, df: new Map(analyzeQuery(question).map((t) => [t, 1])) };
  return composeExtractiveAnswer({
    question,
    hits,
    weights: weighTerms(question, stats),
    language: 'pl',
  });
}

describe('composeExtractiveAnswer', () => {
  it('quotes a short list whole with the line that introduces it, and puts the asked amount first', () => {
    // i15497-DWWJ2E: the costs come as a bulleted list after „wyniosły:”; the first sentence shares more words.
    const a = answer(
      'ile mrirw wydalo w 2025 na szkole letnia dla urzednikow z ukrainy i moldawii',
      [
        'Podczas tygodniowych szkoleń urzędnicy z Mołdawii i Ukrainy (łącznie 21 osób w 2024 r. oraz 19 osób w 2025 r.) mogli zapoznać się z polskimi doświadczeniami. Koszty poniesione przez MRiRW na organizację tego przedsięwzięcia wyniosły:\n• w 2024 r. – 47 825,41 zł,\n• w 2025 r. – 59 899,84 zł.\nUczestnicy otrzymali także materiały promocyjne MRiRW.',
      ],
    );
    expect(a?.text.split('\n')[0]).toBe('W skrócie: „59 899,84 zł” [1]');
    expect(a?.text).toContain(
      '„Koszty poniesione przez MRiRW na organizację tego przedsięwzięcia wyniosły: • w 2024 r. – 47 825,41 zł, • w 2025 r. – 59 899,84 zł.” [1]',
    );
  });

  it('quotes the answer to a question the letter quotes back, though it repeats none of its words', () => {
    // fresh4 f4006 (sejm/i17999-DWQHLZ): the reply restates each question, then answers it.
    const a = answer(
      'czy MZ wysle do oddzialow NFZ informacje o aneksowaniu umow na porade pielegniarska w diabetologii',
      [
        'Informacja o wykazie porad pielęgniarskich w diabetologii jest jawna i powszechnie dostępna. 2. Czy Ministerstwo Zdrowia planuje skierowanie do oddziałów wojewódzkich NFZ informacji dotyczącej aneksowania umów o poradę pielęgniarską w diabetologii? Opisane w pytaniu kwestie leżą w gestii płatnika publicznego, nie zaś Ministerstwa Zdrowia.',
      ],
    );
    expect(a?.text).toContain('„Opisane w pytaniu kwestie leżą w gestii płatnika publicznego');
  });

  it('states no direct line from a letter below the answering one', () => {
    // chat-holdout sh018: „ilu kamperów …” got a hotline's „ponad 1,3 mln połączeń” from the second letter.
    const question = 'ilu kamperow ponad 3,5 t dotknie e-toll';
    const first = makeLetter({ id: 'gddkia' });
    const second = makeLetter({ id: 'tip' });
    const hits: SearchHit[] = [
      ...makePassages('gddkia', [
        'Kampery o dopuszczalnej masie całkowitej powyżej 3,5 t są obowiązane uiszczać opłatę elektroniczną e-toll.',
      ]).map((passage) => ({ passage, letter: first, score: 10 })),
      ...makePassages('tip', [
        'Informacje o pomocy dla osób z terenów dotkniętych powodzią: konsultanci odebrali ponad 1,3 mln połączeń.',
      ]).map((passage) => ({ passage, letter: second, score: 9 })),
    ];
    const stats = { passages: 100, df: new Map(analyzeQuery(question).map((t) => [t, 1])) };
    const a = composeExtractiveAnswer({
      question,
      hits,
      weights: weighTerms(question, stats),
      language: 'pl',
    });
    expect(a?.text).not.toMatch(/^W skrócie:.*1,3 mln/u);
  });

  it('gives the figure of the month the question names, not of a later month', () => {
    // fresh3 f3019 (sejm/i17370-DVEHAD): the thresholds from June come first in the letter.
    const a = answer('jaki jest prog zawieszenia renty od marca 2026', [
      'Według obowiązujących od 1 czerwca 2026 r. kwot granicznych próg zawieszenia świadczenia renty wynosi 12431,80 zł.',
      'Świadczenie ulega zawieszeniu w razie osiągania przychodu w kwocie wyższej niż 130% przeciętnego wynagrodzenia (od 1 marca 2026 r. jest to 11 957,20 zł).',
    ]);
    const quotes = a?.text.split('\n').filter((l) => l.startsWith('„')) ?? [];
    expect(quotes[0]).toContain('11 957,20 zł');
  });

  it('gives no direct line of another year when no sentence states the asked year’s figure', () => {
    const a = answer('Ile środków z programu dostanie województwo w 2027 r.?', [
      'Dla województwa przeznaczono środki w wysokości 395 668 632 zł (w 2025 r. – 191 350 632 zł oraz w 2026 r. – 204 318 000 zł).',
    ]);
    expect(a?.text).toContain('395 668 632 zł');
    expect(a?.text.startsWith('W skrócie')).toBe(false);
  });

  it('answers „… i ile w 2023 r.?” with what the first part counts, for its own year', () => {
    const a = answer('Ile kontroli przeprowadził zarząd w 2022 r. i ile w 2023 r.?', [
      'Zarząd w 2022 r. przeprowadził 11 kontroli gospodarowania wodami na jeziorach.',
      'W 2023 r. zarząd przeprowadził 5 kontroli gospodarowania wodami na jeziorach.',
    ]);
    expect(a?.text.split('\n')[0]).toBe('W skrócie: „11 kontroli” [1]; „5 kontroli” [1]');
  });

  it('quotes the sentence that shares the question with the next one that states the asked amount', () => {
    // sejm/i17620-DVRCQC: the cost is in the sentence after the one on the rented ground.
    const a = answer(
      'ile mswia zaplacilo za wynajem blon pge narodowego na trening pierwszej pomocy',
      [
        'Niezależnie należy wskazać, że w czerwcu 2026 r., w związku z organizacją stanowiska centralnego MSWiA podczas krajowego treningu pierwszej pomocy na błoniach PGE Narodowego, zawarto umowę dotyczącą wynajmu terenu. Koszt wynikający z tytułu tej umowy wyniósł 17 404,50 zł brutto. Obchody Dnia Strażaka mają charakter uroczystości służbowych.',
      ],
    );
    expect(a?.text.split('\n')[0]).toBe('W skrócie: „17 404,50 zł brutto” [1]');
    expect(a?.text).toContain(
      'zawarto umowę dotyczącą wynajmu terenu. Koszt wynikający z tytułu tej umowy wyniósł 17 404,50 zł brutto.” [1]',
    );
  });

  it('answers „czy” with the sentence on the subject and the conclusion after it', () => {
    // sejm/i18069-DW7HT8: the decision („nie są planowane prace”) shares no word with the question.
    const a = answer('Czy MSWiA zamierza zmniejszyć liczbę radnych w radach gmin?', [
      'Odpowiedź na interpelację w sprawie postulatu zmniejszenia liczby radnych w radach gmin\n\nDo MSWiA nie wpływała dotychczas korespondencja wskazująca na problemy rad gmin wynikające z liczby radnych. Mając na względzie powyższe, uprzejmie informuję, że obecnie nie są planowane prace legislacyjne zmierzające do zmiany art. 17 ustawy o samorządzie gminnym.',
    ]);
    expect(a?.text).toContain(
      'wynikające z liczby radnych. Mając na względzie powyższe, uprzejmie informuję, że obecnie nie są planowane prace legislacyjne',
    );
    expect(a?.text).not.toContain('Odpowiedź na interpelację');
  });

  it('never opens a pair with a question of the interpellation quoted back', () => {
    const a = answer('Ile wynosi średnie wynagrodzenie w ministerstwie w 2025 r.?', [
      'Ile wynosiło faktycznie wypłacone średnie miesięczne wynagrodzenie brutto w ministerstwie w kwietniu 2026 roku? Średnie miesięczne wynagrodzenie brutto w ministerstwie w 2025 r. wyniosło 13.103,92 zł.',
    ]);
    expect(a?.text).toContain(
      '„Średnie miesięczne wynagrodzenie brutto w ministerstwie w 2025 r. wyniosło 13.103,92 zł.” [1]',
    );
    expect(a?.text).not.toContain('roku? Średnie');
  });

  it('does not pair a sentence with a list item that opens another fact', () => {
    const a = answer('ile wplynelo z cit w pierwszym polroczu 2026', [
      'Porównując dochody budżetu państwa z CIT w pierwszym półroczu 2026 r. należy pamiętać o podwyższonej stawce dla banków.\n• Akcyza W okresie styczeń-czerwiec 2026 r. dochody z akcyzy wyniosły ok. 44,0 mld zł.',
    ]);
    expect(a?.text).not.toContain('banków. • Akcyza');
  });

  it('quotes the table row of the asked year with the sentence and header that introduce the table', () => {
    // sejm/i16231-DVEHA3: a table of expenditure per year, one row a line.
    const a = answer('Ile wyniosły wydatki Rządowego Funduszu Rozwoju Mieszkalnictwa w 2023 r.?', [
      'Fundusz prowadzony był w Banku Gospodarstwa Krajowego.\nWydatki i koszty obsługi Funduszu przedstawiały się następująco (w mln zł):\nRok Wydatki Koszty obsługi\n2021 1 325,6 0,3\n2022 483,6 0,3\n2023 1 213,4 1,2\n2024 448,1 0,6',
    ]);
    expect(a?.text).toContain(
      '„Wydatki i koszty obsługi Funduszu przedstawiały się następująco (w mln zł): Rok Wydatki Koszty obsługi … 2023 1 213,4 1,2” [1]',
    );
    expect(a?.text).not.toContain('2021 1 325,6');
  });

  it('quotes a row whose label is the asked region, past the row number', () => {
    // sejm/i18655-DWQHNM: numbered rows per voivodeship, the years as columns.
    const a = answer('ile przychodni robi bilans na slasku', [
      'Liczba przychodni realizujących bilans w podziale na województwa:\nOW NFZ 2025 2026\n07 Mazowiecki 727 726\n11 Pomorski 385 376\n12 Śląski 782 775',
    ]);
    expect(a?.text).toContain('województwa: OW NFZ 2025 2026 … 12 Śląski 782 775” [1]');
    expect(a?.text).not.toContain('Pomorski 385');
  });

  it('quotes a sentence that states what the one before comes to together with it, once', () => {
    // i17287-DW2HLE: the fall itself is in „Oznacza to, że …”, its subject in the sentence before.
    const a = answer('o ile spadla liczba mieszkancow warm-maz od 2015 wg gus', [
      'Według danych Głównego Urzędu Statystycznego liczba ludności w województwie warmińsko-mazurskim w grudniu 2015 r. liczyła 1 439,7 tys., a w czerwcu 2025 r. 1 343,9 tys. Oznacza to, że populacja województwa spadła w tym okresie o 95,8 tys.\nW tym roku planowane są dalsze analizy GUS dotyczące migracji.',
    ]);
    expect(a?.text).toContain(
      '„Według danych Głównego Urzędu Statystycznego liczba ludności w województwie warmińsko-mazurskim w grudniu 2015 r. liczyła 1 439,7 tys., a w czerwcu 2025 r. 1 343,9 tys. Oznacza to, że populacja województwa spadła w tym okresie o 95,8 tys.” [1]',
    );
    expect(a?.text.match(/Według danych/gu)?.length).toBe(1);
    expect(a?.text).not.toContain('tys. W tym roku');
  });

  it('keeps a long list item by item', () => {
    const items = Array.from(
      { length: 8 },
      (_, i) => `• w ${2010 + i} r. podpisano w ramach programu ${i + 1}0 umów,`,
    );
    const a = answer('Ile umów podpisano w 2017 r.?', [
      `Liczba umów podpisanych w kolejnych latach wyniosła:\n${items.join('\n')}`,
    ]);
    expect(a?.text).toContain('„• w 2017 r. podpisano w ramach programu 80 umów,” [1]');
    expect(a?.text).not.toContain('wyniosła: •');
  });

  it('answers „kiedy” with the sentence that holds the date, and opens with the date', () => {
    const a = answer('Kiedy goście z Yingkou odwiedzili Chorzów?', [
      'W efekcie w dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta Yingkou w Chorzowie. Nasi goście z Yingkou oprócz wizyty w Urzędzie Miasta odwiedzili Chorzów i Park Śląski.',
    ]);
    expect(a?.text.split('\n')[0]).toBe('W skrócie: „w dniach 2-3 lipca 2013 roku” [1]');
    expect(a?.text.split('\n')[3]).toContain('2-3 lipca 2013');
  });

  it('never quotes a greeting, a signature or a closing formula glued to the last sentence', () => {
    const a = answer('Jak wygląda budowa przystani żeglarskich?', [
      'Szanowny Panie Marszałku,\nbudowa przystani żeglarskich trwa w 12 gminach.',
      'Budowa przystani żeglarskich pozwoli rozwinąć turystykę wodną. Z poważaniem,\nMarcin Michalik',
    ]);
    expect(a?.text).not.toMatch(/Szanowny|poważaniem|Michalik/u);
    expect(a?.text).toContain('„Budowa przystani żeglarskich pozwoli rozwinąć turystykę wodną.”');
  });

  it('answers each part of a compound question and quotes a repeated sentence once', () => {
    const a = answer('Ile umów podpisano w ramach programu i na jaką łączną kwotę?', [
      'W ramach programu podpisano 8 umów z wykonawcami.',
      'Łączna kwota umów zawartych w ramach programu wyniosła 18 mld zł.',
      'W ramach programu podpisano 8 umów z wykonawcami.',
    ]);
    expect(a?.text).toContain('8 umów');
    expect(a?.text).toContain('18 mld zł');
    expect(a?.text.match(/„W ramach programu podpisano 8 umów/gu)?.length).toBe(1);
  });

  it('answers a figure asked for a year with the sentence that states that year', () => {
    const a = answer('Ile wydano z Funduszu Pomocy na leczenie obywateli Ukrainy w 2023 r.?', [
      'Na leczenie obywateli Ukrainy z Funduszu Pomocy wydano na leki 4 799,4 tys. zł.',
      'W roku 2023 na leczenie z Funduszu Pomocy wydano 894 751,7 tys. zł.',
    ]);
    expect(a?.text.split('\n')[0]).toContain('894 751,7 tys. zł');
  });
});
