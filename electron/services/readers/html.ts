// Reads web pages saved from portals (and Word "web page" files): charset from BOM/<meta>/detection, blocks to lines, cells to tabs.
import { attribute, buildTree, decodeEntities, type Element } from './html-tree';
import { decodeText, normaliseCharsetLabel, UndecodableTextError, type DecodedText } from './encoding';
import { isAppError } from '../../../shared/errors';
import { describe, unreadable } from './errors';
import { LIMITS, limitExceeded, TextBudget } from './limits';

/** Elements whose content is never part of the outline. */
const DROP = new Set(['script', 'style', 'nav', 'noscript', 'template', 'head', 'title', 'svg', 'iframe', 'object', 'embed', 'select', 'button', 'xml', 'textarea', 'canvas', 'audio', 'video', 'map']);

/** Elements that start and end a line, like a browser would lay them out. */
const BLOCK = new Set([
  'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'caption', 'section', 'article',
  'aside', 'header', 'footer', 'main', 'blockquote', 'pre', 'address', 'center', 'figure', 'figcaption', 'form', 'fieldset', 'legend',
  'hr', 'body', 'html', 'details', 'summary', 'tbody', 'thead', 'tfoot',
]);

/** Charset a page declares in its first bytes (<meta charset>, http-equiv, or an XML declaration). */
function declaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 8192)).toString('latin1');
  const m =
    /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]! : null;
}

function decodeHtml(buf: Uint8Array): DecodedText {
  const label = declaredCharset(buf);
  try {
    return decodeText(buf, label ? normaliseCharsetLabel(label) : null);
  } catch (e) {
    const why = e instanceof UndecodableTextError ? e.message : describe(e);
    throw unreadable(
      '无法识别该网页文件的内容或编码,可能已损坏。请在浏览器中打开该网页,把正文复制到记事本并保存为 UTF-8 编码的 .txt 后再导入。',
      `html decode: ${why}; declared=${label ?? 'none'}`,
    );
  }
}

