/**
 * The behaviour every `ArchiveIndex` must have, whichever engine stores it.
 * `SqliteIndex` runs it in sqlite-index.test.ts; `QdrantIndex` runs the same
 * suite against the spec-validated fake in qdrant-index.test.ts. Each test
 * builds its own index.
 */
import { analyze, createAnalyzer, STEMMERS, type Analyzer } from '../../src/archive/analyzer.js';
import { wholeLetterText } from '../../src/archive/whole-letter-text.js';
import type { ArchiveIndex } from '../../src/archive/types.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

export interface OpenTestIndexOptions {
  /** The same name opens the same stored data again; omitted, a fresh empty store. */
  readonly store?: string;
  /** The index's analyzer; the default one when omitted. */
  readonly analyzer?: Analyzer;
  /** Size of the dense vectors the store must hold (Qdrant fixes it when the collection is created). */
  readonly dimensions?: number;
}

export type IndexFactory = (options?: OpenTestIndexOptions) => Promise<ArchiveIndex>;

let storeCounter = 0;
/** A store name no other test uses. */
const freshStore = () => `contract_${process.pid}_${++storeCounter}`;

const LIAONING = makeLetter({
  id: 'chorzow-liaoning',
  file: 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf',
  title: null,
  date: '2020-03-02',
  reference: 'WEN.9823.2020.RFZ',
  author: 'Marcin Michalik',
  authorRole: 'Zastępca Prezydenta Miasta',
  addressee: 'Pan Grzegorz Krzak, Radny Miasta Chorzów',
  pages: 2,
});
const LIAONING_TEXT = [
  'W 2013 roku Marszałek Województwa Śląskiego wystąpił z inicjatywą do miast naszego regionu o zintensyfikowanie współpracy z prowincją Liaoning.',
  'W dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta Yingkou w Chorzowie.',
  'Współpraca miast śląskich z miastami z prowincji Liaoning jest uzależniona od działań Urzędu Marszałkowskiego.',
];
const TEACHERS = makeLetter({
  id: 'i10446',
  file: 'sejm/i10446-DVZJJK.txt',
  title: 'w sprawie podwyżek wynagrodzeń nauczycieli',
  date: '2026-07-14',
  author: 'Henryk Kiepura',
  interpellation: '10446',
});
const TEACHERS_TEXT = [
  'Pierwszą decyzją obecnego rządu było podwyższenie płac nauczycieli o 33% w przypadku nauczycieli początkujących.',
  'Minister edukacji wystąpiła z propozycją wzrostu kwoty bazowej dla nauczycieli w 2026 r. o 10,3%.',
];

async function seeded(factory: IndexFactory): Promise<ArchiveIndex> {
  const index = await factory();
  await index.upsertLetter(LIAONING, makePassages(LIAONING.id, LIAONING_TEXT));
  await index.upsertLetter(TEACHERS, makePassages(TEACHERS.id, TEACHERS_TEXT));
  return index;
}

