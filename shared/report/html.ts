// A report as one self-contained HTML document (inline <style> and SVG, no external resources): preview and PDF alike.
import { assertNever } from '../errors';
import { renderChartSvg } from './charts';
import type { Block, ReportDoc } from './types';
import { xmlEscape } from './xml';
import { titleLines } from './title-lines';

/** Fonts of GB/T 9704 first, then what Windows, WPS and Debian have. */
const HTML_FONTS = {
  title: "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', 'SimSun', '宋体', 'Noto Serif CJK SC', serif",
  body: "'仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif",
  h1: "'黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif",
  h2: "'楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC', serif",
} as const;

/** Page margins of GB/T 9704-2012, in millimetres. */
const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** GB/T 9704 page numbers: 宋体 四号, 7 mm below the text block; odd pages right, even pages left, one character in. */
const PAGE_NUMBER_BOX = "font-family: '宋体', 'SimSun', 'Noto Serif CJK SC', serif; font-size: 14pt; vertical-align: top; padding-top: 5mm;";

function reportCss(landscape: boolean): string {
  const m = PAGE_MARGINS_MM;
  return `
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; ${PAGE_NUMBER_BOX} padding-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; ${PAGE_NUMBER_BOX} padding-left: 1em; } }
html { background: #fff; color: #000; }
body { margin: 0; font-family: ${HTML_FONTS.body}; font-size: 16pt; line-height: 29pt; }
@media screen {
  html { background: #e9ecef; }
  body { box-sizing: border-box; max-width: ${landscape ? 297 : 210}mm; margin: 12px auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
}
h1.title { font-family: ${HTML_FONTS.title}; font-size: 22pt; line-height: 36pt; font-weight: normal; text-align: center; margin: 0 0 29pt; }
p.subtitle { text-align: center; margin: -20pt 0 29pt; }
h2 { font-family: ${HTML_FONTS.h1}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; line-height: 29pt; page-break-after: avoid; }
h3 { font-family: ${HTML_FONTS.h2}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; line-height: 29pt; page-break-after: avoid; }
h4 { font-size: 16pt; font-weight: bold; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p .lead { font-weight: bold; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 12pt; font-size: 10.5pt; line-height: 15pt; page-break-inside: auto; }
th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; white-space: pre-wrap; overflow-wrap: anywhere; }
td.short { white-space: nowrap; overflow-wrap: normal; }
th { white-space: nowrap; }
div.head p.mark { font-family: ${HTML_FONTS.title}; color: #c00; font-size: 26pt; line-height: 40pt; text-align: center; text-indent: 0; margin: 0 0 29pt; }
div.head p.docno { text-indent: 0; display: flex; justify-content: space-between; padding: 0 1em; }
div.head p.docno.center { justify-content: center; }
div.head hr { border: 0; border-top: 1pt solid #c00; margin: 4mm 0 29pt; }
p.recipient { text-indent: 0; }
p.attachments { margin-top: 29pt; text-indent: 2em; }
p.attachments + p.attachments { margin-top: 0; text-indent: 5em; }
div.pagebreak { page-break-after: always; }
p.annex-label { font-family: ${HTML_FONTS.h1}; text-indent: 0; }
th { font-family: ${HTML_FONTS.h1}; font-weight: normal; background: #f2f2f2; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
figure.chart { margin: 8pt 0; text-align: center; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.photo { margin: 8pt 0; text-align: center; page-break-inside: avoid; }
figure.photo img { max-width: 100%; max-height: 160mm; }
figure.photo figcaption { font-size: 12pt; line-height: 18pt; }
div.signature { margin-top: 58pt; page-break-inside: avoid; text-align: right; padding-right: 4em; }
div.signature .sig-box { display: inline-block; }
div.signature p { text-align: center; text-indent: 0; }
`;
}

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'h1':
      return `<h2>${xmlEscape(b.text)}</h2>`;
    case 'h2':
      return `<h3>${xmlEscape(b.text)}</h3>`;
    case 'h3':
      return `<h4>${xmlEscape(b.text)}</h4>`;
    case 'p':
      return `<p>${b.lead ? `<span class="lead">${xmlEscape(b.lead)}</span>` : ''}${xmlEscape(b.text)}</p>`;
    case 'chart':
      return `<figure class="chart" data-chart="${xmlEscape(b.chart.id)}">${renderChartSvg(b.chart)}</figure>`;
    case 'table': {
      const cols = b.widths ? `<colgroup>${b.widths.map((w) => `<col width="${w}%">`).join('')}</colgroup>` : '';
      const head = `<thead><tr>${b.head.map((h) => `<th>${xmlEscape(h)}</th>`).join('')}</tr></thead>`;
      // Numbers, dates and short cells stay on one line; only prose wraps.
      const cell = (c: string) => `<td${[...c].length <= 12 && !c.includes('\n') ? ' class="short"' : ''}>${xmlEscape(c)}</td>`;
      const rows = b.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
      return `<table>${b.caption ? `<caption>${xmlEscape(b.caption)}</caption>` : ''}${cols}${head}<tbody>${rows}</tbody></table>`;
    }
    case 'image':
      return `<figure class="photo"><img src="data:${b.mime};base64,${b.base64}" alt="${xmlEscape(b.caption)}"><figcaption>${xmlEscape(b.caption)}</figcaption></figure>`;
    case 'signature':
      // 署名 centred over 成文日期, the date four characters in from the right (GB/T 9704 7.3.5).
      return `<div class="signature"><div class="sig-box"><p>${xmlEscape(b.issuer)}</p><p>${xmlEscape(b.date)}</p></div></div>`;
    case 'attachments':
      return b.items.map((x, i) => `<p class="attachments">${i ? '' : '附件：'}${b.items.length > 1 ? `${i + 1}.` : ''}${xmlEscape(x)}</p>`).join('');
    case 'pagebreak':
      return '<div class="pagebreak"></div>';
    case 'annexLabel':
      return `<p class="annex-label">${xmlEscape(b.text)}</p><h1 class="title">${xmlEscape(b.title)}</h1>`;
    default:
      return assertNever(b);
  }
}

export interface RenderedHtml {
  /** The whole document, with its <style>: what the .html export and the PDF printer use. */
  html: string;
  /** The stylesheet alone, for a preview frame that applies it without an inline <style>. */
  css: string;
  /** The <body> content alone. */
  body: string;
  title: string;
}

function headHtml(h: NonNullable<ReportDoc['head']>): string {
  const mark = h.mark ? `<p class="mark">${xmlEscape(h.mark)}</p>` : '';
  const docno = h.docNumber || h.signer
    ? `<p class="docno${h.signer ? '' : ' center'}"><span>${xmlEscape(h.docNumber)}</span>${h.signer ? `<span>签发人：${xmlEscape(h.signer)}</span>` : ''}</p>`
    : '';
  return mark || docno ? `<div class="head">${mark}${docno}<hr></div>` : '';
}

export function renderReportHtml(doc: ReportDoc): RenderedHtml {
  const body = [
    doc.head ? headHtml(doc.head) : '',
    `<h1 class="title">${titleLines(doc.title).map(xmlEscape).join('<br>')}</h1>`,
    doc.subtitle ? `<p class="subtitle">${xmlEscape(doc.subtitle)}</p>` : '',
    doc.head?.recipient ? `<p class="recipient">${xmlEscape(doc.head.recipient)}：</p>` : '',
    ...doc.blocks.map(blockHtml),
  ]
    .filter(Boolean)
    .join('\n');
  const css = reportCss(doc.landscape);
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${xmlEscape(doc.title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
  return { html, css, body, title: doc.title };
}
