import { directSpan, hasAnswerType, questionParts } from '../../src/answer/answer-types.js';

describe('questionParts', () => {
  it.each([
    ['Kiedy goście z Yingkou odwiedzili Chorzów?', ['kiedy']],
    ['Od kiedy obowiązuje nowa stawka?', ['kiedy']],
    ['Ile umów z KPO podpisano i na jaką łączną kwotę?', ['ile', 'ile']],
    ['Kto prowadzi postępowanie i kiedy je wszczęto?', ['kto', 'kiedy']],
    ['Jaki odsetek rocznika 2011 zaszczepiono przeciw HPV?', ['ile']],
    ['Dlaczego ministerstwo nie wprowadziło zmian?', ['dlaczego']],
    ['Czy rząd planuje zmianę przepisów?', ['czy']],
    ['Z jakiego artykułu Kodeksu karnego wszczęto postępowanie?', ['przepis']],
    ['Gdzie powstanie nowy szpital?', ['gdzie']],
    ['Jak wyglądała współpraca Chorzowa z prowincją Liaoning?', [null]],
    ['ile kasy dostaly osp i od kiedy', ['ile', 'kiedy']],
    ['Za jaką cenę kupiono budynek ambasady?', ['ile']],
    // typed-dev y018, fresh2 f2015, fresh3 f3049, typed-dev y026: bodies in the plural and dative, addresses.
    ['Które instytucje kultury współpracowały przy kampanii?', ['kto']],
    ['Któremu organowi przekazano skargę?', ['kto']],
    ['Która prokuratura prowadzi śledztwo?', ['kto']],
    ['Pod jakim adresem leży nieruchomość?', ['gdzie']],
    ['jakie dlugi ma szpital w mlawie', ['ile']],
    ['co z dyzurami weterynarzy? z kim ministerstwo to ustala', ['kto']],
    ['Jakie dodatkowe roczne wydatki oszacowano?', ['ile']],
    ['Jaki jest próg zawieszenia renty od marca 2026?', ['ile']],
  ])('%s → %j', (question, types) => {
    expect(questionParts(question).map((p) => p.type)).toEqual(types);
  });

  it('keeps the text of each part', () => {
    expect(questionParts('Ile umów podpisano i na jaką kwotę?').map((p) => p.text)).toEqual([
      'Ile umów podpisano',
      'na jaką kwotę?',
    ]);
  });
});

describe('hasAnswerType', () => {
  it.each([
    [
      'W efekcie w dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta Yingkou w Chorzowie.',
      'kiedy',
      true,
    ],
    [
      'Nasi goście oprócz wizyty w Urzędzie Miasta mieli okazję spotkać się z dyrekcją.',
      'kiedy',
      false,
    ],
    ['Program obejmuje realizację 129 kluczowych projektów.', 'ile', true],
    ['Zgodnie z art. 126 ust. 8 ustawy szkody są szacowane.', 'ile', false],
    ['Zgodnie z art. 126 ust. 8 ustawy szkody są szacowane.', 'przepis', true],
    ['Ministerstwo nie planuje zmiany tych przepisów.', 'czy', true],
    ['Zmiana nie jest możliwa, ponieważ wymaga zgody Komisji Europejskiej.', 'dlaczego', true],
    ['Postępowanie prowadzi Prokuratura Okręgowa w Gdańsku.', 'kto', true],
    // Reasons and decisions as official letters put them (typed-dev y031, y042, y026; fresh-holdout fh018).
    ['Taka modyfikacja mogłaby spowodować skutek odwrotny.', 'dlaczego', true],
    [
      'Danych nie można wygenerować z systemu, albowiem ich wprowadzanie nie jest obligatoryjne.',
      'dlaczego',
      true,
    ],
    ['Ministerstwo prowadzi nabór kandydatów do służby w całym kraju.', 'dlaczego', false],
    ['Od 2024 r. kontrole fundacji nie były przeprowadzane.', 'czy', true],
    ['Nieruchomość położona pod adresem: 1740 Massachusetts Avenue NW, Washington.', 'gdzie', true],
  ] as const)('%s has %s: %s', (sentence, type, expected) =>
    expect(hasAnswerType(sentence, type)).toBe(expected),
  );
});

