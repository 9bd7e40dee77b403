/**
 * A reply draft as a Word document (`--out FILE.docx`). A DOCX is a ZIP of a
 * few XML parts; the draft needs only paragraphs, so we write the minimal
 * WordprocessingML package ourselves (fflate writes the ZIP) rather than add a
 * document library for it. Word, LibreOffice and Google Docs
 * open it; styling is left to the office's template.
 */
import fs from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import type { DraftReply } from './draft-reply.js';
import { describeCitation } from './citations.js';

function escapeXml(text: string): string {
  return (
    text
      // Control characters are not allowed in XML 1.0.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!)
  );
}

function paragraph(text: string, { isBold = false }: { isBold?: boolean } = {}): string {
  const runProps = isBold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:p><w:r>${runProps}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** The draft's paragraphs: addressee, letter, sources. */
function documentXml(draft: DraftReply): string {
  const body: string[] = [];
  if (draft.to) body.push(paragraph(draft.to), paragraph(''));
  for (const line of draft.text.split('\n')) body.push(paragraph(line));
  if (draft.citations.length > 0) {
    body.push(paragraph(''), paragraph('Źródła:', { isBold: true }));
    for (const c of draft.citations) body.push(paragraph(`[${c.n}] ${describeCitation(c, 'pl')}`));
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** The draft as DOCX bytes. */
export function draftToDocx(draft: DraftReply): Buffer {
  // A DOCX is a zip of WordprocessingML parts; fflate writes the zip.
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'word/document.xml': strToU8(documentXml(draft)),
    }),
  );
}

/** Writes the draft to `file` as DOCX. */
export async function writeDraftDocx(draft: DraftReply, file: string): Promise<void> {
  await fs.writeFile(file, draftToDocx(draft));
}
