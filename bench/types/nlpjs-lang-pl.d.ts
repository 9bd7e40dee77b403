/** The part of `@nlpjs/lang-pl` the analyzer comparison uses (the package ships no types). */
declare module '@nlpjs/lang-pl' {
  export class StemmerPl {
    stemWord(word: string): string;
  }
}
