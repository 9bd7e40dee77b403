/**
 * The terms the extraction worker hands the index must be those the index
 * would compute itself: the passage fields as `SqliteIndex` analyses them, and
 * the whole letter's terms as answerability reads them. Real letters from
 * samples/, built as a sync builds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_ANALYZER } from '../../src/archive/analyzer.js';
import { documentFields } from '../../src/archive/document-fields.js';
import { wholeLetterTerms } from '../../src/archive/whole-letter-text.js';
import { analyseLetter } from '../../ingest/analyse-letter.js';
import { buildLetters } from '../../ingest/build-letter.js';

const SAMPLES = path.resolve('samples/letters/sejm');
const files = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));

describe('analyseLetter', () => {
  test.each(files)('%s: the same terms as the index and answerability compute', async (file) => {
    const absolutePath = path.join(SAMPLES, file);
    const { main } = await buildLetters(
      { relativePath: file, absolutePath, contentHash: 'x', sidecarFields: null },
      fs.readFileSync(absolutePath),
      { maxPages: 50, chunk: { targetChars: 300, wholeLetterChars: 100 } },
    );
    expect(main.passages.length).toBeGreaterThan(1);
    const analysed = analyseLetter(main.letter, main.passages);
    expect(analysed.analyzer).toBe(DEFAULT_ANALYZER.name);
    expect(analysed.fields).toEqual(
      main.passages.map((p) =>
        documentFields(main.letter, p).map((f) => DEFAULT_ANALYZER.analyze(f.text).join(' ')),
      ),
    );
    expect([...analysed.letterTerms].sort()).toEqual(
      wholeLetterTerms(main.letter, main.passages).sort(),
    );
  });
});
