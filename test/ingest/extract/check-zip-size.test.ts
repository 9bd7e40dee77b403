import { checkZipSize } from '../../../ingest/extract/check-zip-size.js';
import { extractDocx } from '../../../ingest/extract/docx.js';
import { makeDocx } from '../../fixtures/make-docx.js';
import { makeLyingZipBomb, makeZipBomb } from '../../fixtures/make-zip-bomb.js';
import { expectIngestError } from './expect-ingest-error.js';

describe('checkZipSize', () => {
  test('a real DOCX passes', () => {
    expect(() =>
      checkZipSize(makeDocx({ blocks: [{ text: 'Pismo w sprawie remontu szkoły.' }] })),
    ).not.toThrow();
  });

  test('a bomb is refused by its declared size, before inflating', async () => {
    const bomb = makeZipBomb(50 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await expectIngestError(extractDocx(bomb, { maxPages: 5 }), 'zip_bomb');
    expect(error.message).toMatch(/declares 50\.0 MiB/);
  });

  test('a bomb whose headers lie is stopped while inflating, by the bytes it really produces', async () => {
    const liar = makeLyingZipBomb(20 * 1024 * 1024);
    const error = await expectIngestError(
      Promise.resolve().then(() =>
        checkZipSize(liar, { maxTotalBytes: 100 * 1024 * 1024, maxRatio: 100 }),
      ),
      'zip_bomb',
    );
    expect(error.message).toMatch(/inflates to more than/);
  });
});