describe('hasAnswerType with the question', () => {
  const question = 'Kto decyduje o zamknięciu punktu obsługi klientów NFZ w Suchej Beskidzkiej?';
  it('does not count a name the question itself gives as the asked body', () =>
    expect(
      hasAnswerType(
        'Analizy miały wpływ na decyzję o zamknięciu punktu w Suchej Beskidzkiej.',
        'kto',
        question,
      ),
    ).toBe(false));
  it('counts a body the question does not name', () =>
    expect(
      hasAnswerType(
        'Punkty obsługi klientów tworzy i znosi dyrektor oddziału wojewódzkiego Funduszu.',
        'kto',
        question,
      ),
    ).toBe(true));
  it('does not count an act whose date is the only date', () =>
    expect(
      hasAnswerType(
        '§ 10 zarządzenia nr 30 Komendanta Głównego Policji z dnia 22 września 2017 r. w sprawie pełnienia służby na drogach.',
        'kiedy',
      ),
    ).toBe(false));
});

describe('directSpan: the year after the amount', () => {
  it('gives the amount the asked year follows (fresh4 f4040)', () => {
    expect(
      directSpan(
        'Koszty płatnika publicznego na refundację wyrobów diabetologicznych rosną – z ok. 46,3 mln zł w 2016 r. do ponad 637,7 mln zł w 2025 r.',
        'ile',
        'ile wydano na refundację wyrobów diabetologicznych w 2025',
      ),
    ).toBe('ponad 637,7 mln zł');
  });
});

