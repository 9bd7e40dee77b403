/**
 * Builds the sample archive in `samples/letters/` from the shared corpus:
 * the Chorzów letter as a two-page PDF laid out like the original, and 20
 * Sejm interpellation replies that dev questions ask about (16 copied as
 * text, 4 rendered as PDFs). Output is deterministic, so re-running it does
 * not churn git. Run: `npx tsx scripts/make-samples.ts [CORPUS_DIR]`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePdf, type PdfParagraph } from '../test/fixtures/make-pdf.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = process.argv[2] ?? '/work/shared/corpus';
const CHORZOW_NAME = '2020-03-02-wen-9823-2020-rfz-liaoning';

/** Replies named as `relevant` by dev questions (question id in the comment). */
const SEJM_TEXT = [
  'i18225-DVYHXU', // f002
  'i18193-DWQHMC', // f005
  'i17350-DW2HLG', // f007
  'i18430-DWHJPA', // f011
  'i18090-DWLHP9', // f013
  'i18459-DWMHUN', // p005
  'i17211-DVJFZX', // p007
  'i18398-DWNFBV', // p014
  'i18113-DVZJK8', // p041
  'i17992-DW3J3Y', // p052
  'i18407-DWPJ4T', // p069
  'i11845-DVJFZM', // t11845
  'i12864-DW8HN6', // t12864
  'i15703-DWEHL6', // t15703
  'i16232-DWMHTN', // t16232
  'i15498-DVRCPZ', // t15498
] as const;
/** Rendered as PDFs instead; these came from HTML, so their paragraphs are not hard-wrapped. */
const SEJM_PDF = [
  'i17977-DWDJHL', // f001
  'i18069-DW7HT8', // f010
  'i18211-DW7AZN', // p025
  'i14495-DX2J9X', // t14495
] as const;

async function main(): Promise<void> {
  const chorzowDir = join(ROOT, 'samples/letters/chorzow');
  const sejmDir = join(ROOT, 'samples/letters/sejm');
  const fixtureDir = join(ROOT, 'test/fixtures/letters');
  await Promise.all(
    [chorzowDir, sejmDir, fixtureDir].map((dir) => mkdir(dir, { recursive: true })),
  );

  const seed = await readFile(join(CORPUS, 'chorzow', `${CHORZOW_NAME}.txt`), 'utf8');
  // The plain text lives with the test fixtures, so the sample archive holds the letter once.
  await writeFile(join(fixtureDir, 'chorzow-liaoning.txt'), seed);
  await writeFile(join(chorzowDir, `${CHORZOW_NAME}.pdf`), await renderChorzow(seed));

  for (const name of SEJM_TEXT) {
    // read + write rather than copyFile: the corpus is read-only and copyFile would copy that mode.
    await writeFile(
      join(sejmDir, `${name}.txt`),
      await readFile(join(CORPUS, 'sejm', `${name}.txt`)),
    );
  }
  for (const name of SEJM_PDF) {
    const text = await readFile(join(CORPUS, 'sejm', `${name}.txt`), 'utf8');
    await writeFile(join(sejmDir, `${name}.pdf`), await renderSejm(text));
  }
}

/** The Chorzów letter laid out like the scanned original, without its OCR noise. */
async function renderChorzow(seed: string): Promise<Buffer> {
  const body = bodyParagraphs(seed);
  if (body.length !== 4)
    throw new Error(`Expected 4 body paragraphs in the seed letter, found ${body.length}`);
  const [p1, p2, p3, p4] = body as [string, string, string, string];
  const right = 250;
  return makePdf({
    title: 'Odpowiedź w sprawie współpracy z prowincją Liaoning',
    hyphenate: true,
    pages: [
      [
        { text: 'Zastępca Prezydenta Miasta', bold: true, size: 12 },
        { text: 'Chorzów dnia, 2 marca 2020r.', align: 'right' },
        {
          text: 'Kancelaria Rady Miasta Chorzów\nData wpływu 04 -03- 2020',
          indent: right,
          size: 9,
        },
        'WEN. 9823 2020. RFZ',
        { text: 'Pan\nGrzegorz Krzak\nRadny Miasta Chorzów', indent: right, bold: true },
        p1,
        p2,
      ],
      [
        p3,
        p4,
        { text: 'Z poważaniem', indent: right },
        { text: 'ZASTĘPCA\nPREZYDENTA MIASTA\nMarcin Michalik', indent: right },
      ],
    ],
    footer: ['Urząd Miasta Chorzów, ul. Rynek 1, 41-500 Chorzów', 'Strona {page} z {pages}'],
  });
}

/** The letter's body: the paragraphs between the addressee block and the closing. */
function bodyParagraphs(seed: string): string[] {
  const paragraphs = seed
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const start = paragraphs.indexOf('Radny Miasta Chorzów') + 1;
  const end = paragraphs.indexOf('Z poważaniem');
  if (start === 0 || end < start)
    throw new Error('Seed letter layout changed: cannot find its body');
  return paragraphs.slice(start, end);
}

/** A Sejm reply: title in bold, the date right-aligned, paragraphs as in the text. */
async function renderSejm(text: string): Promise<Buffer> {
  const paragraphs = text.split(/\n\s*\n/).map((p) =>
    p
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .trim(),
  );
  const content: PdfParagraph[] = paragraphs
    .filter((p) => p !== '')
    .map((p, i) =>
      i === 0 ? { text: p, bold: true } : /^Warszawa, \d/.test(p) ? { text: p, align: 'right' } : p,
    );
  return makePdf({ pages: [content], hyphenate: true, title: paragraphs[0] ?? '' });
}

await main();
