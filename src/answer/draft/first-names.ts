/**
 * Common Polish first names by gender, the only evidence besides an explicit
 * `Pan`/`Pani` for the salutation's gender: a name missing from both lists
 * leaves the gender unknown (a blank for the clerk), it is never guessed from
 * the ending (`Kuba`, `Barnaba` are men).
 */
const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

export const MALE_FIRST_NAMES = words(
  'adam adrian aleksander andrzej antoni arkadiusz artur bartłomiej bartosz błażej bogdan bogusław ' +
    'bronisław cezary czesław damian daniel dariusz dawid dominik edward emil eugeniusz filip franciszek ' +
    'grzegorz henryk hubert ignacy igor jacek jakub jan janusz jarosław jerzy józef julian kacper kamil ' +
    'karol kazimierz konrad krystian krzysztof leszek łukasz maciej marcin marek marian mariusz mateusz ' +
    'michał mieczysław mikołaj miłosz mirosław norbert oskar patryk paweł piotr przemysław radosław rafał ' +
    'robert roman ryszard sebastian sławomir stanisław stefan szymon tadeusz tomasz wacław waldemar ' +
    'wiesław wiktor witold władysław włodzimierz wojciech zbigniew zdzisław zenon zygmunt kuba barnaba',
);

export const FEMALE_FIRST_NAMES = words(
  'agata agnieszka aleksandra alicja amelia aneta aniela anna antonina barbara beata bogumiła bożena ' +
    'danuta dominika dorota edyta elżbieta emilia ewa ewelina grażyna halina hanna helena irena iwona ' +
    'izabela jadwiga janina joanna jolanta julia justyna kamila karolina katarzyna kinga klaudia ' +
    'krystyna lena lidia lucyna magdalena małgorzata maria marianna marta marzena monika natalia ' +
    'nikola oliwia patrycja paulina renata róża sabina stanisława stefania sylwia teresa urszula ' +
    'wanda weronika wiesława wiktoria zofia zuzanna żaneta',
);
