// Tables of the .docx written as WordprocessingML text: a 20,000-row ledger would take the docx library half a minute
// to build as objects. Cells use two paragraph styles (TableText, TableHead) instead of repeating fonts per cell.
import { xmlEscape } from '../../../shared/report/xml';

export const TABLE_TEXT_STYLE = 'TableText';
export const TABLE_HEAD_STYLE = 'TableHead';

/** The paragraph that stands for table `n` until the package is written. */
export function tableMarker(n: number): string {
  return `@@FAZHI-TABLE-${n}@@`;
}

export interface TableXmlSpec {
  head: string[];
  rows: string[][];
  /** Column widths in twips. */
  widths: number[];
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

function cell(text: string, width: number, style: string): string {
  const paras = text
    .split('\n')
    // Off the page's line grid: cells keep their own 15 pt lines (LibreOffice otherwise gives each a 29 pt grid line).
    .map((line) => `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:snapToGrid w:val="0"/></w:pPr>${line ? `<w:r><w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r>` : ''}</w:p>`)
    .join('');
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paras}</w:tc>`;
}

export function tableXml(t: TableXmlSpec): string {
  const total = t.widths.reduce((a, w) => a + w, 0);
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
    `<w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${t.head.map((h, i) => cell(h, t.widths[i] ?? 0, TABLE_HEAD_STYLE)).join('')}</w:tr>`,
  ];
  for (const r of t.rows) out.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map((c, i) => cell(c, t.widths[i] ?? 0, TABLE_TEXT_STYLE)).join('')}</w:tr>`);
  out.push('</w:tbl>');
  return out.join('');
}

/** Replaces each marker paragraph of document.xml by its table. */
export function injectTables(documentXml: string, tables: string[]): string {
  return documentXml.replace(/<w:p>(?:(?!<w:p>|<\/w:p>).)*?@@FAZHI-TABLE-(\d+)@@(?:(?!<\/w:p>).)*<\/w:p>/gs, (_, n: string) => tables[Number(n)] ?? '');
}
