/** A two-letter archive (the Chorzów–Liaoning reply and a teachers' pay reply) for flow tests. */
import type { ArchiveIndex } from '../../src/archive/types.js';
import { makeLetter, makePassages } from './letters.js';

/** The Liaoning letter's reference number: flow tests assert it reaches the user. */
export const LIAONING_REFERENCE = 'WEN.9823.2020.RFZ';
export const LIAONING_URL = 'https://bip.chorzow.eu/pisma/wen-9823-2020-rfz.pdf';
export const LIAONING_QUESTION = 'Jak wygląda współpraca Chorzowa z prowincją Liaoning?';

/** Seeds `index` with the sample letters. */
export async function seedSampleArchive(index: ArchiveIndex): Promise<void> {
  await index.upsertLetter(
    makeLetter({
      id: 'chorzow-liaoning',
      file: 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf',
      url: LIAONING_URL,
      date: '2020-03-02',
      reference: LIAONING_REFERENCE,
      author: 'Marcin Michalik',
      authorRole: 'Zastępca Prezydenta Miasta',
      addressee: 'Pan Grzegorz Krzak, Radny Miasta Chorzów',
      pages: 2,
    }),
    makePassages('chorzow-liaoning', [
      'W 2013 roku Marszałek Województwa Śląskiego wystąpił z inicjatywą do miast naszego regionu o zintensyfikowanie współpracy z prowincją Liaoning.',
      'W dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta Yingkou w Chorzowie.',
      'Współpraca miast śląskich z miastami z prowincji Liaoning jest uzależniona od działań Urzędu Marszałkowskiego.',
    ]),
  );
  await index.upsertLetter(
    makeLetter({
      id: 'i10446',
      file: 'sejm/i10446.txt',
      title: 'w sprawie podwyżek wynagrodzeń nauczycieli',
      date: '2026-07-14',
      author: 'Henryk Kiepura',
    }),
    makePassages('i10446', [
      'Pierwszą decyzją obecnego rządu było podwyższenie płac nauczycieli o 33% w przypadku nauczycieli początkujących.',
      'Minister edukacji wystąpiła z propozycją wzrostu kwoty bazowej dla nauczycieli w 2026 r. o 10,3%.',
    ]),
  );
}
