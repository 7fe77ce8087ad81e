// Writes a report as .docx in the official document layout; charts go in as PNG pictures (chart-images.ts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageBreak,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import { titleLines } from '../../../shared/report/title-lines';
import { assertNever } from '../../../shared/errors';
import type { Block, ReportDoc } from '../../../shared/report/types';
import JSZip from 'jszip';
import type { ChartImages } from './chart-images';
import { TABLE_HEAD_STYLE, TABLE_TEXT_STYLE, injectTables, tableMarker, tableXml } from './docx-table';
import { A4, ALT_NAMES, CHAR_SPACING, FONTS, FOOTER_DISTANCE, INDENT_2CH, LANDSCAPE_MARGINS, LINE, MARGINS, SIZES, TITLE_LINE, font, mm } from './docx-layout';

const BODY_SPACING = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const TABLE_SPACING = { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function bodyRun(text: string, bold = false): TextRun {
  return new TextRun({ text, bold, font: font(FONTS.body), size: SIZES.body });
}

function margins(landscape: boolean) {
  return landscape ? LANDSCAPE_MARGINS : MARGINS;
}

function textWidth(landscape: boolean): number {
  const m = margins(landscape);
  return (landscape ? A4.height : A4.width) - m.left - m.right;
}

/** Width of a line of body text in characters: CJK and full-width marks one, digits and Latin half. */
function charWidth(s: string): number {
  let n = 0;
  for (const c of s) n += /[\u0000-\u00ff]/.test(c) ? 0.5 : 1;
  return n;
}

const CHAR = SIZES.body * 10; // one 三号 character in twips

const blank = () => new Paragraph({ spacing: BODY_SPACING, children: [] });

function titleParagraph(text: string): Paragraph {
  const lines = titleLines(text);
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    spacing: { line: TITLE_LINE, lineRule: LineRuleType.EXACT },
    children: lines.map((l, i) => new TextRun({ text: l, font: font(FONTS.title), size: SIZES.title, ...(i ? { break: 1 } : {}) })),
  });
}

/** 版头: 发文机关标志 in red, 发文字号 (left) and 签发人 (right) on one line, the red separator; then the title and 主送机关. */
function headParagraphs(doc: ReportDoc): Paragraph[] {
  const h = doc.head;
  const out: Paragraph[] = [];
  if (h && (h.mark || h.docNumber || h.signer)) {
    if (h.mark) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 1000, lineRule: LineRuleType.EXACT, after: LINE }, children: [new TextRun({ text: h.mark, font: font(FONTS.title), size: 52, color: 'C00000' })] }));
    const right = textWidth(doc.landscape) - CHAR;
    out.push(
      new Paragraph({
        alignment: h.signer ? AlignmentType.LEFT : AlignmentType.CENTER,
        indent: h.signer ? { left: CHAR } : {},
        tabStops: [{ type: TabStopType.RIGHT, position: right }],
        spacing: BODY_SPACING,
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 8 } },
        children: [bodyRun(h.docNumber), ...(h.signer ? [new TextRun({ children: [new Tab(), '签发人：'], font: font(FONTS.body), size: SIZES.body }), new TextRun({ text: h.signer, font: font(FONTS.h2), size: SIZES.body })] : [])],
      }),
      blank(),
    );
  }
  out.push(titleParagraph(doc.title));
  if (doc.subtitle) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_SPACING, children: [bodyRun(doc.subtitle)] }));
  out.push(blank());
  if (h?.recipient) out.push(new Paragraph({ spacing: BODY_SPACING, children: [bodyRun(`${h.recipient}：`)] }));
  return out;
}

/** 署名 centred over 成文日期; the date four characters in from the right (GB/T 9704 7.3.5). */
function signatureParagraphs(issuer: string, date: string): Paragraph[] {
  const dateRight = CHAR * 4;
  const issuerRight = Math.max(0, Math.round(dateRight + ((charWidth(date) - charWidth(issuer)) / 2) * CHAR));
  const line = (text: string, right: number) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right }, spacing: BODY_SPACING, children: [bodyRun(text)] });
  return [blank(), blank(), line(issuer, issuerRight), line(date, dateRight)];
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
    case 'signature':
      return signatureParagraphs(b.issuer, b.date);
    case 'attachments':
      // 附件说明: one line under the text, two characters in; several annexes numbered, aligned after "附件：".
      return [
        blank(),
        ...b.items.map(
          (x, i) =>
            new Paragraph({
              indent: { left: i ? INDENT_2CH + CHAR * 3 : INDENT_2CH },
              spacing: BODY_SPACING,
              children: [bodyRun(`${i ? '' : '附件：'}${b.items.length > 1 ? `${i + 1}．` : ''}${x}`)],
            }),
        ),
      ];
    case 'pagebreak':
      return [new Paragraph({ spacing: BODY_SPACING, children: [new PageBreak()] })];
    case 'annexLabel':
      return [new Paragraph({ spacing: BODY_SPACING, children: [new TextRun({ text: b.text, font: font(FONTS.h1), size: SIZES.body })] }), blank(), titleParagraph(b.title), blank()];
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
        document: { run: { font: font(FONTS.body), size: SIZES.body, characterSpacing: CHAR_SPACING }, paragraph: { spacing: BODY_SPACING } },
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
            margin: { ...margins(doc.landscape), footer: doc.landscape ? mm(8) : FOOTER_DISTANCE, header: doc.landscape ? mm(10) : 851 },
          },
          // The 22-line grid of GB/T 9704; the 28 characters come from the condensed run defaults (CHAR_SPACING).
          // The landscape ledger is a table, off any grid.
          ...(doc.landscape ? {} : { grid: { type: DocumentGridType.LINES, linePitch: LINE } }),
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: [
          ...headParagraphs(doc),
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