describe('directSpan', () => {
  it('gives the amount with what it counts when that noun comes two words after the number', () => {
    // sejm/i17618-DW7HSQ: the CSIRT KNF figure in the next sentence shares the adjective only.
    expect(
      directSpan(
        'Jednym z głównych narzędzi jest prowadzona przez CERT Polska Lista Ostrzeżeń przed niebezpiecznymi domenami, na którą w 2025 r. wpisano aż 244 341 szkodliwych domen, dzięki czemu zablokowano około 141,1 miliona prób wejść na fałszywe strony.',
        'ile',
        'ile niebezpiecznych domen wrzucil cert polska na liste ostrzezen w 2025',
      ),
    ).toBe('244 341 szkodliwych domen');
    // A footnote number before a title (`Młodzieży”6 Diagnoza Młodzieży, …`) counts nothing.
    expect(
      directSpan(
        '6 Diagnoza Młodzieży, Polskie Towarzystwo Polityki Społecznej, Warszawa 2026.',
        'ile',
        'na ilu badaniach oparli ta diagnoze mlodziezy 2026 od MEN?',
      ),
    ).toBeNull();
  });
  it('gives no date of a cited resolution, its name long and in the locative (`w Uchwale … z dnia`)', () => {
    // sejm/i18668-DWVHCM.
    expect(
      directSpan(
        'Projekt jest procedowany przy zachowaniu wymogów określonych w Uchwale Nr 190 Rady Ministrów Regulamin pracy Rady Ministrów z dnia z dnia 29 października 2013 r. (M.P. z 2026 r. poz. 404).',
        'kiedy',
        'kiedy Rada Ministrów ma go przyjąć?',
      ),
    ).toBeNull();
  });
  it('gives a quarter written in words whole, and finds no `I kwartał` inside „drugi kwartał”', () => {
    // sejm/i17250-DVHFZR.
    expect(
      directSpan(
        'Ze względu na zaplanowany harmonogram prac rozwojowych aplikacji Ministerstwo przesunęło rozmowy w tym zakresie na pierwszy lub drugi kwartał 2027 roku.',
        'kiedy',
        'kiedy MC ma rozmawiac z gis o ostrzezeniach w mobywatelu',
      ),
    ).toBe('na pierwszy lub drugi kwartał 2027 roku');
  });
  it('gives a quarter as a date, and leaves an abbreviation after an amount out of it', () => {
    // i18668-DWVHCM and i18091-DVXJ87.
    expect(
      directSpan(
        'Przyjęcie projektu przez Radę Ministrów planowane jest w III kwartale 2026 r.',
        'kiedy',
        'Kiedy Rada Ministrów ma przyjąć projekt?',
      ),
    ).toBe('w III kwartale 2026 r.');
    expect(
      directSpan(
        'Kwota wskazywana w mediach, tj. 1,56 mld zł dot. wydatków przekazanych do certyfikacji.',
        'ile',
        'Ile wydatków przekazano do certyfikacji (kwota)?',
      ),
    ).toBe('1,56 mld zł');
  });
  it('gives a four-digit amount written without a space', () => {
    expect(
      directSpan(
        'Ponadto 20 czerwca 2026 r. przeprowadzono trening pierwszej pomocy, realizowany w 1035 punktach.',
        'ile',
        'W ilu punktach robiono trening 20 czerwca?',
      ),
    ).toBe('1035 punktach');
  });
  it('reads „ile zalega” as asking for money', () => {
    expect(
      directSpan(
        'Szpital wykonał 120 świadczeń, a zaległość Oddziału wynosi 1 528 933,06 zł.',
        'ile',
        'Ile NFZ zalega szpitalowi?',
      ),
    ).toBe('1 528 933,06 zł');
  });

  it('gives the date of a kiedy answer', () => {
    expect(
      directSpan(
        'W efekcie w dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta Yingkou w Chorzowie.',
        'kiedy',
      ),
    ).toBe('w dniach 2-3 lipca 2013 roku');
    expect(directSpan('Ustawa wejdzie w życie 17.08.2026 r. po ogłoszeniu.', 'kiedy')).toBe(
      '17.08.2026 r.',
    );
  });
  it('gives the amount of what was asked, not a law citation or a year', () => {
    const sentence =
      'W ramach art. 12 w latach 2024-2026 podpisano 8 umów na łączną wartość ok. 18 mld zł.';
    expect(directSpan(sentence, 'ile', 'Ile umów podpisano?')).toBe('8 umów');
    expect(directSpan(sentence, 'ile', 'Na jaką kwotę?')).toBe('ok. 18 mld zł');
  });
  it("skips a law's own date and an ordinal", () => {
    const law =
      'Nowelizacja ustawy z dnia 5 lipca 2018 r. o krajowym systemie cyberbezpieczeństwa weszła w życie w dniu 3 kwietnia 2026 r.';
    expect(directSpan(law, 'kiedy', 'Kiedy weszła w życie nowelizacja?')).toBe(
      '3 kwietnia 2026 r.',
    );
    const ordinal =
      'Wnioskodawca powyżej 12. roku życia jest zobowiązany w terminie 30 dni zgłosić się do organu gminy.';
    expect(directSpan(ordinal, 'ile', 'Ile czasu ma wnioskodawca?')).toBe('30 dni');
  });
  it("gives no direct line when the sentence's only dates are a cited act's and its journal's (from the corpus)", () => {
    const directive =
      'Do opracowania projektu ustawy mającej na celu wdrożenie dyrektywy Parlamentu Europejskiego i Rady (UE) 2023/2225 z dnia 18 października 2023 r. w sprawie umów o kredyt konsumencki (Dz. Urz. UE L 2023/2225 z 30.10.2023).';
    expect(
      directSpan(directive, 'kiedy', 'Kiedy premier odebrał UOKiK ustawę o kredycie konsumenckim?'),
    ).toBeNull();
  });
  it('gives no amount that does not say what was asked, and of several the one next to the asked year', () => {
    expect(
      directSpan(
        'Projekt będzie realizowany przez 12 miesięcy w wybranych urzędach pracy.',
        'ile',
        'W ilu urzędach testowali punkty?',
      ),
    ).toBeNull();
    const years =
      'Przeznaczono następujące środki: 2022 rok - 2 931,8 tys. zł; 2023 rok - 4 799,4 tys. zł; 2024 rok - 5 998,5 tys. zł.';
    expect(directSpan(years, 'ile', 'Ile wydano z funduszu w 2023?')).toBe('4 799,4 tys. zł');
    expect(
      directSpan(
        'W 2025 r. nakłady wyniosły 232,2 mld zł co stanowi 6,81% PKB.',
        'ile',
        'Ile wydaliśmy w 2025?',
      ),
    ).toBe('232,2 mld zł');
  });
  it('gives nothing for types without a short span', () => {
    expect(directSpan('Ministerstwo nie planuje zmian.', 'czy')).toBeNull();
  });
});
