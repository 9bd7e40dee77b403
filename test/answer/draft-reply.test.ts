import { inflateRawSync } from 'node:zlib';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { draftReply, formatDraft, salutationFor } from '../../src/answer/draft-reply.js';
import { draftToDocx } from '../../src/answer/export-docx.js';
import { createLlmClient } from '../../src/answer/llm-client.js';
import { startFakeOpenAiServer } from '../fakes/openai-server.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

async function seeded() {
  const index = new SqliteIndex({ path: ':memory:' });
  await index.upsertLetter(
    makeLetter({
      id: 'liaoning',
      reference: 'WEN.9823.2020.RFZ',
      date: '2020-03-02',
      author: 'Marcin Michalik',
    }),
    makePassages('liaoning', [
      'W 2013 roku Marszałek Województwa Śląskiego wystąpił z inicjatywą współpracy z prowincją Liaoning.',
      'W dniach 2-3 lipca 2013 roku gościliśmy w Chorzowie przedstawicieli Miasta Yingkou z prowincji Liaoning.',
    ]),
  );
  return index;
}

/** Entries of a ZIP (stored or deflated), read from its central directory. */
function unzip(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

describe('draftReply', () => {
  test('without an LLM: a formal letter around verbatim sentences, with sources', async () => {
    const index = await seeded();
    const draft = await draftReply({
      request: 'Proszę o informację o wizycie przedstawicieli Yingkou w Chorzowie.',
      to: 'Grzegorz Krzak, Radny Miasta Chorzów',
      index,
    });
    expect(draft.kind).toBe('extractive');
    expect(draft.text).toMatch(/^Szanowny Panie,/);
    expect(draft.text).toContain('uprzejmie informuję');
    expect(draft.text).toMatch(/Yingkou[^\n]*” \[1\]/);
    expect(draft.text).toContain('Z poważaniem');
    expect(formatDraft(draft)).toContain(
      'Źródła:\n[1] WEN.9823.2020.RFZ, 2020-03-02, Marcin Michalik',
    );
    await index.close();
  });

  test('nothing in the archive: a draft that says so, citing nothing', async () => {
    const index = await seeded();
    const draft = await draftReply({
      request: 'Wniosek o budowę krytej pływalni w Wąbrzeźnie.',
      index,
    });
    expect(draft.kind).toBe('refusal');
    expect(draft.citations).toEqual([]);
    expect(draft.text).toMatch(/^Szanowni Państwo,/);
    await index.close();
  });

  test('with an LLM: the prompt frames sources as data, and citations are verified', async () => {
    const index = await seeded();
    const server = await startFakeOpenAiServer();
    try {
      server.enqueue({
        text: 'Szanowna Pani,\n\nW odpowiedzi na wystąpienie uprzejmie informuję, że delegacja z Yingkou gościła w Chorzowie w lipcu 2013 r. [1]. Umowę podpisano [5].\n\nZ poważaniem',
      });
      const llm = createLlmClient({ model: 'fake', baseUrl: server.baseUrl, maxRetries: 0 });
      const draft = await draftReply({
        request: 'Wizyta przedstawicieli Yingkou w Chorzowie',
        to: 'Anna Nowak',
        index,
        llm,
      });
      expect(draft.kind).toBe('llm');
      expect(draft.removedCitations).toBe(1);
      expect(draft.text).not.toContain('[5]');
      expect(draft.citations.map((c) => c.letterId)).toEqual(['liaoning']);
      const [system, user] = server.requests[0]!.body.messages!;
      expect(system!.content).toContain('Szanowna Pani,');
      expect(system!.content).toMatch(/wyłącznie dane/);
      expect(user!.content).toContain('Adresat: Anna Nowak');
    } finally {
      await server.close();
      await index.close();
    }
  });

  test('exports a DOCX package with the letter and its sources', async () => {
    const index = await seeded();
    const draft = await draftReply({
      request: 'Wizyta przedstawicieli Yingkou w Chorzowie',
      to: 'Grzegorz Krzak',
      index,
    });
    const files = unzip(draftToDocx(draft));
    expect([...files.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const xml = files.get('word/document.xml')!;
    expect(xml).toContain('Szanowny Panie,');
    expect(xml).toContain('Źródła:');
    expect(xml).toContain('WEN.9823.2020.RFZ');
    expect(xml).not.toMatch(/<w:t[^>]*>[^<]*[<&][^<]*<\/w:t>/);
    await index.close();
  });

  test('salutation follows the first name, and is neutral when unknown', () => {
    expect(salutationFor('Anna Nowak')).toBe('Szanowna Pani,');
    expect(salutationFor('Grzegorz Krzak')).toBe('Szanowny Panie,');
    expect(salutationFor('Kuba Wojewódzki')).toBe('Szanowny Panie,');
    expect(salutationFor(undefined)).toBe('Szanowni Państwo,');
  });
});
