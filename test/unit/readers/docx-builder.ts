// Builds minimal .docx packages with jszip so tests control exactly which WordprocessingML constructs appear.
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** Inner XML of w:body. */
  body: string;
  /** Inner XML of w:numbering, if any. */
  numbering?: string;
  /** Inner XML of w:styles, if any. */
  styles?: string;
  /** Where the main part lives (default word/document.xml). */
  mainPart?: string;
}

export async function buildDocx(parts: DocxParts): Promise<Buffer> {
  const main = parts.mainPart ?? 'word/document.xml';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${main}"/></Relationships>`,
  );
  const rels: string[] = [];
  if (parts.numbering !== undefined) {
    zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
    rels.push(`<Relationship Id="rId10" Type="${REL}/numbering" Target="numbering.xml"/>`);
  }
  if (parts.styles !== undefined) {
    zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
    rels.push(`<Relationship Id="rId11" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  const dir = main.slice(0, main.lastIndexOf('/'));
  const base = main.slice(main.lastIndexOf('/') + 1);
  zip.file(
    `${dir}/_rels/${base}.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    main,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:mc="${MC}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="wps"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A plain paragraph of one run. */
export function p(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

export function tc(inner: string, tcPr = ''): string {
  return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${tcPr}</w:tcPr>${inner}</w:tc>`;
}

export function tr(...cells: string[]): string {
  return `<w:tr>${cells.join('')}</w:tr>`;
}

export function tbl(...rows: string[]): string {
  return `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;
}