function isHidden(el: Element): boolean {
  if (attribute(el, 'hidden') !== undefined) return true;
  const style = attribute(el, 'style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

interface RowSpan {
  text: string;
  rows: number;
}

/** Collects text in parts and remembers the last character, so no step looks back over the growing output. */
class TextBuilder {
  private parts: string[] = [];
  private last = '';

  constructor(readonly budget: TextBudget) {}

  private push(s: string): void {
    if (s === '') return;
    this.budget.addChars(s.length);
    this.parts.push(s);
    this.last = s[s.length - 1]!;
  }

  /** Adds text; spaces collapse as in a browser unless inside <pre>. */
  text(s: string, pre: boolean): void {
    const t = pre ? s : s.replace(/[ \t\n\r\f]+/g, ' ');
    if (!pre && t.startsWith(' ') && (this.last === '' || this.last === ' ' || this.last === '\n' || this.last === '\t')) this.push(t.slice(1));
    else this.push(t);
  }

  raw(s: string): void {
    this.push(s);
  }

  /** A block boundary; repeated boundaries do not pile up empty lines. */
  newline(): void {
    if (this.last !== '' && this.last !== '\n') {
      this.budget.addParagraph();
      this.push('\n');
    }
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Walks the DOM; `inCell` turns line breaks into spaces so a table row stays on one line. */
function walk(node: Element | string, b: TextBuilder, inCell: boolean, pre: boolean, depth: number): void {
  if (depth > LIMITS.maxDepth) throw limitExceeded('depth', `html depth > ${LIMITS.maxDepth}`);
  if (typeof node === 'string') {
    b.text(decodeEntities(node), pre);
    return;
  }
  const tag = node.tag;
  if (DROP.has(tag) || isHidden(node)) return;
  if (tag === 'br') {
    if (inCell) b.text(' ', false);
    else b.raw('\n');
    return;
  }
  if (tag === 'tr') {
    row(node, b, new Map(), inCell, depth);
    return;
  }
  if (tag === 'table') {
    // Row spans are per table: a lead unit spanning three tasks is repeated on each row.
    const spans = new Map<number, RowSpan>();
    if (!inCell) b.newline();
    for (const tr of rowsOf(node)) row(tr, b, spans, inCell, depth);
    if (!inCell) b.newline();
    return;
  }
  const block = BLOCK.has(tag);
  if (block) {
    if (inCell) b.text(' ', false);
    else b.newline();
  }
  const isPre = pre || tag === 'pre' || tag === 'textarea';
  for (const child of node.children) walk(child, b, inCell, isPre, depth + 1);
  if (block) {
    if (inCell) b.text(' ', false);
    else b.newline();
  }
}

/** Rows of this table only (through thead/tbody/tfoot), not of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (el: Element, depth: number) => {
    if (depth > LIMITS.maxDepth) throw limitExceeded('depth', `html table depth > ${LIMITS.maxDepth}`);
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      const t = c.tag;
      if (t === 'tr') rows.push(c);
      else if (t !== 'table' && !DROP.has(t)) visit(c, depth + 1);
    }
  };
  visit(table, 0);
  return rows;
}

function cellText(cell: Element, budget: TextBudget, depth: number): string {
  const b = new TextBuilder(budget);
  for (const child of cell.children) walk(child, b, true, false, depth + 1);
  return b.toString().replace(/[\t\n]+/g, ' ').replace(/^[ ]+|[ ]+$/g, '');
}

function row(tr: Element, b: TextBuilder, spans: Map<number, RowSpan>, inCell: boolean, depth: number): void {
  if (isHidden(tr)) return;
  const cells: string[] = [];
  let col = 0;
  const takeSpans = () => {
    for (let s = spans.get(col); s; s = spans.get(col)) {
      cells.push(s.text);
      if (--s.rows <= 0) spans.delete(col);
      col++;
    }
  };
  for (const c of tr.children) {
    if (typeof c === 'string') continue;
    const t = c.tag;
    if (t !== 'td' && t !== 'th') continue;
    if (isHidden(c)) continue;
    takeSpans();
    const text = cellText(c, b.budget, depth);
    const colspan = Math.max(1, Math.min(50, Number(attribute(c, 'colspan') ?? 1) || 1));
    const rowspan = Math.max(1, Math.min(1000, Number(attribute(c, 'rowspan') ?? 1) || 1));
    for (let i = 0; i < colspan; i++) {
      cells.push(i === 0 ? text : '');
      if (rowspan > 1 && i === 0) spans.set(col, { text, rows: rowspan - 1 });
      col++;
    }
  }
  takeSpans();
  while (cells.length && cells.at(-1) === '') cells.pop();
  if (!cells.length) return;
  if (inCell) {
    b.text(` ${cells.join(' ')} `, false);
  } else {
    b.newline();
    b.raw(cells.join('\t'));
    b.newline();
  }
}

/** Converts decoded HTML source to text lines; exported for tests. */
export function htmlToText(source: string): string {
  // Word's "web page" output wraps list numbers in downlevel-revealed conditionals; keep their content, drop the markers.
  // The DOCTYPE and XML declaration are not elements to the tree builder and would come out as text.
  // Bounded repeats: an unbounded [^>]* re-scans the rest of the page from every unclosed "<!doctype" (quadratic).
  const cleaned = source.replace(/<!\[(?:if[^\]]{0,200}|endif)\]>|<!doctype[^>]{0,1000}>|<\?xml[^>]{0,1000}\?>/gi, '');
  const root = buildTree(cleaned);
  const b = new TextBuilder(new TextBudget());
  walk(root, b, false, false, 0);
  return b
    .toString()
    .split('\n')
    // Only spaces are trimmed: a leading tab is an empty first table cell and keeps the columns aligned.
    .map((l) => l.replace(/^ +| +$/g, ''))
    // Lines of only &nbsp; or ideographic spaces are layout, not content.
    .filter((l) => l.trim() !== '')
    .join('\n');
}

export function readHtml(buf: Uint8Array): DecodedText {
  const decoded = decodeHtml(buf);
  let text: string;
  try {
    text = htmlToText(decoded.text);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw unreadable('无法解析该网页文件。请在浏览器中打开它,把正文复制到记事本并保存为 .txt 后再导入。', `html parse: ${describe(e)}`);
  }
  return { text, encoding: decoded.encoding };
}
