import { analyze } from '../../src/archive/analyzer.js';
import type { SearchHit } from '../../src/archive/types.js';
import { assessAnswerability } from '../../src/answer/assess-answerability.js';
import { checkConstraints } from '../../src/answer/check-constraints.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

/** The constraint check of one letter's text, every question word seen in the archive. */
function missingFor(question: string, text: string, unseen: readonly string[] = []): string[] {
  const letter = makeLetter({ id: 'l1' });
  const hits: SearchHit[] = makePassages('l1', [text]).map((passage) => ({
    passage,
    letter,
    score: 1,
  }));
  const df = new Map(analyze(question).map((t) => [t, 5]));
  for (const word of unseen) for (const t of analyze(word)) df.delete(t);
  const answerability = assessAnswerability({
    question,
    letterTexts: [text],
    stats: { passages: 1000, df },
  });
  return checkConstraints({ question, hits, answerability, letterTexts: [text] });
}

describe('checkConstraints: years', () => {
  it('a year that only dates a cited ruling or journal is no data for that year', () => {
    // sejm/i17803-DW7HSS: 2021 appears only in a Supreme Court resolution's date and a Dz. U. citation.
    const text =
      'Emeryt mundurowy może pobierać jedno świadczenie (uchwała składu 7 sędziów z dnia 15 grudnia 2021 r., sygn. akt III UZP 3/21; Dz. U. z 2021 r. poz. 1372). W 2025 r. do zawodowej służby wojskowej powołano 9 000 żołnierzy.';
    expect(
      missingFor('Ilu żołnierzy powołano do zawodowej służby wojskowej w 2021 r.?', text),
    ).toEqual(['2021']);
    expect(
      missingFor('Ilu żołnierzy powołano do zawodowej służby wojskowej w 2025 r.?', text),
    ).toEqual([]);
  });

  it('a year in the question that only dates the act it cites is not asked for', () => {
    // titles-dev t18679: the letter answers on art. 73 of the act without restating its date.
    const text =
      'Prezes PFRON nie nałożył kar pieniężnych w wykonaniu art. 73 ustawy o dostępności.';
    expect(
      missingFor(
        'Jakie kary nałożono w wykonaniu art. 73 ustawy z dnia 26 kwietnia 2024 r. o dostępności?',
        text,
      ),
    ).toEqual([]);
  });
});

describe('checkConstraints: a figure for the asked year', () => {
  // sejm/i18401-DWQHMS: OLiOC money for 2025 and 2026; 2027 only as the next programme's period.
  const text =
    'Dla województwa warmińsko-mazurskiego przeznaczono środki finansowe w wysokości 395 668 632 zł (w 2025 r. – 191 350 632 zł oraz w 2026 r. – 204 318 000 zł). Aktualnie trwają prace legislacyjne nad Programem Ochrony Ludności i Obrony Cywilnej na lata 2027-2031, w ramach którego również możliwe będzie pozyskanie środków.';

  it('„ile … w 2027” is missing 2027 when the year stands beside no figure', () => {
    expect(missingFor('Ile pieniędzy z programu dostanie województwo w 2027 r.?', text)).toEqual([
      '2027',
    ]);
  });

  it('is answered for a year stated with its figure', () => {
    expect(missingFor('Ile pieniędzy z programu dostało województwo w 2026 r.?', text)).toEqual([]);
  });

  it('a figure in the sentence after the year counts', () => {
    const later =
      'W 2027 r. program będzie kontynuowany. Na ten cel zaplanowano 12 mln zł dla województwa.';
    expect(missingFor('Ile pieniędzy z programu dostanie województwo w 2027 r.?', later)).toEqual(
      [],
    );
  });

  it('a figure under a list that opens with the year counts (`1) Za 2025 r.: a. … b. … Niesfinansowane … 1 mln zł`)', () => {
    // sejm/i18603-DWTJ4C
    const list =
      'Oddział sfinansował:\n1) Za 2025 r.:\na. wszystkie nadwykonania w świadczeniach nielimitowanych,\nb. świadczenia ponadumowne wykonane na rzecz dzieci.\nNiesfinansowane pozostały nadwykonania w świadczeniach limitowanych na kwotę 1 mln 091 tys. zł.';
    expect(missingFor('Ile nie zapłacono za nadwykonania limitowane za 2025?', list)).toEqual([]);
  });

  it('a question that asks no figure needs only the year', () => {
    expect(missingFor('Czy program będzie kontynuowany w 2027 r.?', text)).toEqual([]);
  });
});

describe('checkConstraints: a person holding an office', () => {
  // fresh4 f4058, f4060: the letters tell what happened, never who held the office.
  const text =
    'W zakresie zdarzenia w Jarosławiu należy wskazać, że pacjent został przyjęty na SOR. Decyzja w sprawie konkursu na dyrektora Biblioteki Narodowej zostanie podjęta po zatwierdzeniu regulaminu.';

  it.each([
    'Kto był lekarzem dyżurnym SOR w Jarosławiu?',
    'Kto został nowym dyrektorem Biblioteki Narodowej?',
  ])('%s → the person is missing', (question) =>
    expect(missingFor(question, text)).toEqual(['osoba']),
  );

  it('is answered when a sentence names the holder with the office', () => {
    expect(
      missingFor(
        'Kto został nowym dyrektorem Biblioteki Narodowej?',
        'Dyrektorem Biblioteki Narodowej został dr Tomasz Makowski.',
      ),
    ).toEqual([]);
  });
});

describe('checkConstraints: unknown words', () => {
  const text =
    'Świadczenie uzupełniające dla osób niezdolnych do samodzielnej egzystencji wypłaca ZUS.';
  it('a mistyped Polish participle (`doplniajacym`) is no unknown name', () => {
    expect(
      missingFor('co z dodatkiem doplniajacym dla osob niezdolnych do egzystencji', text, [
        'doplniajacym',
      ]),
    ).toEqual([]);
  });
  it('a lower-case word no letter has and no Polish ending explains is one (`sanofi`)', () => {
    expect(
      missingFor('co z dodatkiem sanofi dla osob niezdolnych do egzystencji', text, ['sanofi']),
    ).toEqual(['sanofi']);
  });
});

describe('checkConstraints: bodies named by acronym', () => {
  it('a body whose acronym the letter neither writes nor spells out is missing', () => {
    // fresh3-holdout f3055: the letter on the UC100 bill never names UOKiK.
    const text = 'Projekt UC100 przewiduje odrębne stawki opłaty opakowaniowej dla opakowań.';
    expect(missingFor('Jak UOKiK ocenił projekt UC100 o opakowaniach?', text)).toEqual(['UOKiK']);
  });
  it('is held when the letter spells it out in any case form', () => {
    const text =
      'Po odwołaniu Prezesa Urzędu Ochrony Konkurencji i Konsumentów projekt UC100 przejęło ministerstwo.';
    expect(missingFor('Jak UOKiK ocenił projekt UC100?', text)).toEqual([]);
  });
});
