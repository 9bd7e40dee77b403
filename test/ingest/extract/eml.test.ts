import { extractEml } from '../../../ingest/extract/eml.js';
import { makeEml } from '../../fixtures/make-eml.js';
import { makePdf } from '../../fixtures/make-pdf.js';
import { expectIngestError } from './expect-ingest-error.js';

const OPTIONS = { maxPages: 10 };

describe('extractEml', () => {
  it('turns headers into metadata, the body into text, and hands back attachments', async () => {
    const pdf = await makePdf({
      pages: [['Chorzów, 2 marca 2020 r.', 'Załącznik o współpracy z Yingkou.']],
    });
    const bytes = makeEml({
      from: 'Anna Nowak <a.nowak@chorzow.eu>',
      to: 'Rada Miasta <rada@chorzow.eu>',
      subject: 'Współpraca z prowincją Liaoning',
      date: 'Tue, 03 Mar 2020 10:15:00 +0100',
      body: 'Dzień dobry,\n\nw załączeniu przesyłam odpowiedź w sprawie współpracy.\n\nZ poważaniem\nAnna Nowak',
      attachments: [{ fileName: 'odpowiedź.pdf', contentType: 'application/pdf', bytes: pdf }],
    });
    const doc = await extractEml(bytes, OPTIONS);
    expect(doc.source).toBe('email');
    expect(doc.metadata).toEqual({
      title: 'Współpraca z prowincją Liaoning',
      date: '2020-03-03',
      author: 'Anna Nowak',
      addressee: 'Rada Miasta',
    });
    const text = doc.pages[0]?.text ?? '';
    expect(text).toContain('Temat: Współpraca z prowincją Liaoning');
    expect(text).toContain('Załączniki: odpowiedź.pdf');
    expect(text).toContain('w załączeniu przesyłam odpowiedź');
    expect(doc.attachments).toHaveLength(1);
    expect(doc.attachments?.[0]?.fileName).toBe('odpowiedź.pdf');
    expect(Buffer.from(doc.attachments?.[0]?.bytes ?? []).equals(pdf)).toBe(true);
  });

  it('keeps a mail with an empty body as its headers; rejects text without headers', async () => {
    const doc = await extractEml(
      makeEml({
        from: 'a@b.pl',
        to: 'c@d.pl',
        subject: 'Skan',
        date: 'Tue, 03 Mar 2020 10:15:00 +0100',
        body: '',
      }),
      OPTIONS,
    );
    expect(doc.pages[0]?.text).toContain('Temat: Skan');
    await expectIngestError(extractEml(Buffer.from('\n\njust some text'), OPTIONS), 'corrupt');
  });
});