/** Registers the contract tests for one backend. */
export function describeArchiveIndexContract(name: string, factory: IndexFactory): void {
  describe(`ArchiveIndex contract: ${name}`, () => {
    let index: ArchiveIndex;
    afterEach(async () => {
      await index?.close();
    });

    test('finds a letter by an inflected, diacritics-free query and returns its metadata', async () => {
      index = await seeded(factory);
      const hits = await index.search('wspolpraca z Liaoning', { k: 5 });
      expect(hits[0]?.letter.id).toBe('chorzow-liaoning');
      expect(hits[0]?.letter.reference).toBe('WEN.9823.2020.RFZ');
      expect(hits[0]?.passage.letterId).toBe('chorzow-liaoning');
      expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
    });

    test('ranks the letter about the query first', async () => {
      index = await seeded(factory);
      const hits = await index.search('podwyżki płac nauczycieli', { k: 5 });
      expect(hits[0]?.letter.id).toBe('i10446');
    });

    test('a reference number in any spelling finds its letter, by search and by filter', async () => {
      index = await seeded(factory);
      // Same unit, case number and initials, another year: only the whole reference tells them apart.
      const decoy = makeLetter({
        id: 'decoy',
        reference: 'WEN.9823.2021.RFZ',
        author: 'Marcin Michalik',
      });
      await index.upsertLetter(
        decoy,
        makePassages('decoy', ['Współpraca z prowincją Liaoning w roku 2021 według WEN 9823.']),
      );
      for (const spelling of [
        'WEN.9823.2020.RFZ',
        'WEN. 9823 2020. RFZ',
        'wen.9823.2020.rfz',
        'WEN.9823.2020',
        'WEN 9823.2020',
      ]) {
        const hits = await index.search(spelling, { k: 3 });
        expect([spelling, hits[0]?.letter.id]).toEqual([spelling, 'chorzow-liaoning']);
        const filtered = await index.search('Liaoning', { k: 10, filter: { reference: spelling } });
        expect([spelling, [...new Set(filtered.map((h) => h.letter.id))]]).toEqual([
          spelling,
          ['chorzow-liaoning'],
        ]);
      }
    });

    test('returns nothing for a query with no known term, and honours k', async () => {
      index = await seeded(factory);
      expect(await index.search('zzzyyyxxx', { k: 5 })).toEqual([]);
      expect((await index.search('Liaoning Yingkou nauczycieli', { k: 1 })).length).toBe(1);
    });

    test('upsert replaces all passages of a letter atomically', async () => {
      index = await seeded(factory);
      await index.upsertLetter(
        { ...LIAONING, contentHash: 'v2' },
        makePassages(LIAONING.id, ['Tylko jeden akapit o Shenyang.']),
      );
      expect((await index.getPassages(LIAONING.id)).map((p) => p.text)).toEqual([
        'Tylko jeden akapit o Shenyang.',
      ]);
      expect(await index.search('Yingkou', { k: 5 })).toEqual([]);
      expect((await index.listLetters()).find((l) => l.id === LIAONING.id)?.contentHash).toBe('v2');
      expect((await index.stats()).passages).toBe(1 + TEACHERS_TEXT.length);
    });

    test('delete removes the letter and its passages; unknown ids are fine', async () => {
      index = await seeded(factory);
      await index.deleteLetter(LIAONING.id);
      await index.deleteLetter('no-such-letter');
      expect(await index.getLetter(LIAONING.id)).toBeNull();
      expect(await index.search('Liaoning', { k: 5 })).toEqual([]);
      expect((await index.listLetters()).map((l) => l.id)).toEqual(['i10446']);
    });

    test('listLetters and stats report what is stored', async () => {
      index = await seeded(factory);
      const digests = await index.listLetters();
      expect(digests.map((d) => d.id).sort()).toEqual(['chorzow-liaoning', 'i10446']);
      expect(digests.find((d) => d.id === 'i10446')).toEqual({
        id: 'i10446',
        file: 'sejm/i10446-DVZJJK.txt',
        contentHash: 'hash-i10446',
      });
      const stats = await index.stats();
      expect(stats.letters).toBe(2);
      expect(stats.passages).toBe(LIAONING_TEXT.length + TEACHERS_TEXT.length);
      expect(stats.lastSync).toBeNull();
      await index.markSynced(new Date('2026-11-27T10:00:00Z'));
      expect((await index.stats()).lastSync).toBe('2026-11-27T10:00:00.000Z');
    });

    test('getLetter and getPassages return stored data in order', async () => {
      index = await seeded(factory);
      expect(await index.getLetter('chorzow-liaoning')).toEqual(LIAONING);
      const passages = await index.getPassages('chorzow-liaoning');
      expect(passages.map((p) => p.ordinal)).toEqual([0, 1, 2]);
      expect(passages[1]).toMatchObject({
        id: 'chorzow-liaoning:1',
        page: 1,
        text: LIAONING_TEXT[1],
      });
    });

    test('date filters apply inside the query', async () => {
      index = await seeded(factory);
      const q = 'Liaoning nauczycieli';
      const from2026 = await index.search(q, { k: 10, filter: { dateFrom: '2026-01-01' } });
      expect(new Set(from2026.map((h) => h.letter.id))).toEqual(new Set(['i10446']));
      const in2020 = await index.search(q, {
        k: 10,
        filter: { dateFrom: '2020-01-01', dateTo: '2020-12-31' },
      });
      expect(new Set(in2020.map((h) => h.letter.id))).toEqual(new Set(['chorzow-liaoning']));
    });

    test('reference, author and letter-id filters', async () => {
      index = await seeded(factory);
      const q = 'Liaoning nauczycieli';
      expect(
        new Set(
          (await index.search(q, { k: 10, filter: { reference: 'WEN.9823.2020.RFZ' } })).map(
            (h) => h.letter.id,
          ),
        ),
      ).toEqual(new Set(['chorzow-liaoning']));
      expect(
        new Set(
          (await index.search(q, { k: 10, filter: { author: 'Kiepura' } })).map((h) => h.letter.id),
        ),
      ).toEqual(new Set(['i10446']));
      expect(
        new Set(
          (await index.search(q, { k: 10, filter: { letterIds: ['i10446'] } })).map(
            (h) => h.letter.id,
          ),
        ),
      ).toEqual(new Set(['i10446']));
    });

    test('termStats counts passages per analyzed term', async () => {
      index = await seeded(factory);
      const stats = await index.termStats(['liaoning', 'nauczyciel', 'zzzyyy']);
      expect(stats.passages).toBe(LIAONING_TEXT.length + TEACHERS_TEXT.length);
      expect(stats.df.get('liaoning')).toBe(2);
      expect(stats.df.get('zzzyyy') ?? 0).toBe(0);
    });

    test('an index written with another analyzer is emptied on open, so the next sync re-adds every letter', async () => {
      const store = freshStore();
      const light = () => createAnalyzer({ name: 'light', stem: STEMMERS.light });
      index = await factory({ store, analyzer: light() });
      await index.upsertLetter(LIAONING, makePassages(LIAONING.id, LIAONING_TEXT));
      await index.markSynced(new Date('2026-11-27T10:00:00Z'));
      await index.close();
      index = await factory({ store, analyzer: light() });
      expect(await index.stats()).toMatchObject({ letters: 1, passages: LIAONING_TEXT.length });
      await index.close();
      index = await factory({ store });
      expect(await index.stats()).toMatchObject({ letters: 0, passages: 0, lastSync: null });
      expect(await index.listLetters()).toEqual([]);
      expect(await index.search('Liaoning', { k: 5 })).toEqual([]);
      // What the next sync writes is stored and found with the new analyzer.
      await index.upsertLetter(LIAONING, makePassages(LIAONING.id, LIAONING_TEXT));
      expect((await index.search('współpracy z Liaoning', { k: 1 }))[0]?.letter.id).toBe(
        'chorzow-liaoning',
      );
      await index.close();
      index = await factory({ store });
      expect((await index.stats()).letters).toBe(1);
    });

    test('vector search ranks passages stored with vectors by cosine similarity, inside the filters', async () => {
      index = await factory({ dimensions: 3 });
      const secret = makeLetter({ id: 'secret', accessGroup: 'zarzad' });
      await index.upsertLetter(LIAONING, makePassages(LIAONING.id, LIAONING_TEXT.slice(0, 2)), {
        vectors: [
          [1, 0, 0],
          [0.6, 0.8, 0],
        ],
      });
      await index.upsertLetter(TEACHERS, makePassages(TEACHERS.id, TEACHERS_TEXT.slice(0, 1)), {
        vectors: [[0, 0, 5]],
      });
      await index.upsertLetter(secret, makePassages('secret', ['Poufna notatka.']), {
        vectors: [[2, 0.1, 0]],
      });
      expect(index.searchByVector).toBeDefined();
      const near = await index.searchByVector!([0.9, 0.05, 0], {
        k: 3,
        filter: { accessGroups: [] },
      });
      expect(near.map((h) => h.passage.id)).toEqual([
        'chorzow-liaoning:0',
        'chorzow-liaoning:1',
        'i10446:0',
      ]);
      expect(near[0]?.letter.reference).toBe('WEN.9823.2020.RFZ');
      expect(near[0]?.score).toBeCloseTo(1, 2);
      expect(near.every((h, i) => i === 0 || h.score <= near[i - 1]!.score)).toBe(true);
      const board = await index.searchByVector!([0.9, 0.05, 0], {
        k: 1,
        filter: { accessGroups: ['zarzad'] },
      });
      expect(board.map((h) => h.letter.id)).toEqual(['secret']);
      const teachers = await index.searchByVector!([1, 0, 0], {
        k: 5,
        filter: { letterIds: ['i10446'] },
      });
      expect(teachers.map((h) => h.passage.id)).toEqual(['i10446:0']);
    });

    test('upsert options: vectors are stored per passage, a letter without them stays lexical, a miscount is refused', async () => {
      index = await factory({ dimensions: 3 });
      await index.upsertLetter(LIAONING, makePassages(LIAONING.id, LIAONING_TEXT), {
        vectors: [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
      });
      await index.upsertLetter(TEACHERS, makePassages(TEACHERS.id, TEACHERS_TEXT));
      const dense = await index.searchByVector!([0, 1, 0], { k: 10 });
      expect(dense.map((h) => h.passage.id)[0]).toBe('chorzow-liaoning:1');
      expect(new Set(dense.map((h) => h.letter.id))).toEqual(new Set(['chorzow-liaoning']));
      expect((await index.search('nauczycieli', { k: 1 }))[0]?.letter.id).toBe('i10446');
      await expect(
        index.upsertLetter(
          { ...LIAONING, contentHash: 'v2' },
          makePassages(LIAONING.id, ['Jeden akapit.']),
          {
            vectors: [
              [1, 0, 0],
              [0, 1, 0],
            ],
          },
        ),
      ).rejects.toThrow(/2 vectors for 1 passages/);
      // The refused write changed nothing.
      expect((await index.listLetters()).find((l) => l.id === LIAONING.id)?.contentHash).toBe(
        LIAONING.contentHash,
      );
      expect((await index.getPassages(LIAONING.id)).length).toBe(LIAONING_TEXT.length);
    });

    test('access groups: restricted letters are only visible to their group', async () => {
      index = await factory();
      const secret = makeLetter({ id: 'secret', accessGroup: 'zarzad' });
      await index.upsertLetter(
        secret,
        makePassages('secret', ['Poufna notatka o Liaoning dla zarządu.']),
      );
      await index.upsertLetter(LIAONING, makePassages(LIAONING.id, LIAONING_TEXT));
      const publicIds = (
        await index.search('Liaoning', { k: 10, filter: { accessGroups: [] } })
      ).map((h) => h.letter.id);
      expect(publicIds).not.toContain('secret');
      expect(publicIds).toContain('chorzow-liaoning');
      const boardIds = (
        await index.search('Liaoning', { k: 10, filter: { accessGroups: ['zarzad'] } })
      ).map((h) => h.letter.id);
      expect(boardIds).toContain('secret');
    });

    test("letter terms: the whole letter's analysed terms are stored at ingest and replaced with the letter", async () => {
      index = await factory();
      const passages = makePassages(LIAONING.id, LIAONING_TEXT);
      await index.upsertLetter(LIAONING, passages);
      const stored = (await index.letterTerms!([LIAONING.id, 'missing'])).get(LIAONING.id) ?? [];
      expect([...stored].sort()).toEqual(
        [...new Set(analyze(wholeLetterText(LIAONING, passages)))].sort(),
      );
      expect(stored).toEqual(
        expect.arrayContaining([analyze('Liaoning')[0], analyze('Michalik')[0]]),
      );
      await index.upsertLetter(LIAONING, makePassages(LIAONING.id, ['Kopalnia Wujek.']));
      const replaced = (await index.letterTerms!([LIAONING.id])).get(LIAONING.id) ?? [];
      expect(replaced).toContain(analyze('kopalnia')[0]);
      expect(replaced).not.toContain(analyze('Yingkou')[0]);
      expect((await index.letterTerms!(['missing'])).size).toBe(0);
    });
  });
}
