// Writes a report as .docx in the official document layout; charts go in as PNG pictures (chart-images.ts).
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from 'docx';
import { assertNever } from '../../../shared/errors';
import type { Block, ReportDoc } from '../../../shared/report/types';
import JSZip from 'jszip';
import type { ChartImages } from './chart-images';
import { TABLE_HEAD_STYLE, TABLE_TEXT_STYLE, injectTables, tableMarker, tableXml } from './docx-table';
import { A4, ALT_NAMES, FONTS, FOOTER_DISTANCE, INDENT_2CH, LINE, MARGINS, SIZES, TITLE_LINE, font } from './docx-layout';

const BODY_SPACING = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const TABLE_SPACING = { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function bodyRun(text: string, bold = false): TextRun {
  return new TextRun({ text, bold, font: font(FONTS.body), size: SIZES.body });
}

function textWidth(landscape: boolean): number {
  return (landscape ? A4.height : A4.width) - MARGINS.left - MARGINS.right;
}

/** Column widths in twips from the block's relative widths. */
function columnWidths(b: Extract<Block, { type: 'table' }>, landscape: boolean): number[] {
  const total = textWidth(landscape);
  const weights = b.widths ?? b.head.map(() => 1);
  const sum = weights.reduce((a, w) => a + w, 0);
  return weights.map((w) => Math.floor((w / sum) * total));
}

function blockToDocx(b: Block, doc: ReportDoc, charts: ChartImages, tables: string[]): Paragraph[] {
  switch (b.type) {
    case 'h1':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, indent: { firstLine: INDENT_2CH }, children: [new TextRun({ text: b.text, font: font(FONTS.h1), size: SIZES.body })] })];
    case 'h2':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, indent: { firstLine: INDENT_2CH }, children: [new TextRun({ text: b.text, font: font(FONTS.h2), size: SIZES.body })] })];
    case 'h3':
      return [new Paragraph({ heading: HeadingLevel.HEADING_3, indent: { firstLine: INDENT_2CH }, children: [bodyRun(b.text, true)] })];
    case 'p':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT_2CH },
          spacing: BODY_SPACING,
          children: [...(b.lead ? [bodyRun(b.lead, true)] : []), bodyRun(b.text)],
        }),
      ];
    case 'chart': {
      const img = charts.get(b.chart.id);
      if (!img) return [];
      const maxPx = Math.floor(textWidth(doc.landscape) / 15); // twips → 96-dpi pixels
      const w = Math.min(maxPx, img.width);
      const h = Math.round((img.height / img.width) * w);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 120 },
          children: [new ImageRun({ type: 'png', data: img.png, transformation: { width: w, height: h }, altText: { name: b.chart.title, description: b.chart.title, title: b.chart.title } })],
        }),
      ];
    }
    case 'table': {
      tables.push(tableXml({ head: b.head, rows: b.rows, widths: columnWidths(b, doc.landscape) }));
      return [new Paragraph({ children: [new TextRun(tableMarker(tables.length - 1))] }), new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, children: [] })];
    }
    case 'image': {
      const maxPx = Math.floor(textWidth(doc.landscape) / 15);
      const w = Math.min(maxPx, b.width);
      const h = Math.round((b.height / Math.max(1, b.width)) * w);
      const data = Buffer.from(b.base64, 'base64');
      const image = b.mime === 'image/png' ? new ImageRun({ type: 'png', data, transformation: { width: w, height: h } }) : new ImageRun({ type: 'jpg', data, transformation: { width: w, height: h } });
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 60 }, children: [image] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_SPACING, children: [bodyRun(b.caption)] }),
      ];
    }
    case 'signature': {
      const sig = (text: string) =>
        new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT_2CH * 2 }, spacing: BODY_SPACING, children: [bodyRun(text)] });
      const blank = () => new Paragraph({ spacing: BODY_SPACING, children: [] });
      return [blank(), blank(), sig(b.issuer), sig(b.date)];
    }
    default:
      return assertNever(b);
  }
}

function pageNumberFooter(alignment: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.pageNumber), size: SIZES.pageNumber })],
      }),
    ],
  });
}

export function buildDocx(doc: ReportDoc, charts: ChartImages = new Map(), tables: string[] = []): Document {
  const heading = (f: string) => ({ run: { font: font(f), size: SIZES.body, bold: false, color: '000000' }, paragraph: { spacing: BODY_SPACING, keepNext: true } });
  return new Document({
    creator: '法治台账',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZES.body }, paragraph: { spacing: BODY_SPACING } },
        title: { run: { font: font(FONTS.title), size: SIZES.title, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: TITLE_LINE, lineRule: LineRuleType.EXACT } } },
        heading1: heading(FONTS.h1),
        heading2: heading(FONTS.h2),
        heading3: heading(FONTS.body),
      },
      paragraphStyles: [
        { id: TABLE_TEXT_STYLE, name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { font: font(FONTS.body), size: SIZES.table }, paragraph: { spacing: TABLE_SPACING, indent: { firstLine: 0 } } },
        { id: TABLE_HEAD_STYLE, name: 'Table Heading', basedOn: 'Normal', quickFormat: true, run: { font: font(FONTS.h1), size: SIZES.table }, paragraph: { spacing: TABLE_SPACING, alignment: AlignmentType.CENTER, indent: { firstLine: 0 } } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { ...MARGINS, footer: FOOTER_DISTANCE, header: 851 },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { line: TITLE_LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: doc.title, font: font(FONTS.title), size: SIZES.title })] }),
          ...(doc.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_SPACING, children: [bodyRun(doc.subtitle)] })] : []),
          new Paragraph({ spacing: BODY_SPACING, children: [] }),
          ...doc.blocks.flatMap((b) => blockToDocx(b, doc, charts, tables)),
        ],
      },
    ],
  });
}

/** The font table, so that PCs without 仿宋_GB2312 and friends substitute the right family (altName) and script (charset 86 = GB2312). */
function fontTableXml(): string {
  const fonts = [FONTS.title, FONTS.body, FONTS.h1, FONTS.h2, FONTS.pageNumber]
    .map((name) => `<w:font w:name="${name}">${ALT_NAMES[name] ? `<w:altName w:val="${ALT_NAMES[name]}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${name === FONTS.h1 ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

export async function writeDocxBuffer(doc: ReportDoc, charts?: ChartImages): Promise<Buffer> {
  const tables: string[] = [];
  const buf = await Packer.pack(buildDocx(doc, charts, tables), 'nodebuffer', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  if (!tables.length) return buf;
  // The tables go in as text after packing; one more pass over the zip is far cheaper than building them as objects.
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', injectTables(xml, tables));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 4 } });
}
