import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { draftReply, formatDraft, type DraftReply } from '../../src/answer/draft-reply.js';
import { DRAFT_STYLES, draftToDocx } from '../../src/answer/export-docx.js';
import { createLlmClient } from '../../src/answer/llm-client.js';
import type { OfficeSettings } from '../../src/answer/draft/draft-letter.js';
import { withEditedBody } from '../../src/answer/draft/render-draft-text.js';
import { DRAFT_TEXT } from '../../src/messages.js';
import { startFakeOpenAiServer } from '../fakes/openai-server.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

const CHORZOW: OfficeSettings = {
  name: 'Urząd Miasta Chorzów',
  department: 'Wydział Rozwoju i Funduszy Zewnętrznych',
  address: 'ul. Rynek 1, 41-500 Chorzów',
  city: 'Chorzów',
  referencePattern: 'WEN.9823.{nr}.{rok}.RFZ',
  signatoryName: 'Marcin Michalik',
  signatoryRole: 'Zastępca Prezydenta Miasta',
};
const REQUEST = 'Prośba radnego o informację, jak wyglądała współpraca z prowincją Liaoning';
const now = () => new Date('2026-12-01T09:00:00Z');

/** The body paragraphs of the real Chorzów reply (the fixture's transcription). */
function liaoningParagraphs(): string[] {
  const text = fs.readFileSync(
    new URL('../fixtures/letters/chorzow-liaoning.txt', import.meta.url),
    'utf8',
  );
  const body = text.slice(
    text.indexOf('Radny Miasta Chorzów') + 'Radny Miasta Chorzów'.length,
    text.indexOf('Z poważaniem'),
  );
  // The addressee block is part of the letter's text, as ingest keeps it.
  return [
    'Pan\nGrzegorz Krzak\nRadny Miasta Chorzów',
    ...body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  ];
}

/** The archive holds the Liaoning reply twice (the scan and its text) and an unrelated letter. */
async function seeded() {
  const index = new SqliteIndex({ path: ':memory:' });
  for (const [id, file] of [
    ['liaoning-pdf', 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'],
    ['liaoning-txt', 'chorzow/kopia/wen-9823-2020-rfz.txt'],
  ] as const) {
    await index.upsertLetter(
      makeLetter({
        id,
        file,
        reference: 'WEN.9823.2020.RFZ',
        date: '2020-03-02',
        author: 'Marcin Michalik',
        authorRole: 'Zastępca Prezydenta Miasta',
        addressee: 'Pan Grzegorz Krzak, Radny Miasta Chorzów',
        title: 'Współpraca z prowincją Liaoning (odpowiedź na zapytanie radnego)',
      }),
      makePassages(id, liaoningParagraphs()),
    );
  }
  // The sample archive's other letters, so term rarity is that of a real archive.
  const sejm = new URL('../../samples/letters/sejm/', import.meta.url);
  for (const file of fs.readdirSync(sejm).filter((f) => f.endsWith('.txt'))) {
    const paragraphs = fs
      .readFileSync(new URL(file, sejm), 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 40);
    await index.upsertLetter(
      makeLetter({ id: file, file: `sejm/${file}` }),
      makePassages(file, paragraphs),
    );
  }
  return index;
}

/** The DOCX's parts, as text. */
function docxParts(bytes: Buffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]),
  );
}

/** Paragraphs of document.xml: style id, text, whether a page break comes before it. */
function paragraphsOf(documentXml: string) {
  return [...documentXml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map(
    (m) => {
      const xml = m[1] ?? m[2] ?? '';
      return {
        style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? 'Normal',
        text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        footnotes: [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((f) => f[1]),
      };
    },
  );
}

/** Sentences of the letter's body, folded for comparison. */
function bodySentences(draft: DraftReply): string[] {
  return draft.letter.paragraphs
    .flatMap((p) => p.sentences.map((s) => s.text))
    .flatMap((t) => t.split(/(?<=[.!?])\s+(?=\p{Lu})/u))
    .map((s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
}

describe('draftReply: the Chorzów case without an LLM', () => {
  test('the letter form, the 2013 visits and the cooling, cited once per fact, no sentence twice', async () => {
    const index = await seeded();
    const draft = await draftReply({
      request: REQUEST,
      to: 'Pan Grzegorz Krzak, Radny Miasta Chorzów',
      office: CHORZOW,
      index,
      now,
    });
    const { letter } = draft;
    expect(draft.kind).toBe('extractive');
    expect(letter.letterhead).toEqual([
      'Urząd Miasta Chorzów',
      'Wydział Rozwoju i Funduszy Zewnętrznych',
      'ul. Rynek 1, 41-500 Chorzów',
    ]);
    expect(letter.placeDate).toBe('Chorzów, dnia 1 grudnia 2026 r.');
    expect(letter.reference).toEqual([
      { text: 'WEN.9823.', isPlaceholder: false },
      { text: '[nr]', isPlaceholder: true },
      { text: '.2026.RFZ', isPlaceholder: false },
    ]);
    expect(letter.addressee.map((l) => l.text)).toEqual([
      'Pan',
      'Grzegorz Krzak',
      'Radny Miasta Chorzów',
    ]);
    expect(letter.salutation).toEqual({ text: 'Szanowny Panie Radny,', isPlaceholder: false });
    const body = draft.text;
    expect(body).toMatch(
      /^Szanowny Panie Radny,\n\nW odpowiedzi na Pana zapytanie z dnia \[data\] w sprawie współpracy z prowincją Liaoning uprzejmie informuję, że w 2013 roku/,
    );
    expect(body).not.toContain('Prośba radnego');
    expect(body).toContain(
      'w dniach 2-3 lipca 2013 roku gościliśmy przedstawicieli Miasta Yingkou w Chorzowie',
    );
    expect(body).toContain('w dniach 23-27 września');
    expect(body).toMatch(/Shenyang i wizytą w mieście Yingkou/);
    expect(body).toContain('w ostatnim czasie straciły na intensywności');
    // „Połączona była z delegacją…” comes with the sentence it leans on.
    expect(body).toMatch(/23-27 września\. \[\d\] Połączona była/);
    expect(letter.signatory.map((l) => l.text)).toEqual([
      'Marcin Michalik',
      'Zastępca Prezydenta Miasta',
    ]);
    // One source for the two copies, the other named on the internal page only.
    expect(new Set(draft.citations.map((c) => c.reference))).toEqual(
      new Set(['WEN.9823.2020.RFZ']),
    );
    expect(draft.citations[0]!.also).toEqual(['chorzow/kopia/wen-9823-2020-rfz.txt']);
    const sentences = bodySentences(draft);
    expect(new Set(sentences).size).toBe(sentences.length);
    // No file path in the letter; the internal page names the files.
    const plain = formatDraft(draft);
    const [letterPart, internalPart] = plain.split(DRAFT_TEXT.internalHeading);
    expect(letterPart).not.toMatch(/\.pdf|\.txt|chorzow\//);
    expect(internalPart).toContain('chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf');
    expect(internalPart).toContain(DRAFT_TEXT.missingDate);
    await index.close();
  });

  test('the DOCX: styles, footnotes, page numbers, the internal page after a section (page) break', async () => {
    const index = await seeded();
    const draft = await draftReply({
      request: REQUEST,
      to: 'Pan Grzegorz Krzak, Radny Miasta Chorzów',
      copiesTo: ['Przewodniczący Rady Miasta Chorzów'],
      requestDate: '2020-02-12',
      office: CHORZOW,
      index,
      now,
    });
    const parts = docxParts(await draftToDocx(draft));
    const paragraphs = paragraphsOf(parts['word/document.xml']!);
    const styleOf = (text: string) => paragraphs.find((p) => p.text === text)?.style;
    expect(styleOf('Urząd Miasta Chorzów')).toBe(DRAFT_STYLES.letterhead);
    expect(styleOf('Chorzów, dnia 1 grudnia 2026 r.')).toBe(DRAFT_STYLES.placeDate);
    expect(styleOf('Grzegorz Krzak')).toBe(DRAFT_STYLES.addressee);
    expect(styleOf('Szanowny Panie Radny,')).toBe(DRAFT_STYLES.salutation);
    expect(styleOf('Z poważaniem')).toBe(DRAFT_STYLES.closing);
    expect(styleOf('Marcin Michalik')).toBe(DRAFT_STYLES.signature);
    expect(styleOf('1. Przewodniczący Rady Miasta Chorzów')).toBe(DRAFT_STYLES.copiesTo);
    expect(parts['word/styles.xml']).toContain(`w:styleId="${DRAFT_STYLES.placeDate}"`);
    expect(parts['word/styles.xml']).toMatch(
      new RegExp(`w:styleId="${DRAFT_STYLES.placeDate}"[\\s\\S]*?<w:jc w:val="right"/>`),
    );
    // A4 and 2.5 cm margins; page numbers in the footer.
    expect(parts['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(parts['word/document.xml']).toMatch(/<w:pgMar w:top="1418" w:right="1418"/);
    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d*\.xml$/.test(n))?.[1];
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    // Every body fact carries a footnote naming the letter, and no footnote is empty.
    const opening = paragraphs.find((p) => p.text.startsWith('W odpowiedzi na Pana zapytanie'))!;
    expect(opening.text).toContain('z dnia 12 lutego 2020 r.');
    const refs = paragraphs.flatMap((p) => p.footnotes);
    // One note per run of sentences citing the same page, a repeat of the letter as „Tamże”.
    expect(refs.length).toBeGreaterThanOrEqual(3);
    const footnotes = [
      ...parts['word/footnotes.xml']!.matchAll(
        /<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g,
      ),
    ];
    for (const id of refs) {
      const note = footnotes.find((f) => f[1] === id)?.[2] ?? '';
      const text = [...note.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
      expect(text).toMatch(
        id === refs[0]
          ? /^Pismo znak WEN\.9823\.2020\.RFZ z dnia 2 marca 2020 r\., Marcin Michalik \(Zastępca Prezydenta Miasta\), s\. 1\.$/
          : /^Tamże, s\. [12]\.$/,
      );
      expect(text).not.toMatch(/\.pdf|\.txt/);
    }
    // The internal page starts on its own page; nothing before it names a file.
    const internal = paragraphs.findIndex((p) => p.text === DRAFT_TEXT.internalHeading);
    expect(internal).toBeGreaterThan(0);
    // …in a section of its own that starts on a new page.
    const xml = parts['word/document.xml']!;
    const before = xml.slice(0, xml.indexOf(DRAFT_TEXT.internalHeading));
    expect(before.slice(before.lastIndexOf('<w:p>'))).not.toContain('<w:sectPr');
    expect(before.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)).toHaveLength(1);
    expect(xml.slice(xml.indexOf(DRAFT_TEXT.internalHeading))).toMatch(
      /<w:type w:val="nextPage"\/>/,
    );
    expect(paragraphs[internal]!.style).toBe(DRAFT_STYLES.internalHeading);
    const letterText = paragraphs
      .slice(0, internal)
      .map((p) => p.text)
      .join('\n');
    expect(letterText).not.toMatch(/\.pdf|\.txt/);
    const sentences = letterText
      .split(/(?<=[.!?])\s+/u)
      .filter((s) => s.length > 30)
      .map((s) => s.toLowerCase());
    expect(new Set(sentences).size).toBe(sentences.length);
    // The reference blank is highlighted for the clerk.
    expect(parts['word/document.xml']).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]*?\[nr\]/);
    await index.close();
  });

  test('the clerk’s edited body goes into the DOCX with its [n] as footnotes', async () => {
    const index = await seeded();
    const draft = await draftReply({ request: REQUEST, to: 'Pan Grzegorz Krzak', index, now });
    const edited = `${draft.text}\n\nDopisek urzędnika bez źródła.`;
    const letter = withEditedBody(draft.letter, edited, draft.citations.length);
    const parts = docxParts(await draftToDocx({ ...draft, letter, text: edited }));
    const paragraphs = paragraphsOf(parts['word/document.xml']!);
    expect(paragraphs.some((p) => p.text === 'Dopisek urzędnika bez źródła.')).toBe(true);
    const unedited = paragraphsOf(docxParts(await draftToDocx(draft))['word/document.xml']!);
    expect(paragraphs.flatMap((p) => p.footnotes)).toHaveLength(
      unedited.flatMap((p) => p.footnotes).length,
    );
    await index.close();
  });
});

describe('draftReply: a request the archive cannot support', () => {
  test('the body invents nothing; the internal page says what is missing', async () => {
    const index = await seeded();
    const draft = await draftReply({
      request: 'Wniosek o budowę krytej pływalni w Wąbrzeźnie',
      to: 'Pani Anna Nowak, Radna Miasta Chorzów',
      office: CHORZOW,
      index,
      now,
    });
    expect(draft.kind).toBe('refusal');
    expect(draft.citations).toEqual([]);
    expect(draft.letter.salutation.text).toBe('Szanowna Pani Radna,');
    const sentences = draft.letter.paragraphs.flatMap((p) => p.sentences);
    expect(sentences.map((s) => s.text)).toEqual([
      'W odpowiedzi na Pani wniosek z dnia [data] w sprawie budowy krytej pływalni w Wąbrzeźnie uprzejmie przedstawiam poniższe informacje.',
      DRAFT_TEXT.bodyBlank,
    ]);
    expect(sentences.every((s) => s.sources.length === 0)).toBe(true);
    expect(draft.letter.internal.sources).toEqual([]);
    expect(draft.letter.internal.missing[0]).toBe(
      DRAFT_TEXT.missingAll.replace('{request}', 'Wniosek o budowę krytej pływalni w Wąbrzeźnie'),
    );
    const parts = docxParts(await draftToDocx(draft));
    expect(parts['word/footnotes.xml'] ?? '').not.toContain('Pismo znak');
    await index.close();
  });
});

describe('draftReply with an LLM', () => {
  test('the schema is enforced with one retry, and citations are verified', async () => {
    const index = await seeded();
    const server = await startFakeOpenAiServer();
    try {
      server.enqueue(
        { text: 'Oto szkic: w 2013 roku…' },
        {
          text: JSON.stringify({
            paragraphs: [
              {
                sentences: [
                  {
                    text: 'w dniach 2-3 lipca 2013 roku gościliśmy w Chorzowie przedstawicieli Miasta Yingkou.',
                    sources: [1],
                  },
                  { text: 'Rewizja odbyła się w Pekinie.', sources: [42] },
                ],
              },
            ],
            missing: ['Plany współpracy na 2027 rok.'],
          }),
        },
      );
      const llm = createLlmClient({ model: 'fake', baseUrl: server.baseUrl, maxRetries: 0 });
      const draft = await draftReply({
        request: REQUEST,
        to: 'Pan Grzegorz Krzak, Radny Miasta Chorzów',
        office: CHORZOW,
        index,
        llm,
        now,
      });
      expect(draft.kind).toBe('llm');
      expect(server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(2);
      expect(server.requests.at(-1)!.body.messages!.at(-1)!.content).toContain(
        'nie pasuje do wymaganego formatu',
      );
      const [first, second] = draft.letter.paragraphs[0]!.sentences;
      expect(first!.text).toMatch(
        /^W odpowiedzi na Pana zapytanie .* uprzejmie informuję, że w dniach 2-3 lipca/,
      );
      expect(first!.sources).toEqual([1]);
      expect(second!.sources).toEqual([]);
      expect(draft.removedCitations).toBe(1);
      expect(draft.citations).toHaveLength(1);
      expect(draft.letter.internal.missing).toContain('Plany współpracy na 2027 rok.');
      const [system, user] = server.requests[0]!.body.messages!;
      expect(system!.content).toMatch(/wyłącznie dane/);
      expect(user!.content).toContain('Adresat: Pan Grzegorz Krzak, Radny Miasta Chorzów');
    } finally {
      await server.close();
      await index.close();
    }
  });
});
