// Reads .docx: one line per paragraph, one tab-joined line per table row, list numbers rendered, deleted text skipped.
import JSZip from 'jszip';
import { isAppError } from '../../../shared/errors';
import { NumberingCounter, parseNumbering, wordPrefix } from './docx-numbering';
import { describe, unreadable } from './errors';
import { LIMITS, limitExceeded, TextBudget } from './limits';
import { attr, rootPrefixes, tokenizeXml } from './xml';

const CORRUPT = '无法读取该 Word 文件:文件已损坏或不是真正的 .docx 文档。请用 Word 或 WPS 打开确认,另存为新的 .docx 后再导入。';
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Resolves a relationship target ("word/document.xml") the way OPC does: relative to the source part's folder. */
export function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (baseDir ? `${baseDir}/${target}` : target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Finds the target of the first relationship whose type ends with `typeSuffix` in a .rels part. */
export function relTarget(relsXml: string | null, typeSuffix: string): string | undefined {
  if (!relsXml) return undefined;
  for (const t of tokenizeXml(relsXml)) {
    if (t.kind === 'open' && /(^|:)Relationship$/.test(t.name)) {
      const type = attr(t.attrs, 'Type') ?? '';
      const mode = attr(t.attrs, 'TargetMode');
      if (type.endsWith(typeSuffix) && mode !== 'External') return attr(t.attrs, 'Target');
    }
  }
  return undefined;
}

/** Entry count from the end-of-central-directory record, read before JSZip builds an object per entry. */
export function zipEntryCount(buf: Uint8Array): number | null {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const from = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) return b.readUInt16LE(i + 10);
  }
  return null;
}

/** Decompressed bytes read so far across the package, so a zip bomb stops at the limit instead of filling memory. */
export interface Unpacked {
  bytes: number;
}

export async function readPart(zip: JSZip, name: string, unpacked: Unpacked): Promise<string | null> {
  let file: JSZip.JSZipObject | null;
  try {
    file = zip.file(name) ?? zip.file(decodeURIComponent(name));
  } catch {
    file = zip.file(name);
  }
  if (!file) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  // JSZip's stream is an old-style Readable (not async-iterable): count bytes as they come and stop it at the limit.
  const stream = file.nodeStream('nodebuffer');
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      unpacked.bytes += chunk.length;
      if (size > LIMITS.maxPartBytes || unpacked.bytes > LIMITS.maxZipBytes) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(limitExceeded('unpacked', `${name}: part ${size} B, package ${unpacked.bytes} B`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve());
    stream.on('error', (e: Error) => reject(e));
  });
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Opens an Office zip within the entry limit, checked on the central record before unpacking and on JSZip's list after. */
export async function openOfficeZip(buf: Uint8Array, corrupt: string): Promise<JSZip> {
  const entries = zipEntryCount(buf);
  if (entries !== null && entries > LIMITS.maxZipEntries) throw limitExceeded('entries', `${entries} entries`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw unreadable(corrupt, `jszip: ${describe(e)}`);
  }
  // The record may lie (or be a Zip64 placeholder); JSZip's own list is the truth.
  const listed = Object.keys(zip.files).length;
  if (listed > LIMITS.maxZipEntries) throw limitExceeded('entries', `${listed} entries`);
  return zip;
}

export async function readDocx(buf: Uint8Array): Promise<string> {
  const zip = await openOfficeZip(buf, CORRUPT);
  const unpacked: Unpacked = { bytes: 0 };
  const part = (name: string) => readPart(zip, name, unpacked);
  try {
    // The main part is named by the package relationships; word/document.xml is only the usual name.
    const mainName = resolveTarget('', relTarget(await part('_rels/.rels'), '/officeDocument') ?? 'word/document.xml');
    const xml = (await part(mainName)) ?? (await part('word/document.xml'));
    if (xml === null) throw unreadable(CORRUPT, `no main document part (${mainName})`);
    const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/')) : '';
    const rels = await part(`${dir ? `${dir}/` : ''}_rels/${mainName.slice(dir ? dir.length + 1 : 0)}.rels`);
    const numberingName = resolveTarget(dir, relTarget(rels, '/numbering') ?? 'numbering.xml');
    const stylesName = resolveTarget(dir, relTarget(rels, '/styles') ?? 'styles.xml');
    const counter = new NumberingCounter(parseNumbering(await part(numberingName), await part(stylesName)));
    return documentXmlToText(xml, counter);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw unreadable(CORRUPT, `docx parts: ${describe(e)}`);
  }
}

interface Paragraph {
  text: string;
  numId: string | undefined;
  ilvl: number | undefined;
  styleId: string | undefined;
}

interface Cell {
  paras: string[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

interface Table {
  row: string[] | null;
  col: number;
  cell: Cell | null;
  /** Text of the cell that started a vertical merge, by grid column, so continued cells can repeat it. */
  merged: Map<number, string>;
}

/** Converts WordprocessingML body XML to lines. */
function documentXmlToText(xml: string, counter: NumberingCounter): string {
  const budget = new TextBudget();
  const w = wordPrefix(xml);
  const mc = rootPrefixes(xml).get(MC_NS) ?? 'mc';
  const q = (l: string) => (w ? `${w}:${l}` : l);
  const P = q('p'), R = q('r'), T = q('t'), TAB = q('tab'), PTAB = q('ptab'), BR = q('br'), CR = q('cr');
  const TBL = q('tbl'), TR = q('tr'), TC = q('tc'), PPR = q('pPr'), TRPR = q('trPr');
  // Deleted and moved-away text, field instructions and the legacy copy of drawings are not part of what the reader sees.
  const SKIP = new Set([q('del'), q('moveFrom'), q('instrText'), q('delText'), q('delInstrText'), `${mc}:Fallback`, q('footnoteReference'), q('endnoteReference')]);

  const lines: string[] = [];
  const paras: Paragraph[] = [];
  const tables: Table[] = [];
  let depth = 0;
  let skipUntil = -1;
  let runDepth = 0;
  let inText = 0;
  let inPPr = 0;
  let inTrPr = 0;

  /** A finished line goes into the innermost open table cell, or else into the document. */
  const emit = (line: string, sink: Table | undefined = tables.at(-1)) => {
    const cell = sink?.cell;
    // Inside a cell, line breaks and tabs would break the one-line-per-row shape, so they become spaces.
    if (cell) cell.paras.push(line.replace(/[\t\n]+/g, ' ').trim());
    else lines.push(line);
  };

  for (const t of tokenizeXml(xml)) {
    if (t.kind === 'text') {
      if (skipUntil < 0 && inText > 0 && paras.length) {
        budget.addChars(t.text.length);
        paras.at(-1)!.text += t.text;
      }
      continue;
    }
    if (t.kind === 'close') {
      depth--;
      if (skipUntil >= 0) {
        if (depth === skipUntil) skipUntil = -1;
        continue;
      }
      onClose(t.name);
      continue;
    }
    if (skipUntil >= 0) {
      if (!t.selfClosing) depth++;
      budget.checkDepth(depth);
      continue;
    }
    if (SKIP.has(t.name)) {
      if (!t.selfClosing) {
        skipUntil = depth;
        depth++;
      }
      continue;
    }
    if (!t.selfClosing) depth++;
    budget.checkDepth(depth);
    const para = paras.at(-1);
    const table = tables.at(-1);
    const val = () => attr(t.attrs, q('val'));
    switch (t.name) {
      case P:
        budget.addParagraph();
        paras.push({ text: '', numId: undefined, ilvl: undefined, styleId: undefined });
        if (t.selfClosing) onClose(P);
        break;
      case PPR:
        if (!t.selfClosing) inPPr++;
        break;
      case q('pStyle'):
        if (inPPr && para) para.styleId = val();
        break;
      case q('numId'):
        if (inPPr && para) para.numId = val();
        break;
      case q('ilvl'):
        if (inPPr && para) para.ilvl = Number(val() ?? 0);
        break;
      case R:
        if (!t.selfClosing) runDepth++;
        break;
      case T:
        if (!t.selfClosing) inText++;
        break;
      case TAB:
      case PTAB:
        // w:tab also defines tab stops inside w:pPr; only a tab inside a run is a character.
        if (runDepth > 0 && para) para.text += '\t';
        break;
      case BR:
      case CR:
        if (runDepth > 0 && para) para.text += '\n';
        break;
      case q('noBreakHyphen'):
        if (runDepth > 0 && para) para.text += '-';
        break;
      case TBL:
        tables.push({ row: null, col: 0, cell: null, merged: new Map() });
        break;
      case TR:
        if (table) {
          table.row = [];
          table.col = 0;
        }
        break;
      case TRPR:
        if (!t.selfClosing) inTrPr++;
        break;
      case q('gridBefore'):
        if (inTrPr && table?.row) {
          const n = Math.min(64, Math.max(0, Number(val() ?? 0) || 0));
          for (let i = 0; i < n; i++) table.row.push('');
          table.col += n;
        }
        break;
      case TC:
        if (table) table.cell = { paras: [], span: 1, vMerge: null };
        break;
      case q('gridSpan'):
        if (table?.cell) table.cell.span = Math.min(64, Math.max(1, Number(val() ?? 1) || 1));
        break;
      case q('vMerge'):
        if (table?.cell) table.cell.vMerge = val() === 'restart' ? 'restart' : 'continue';
        break;
    }
  }

  function onClose(name: string): void {
    const table = tables.at(-1);
    switch (name) {
      case P: {
        const para = paras.pop();
        if (!para) break;
        const num = counter.resolve(para.numId, para.ilvl, para.styleId);
        // Word numbers a list paragraph even when empty, but an empty paragraph shows no number, so count only real text.
        const label = num && para.text.trim() ? counter.next(num.numId, num.ilvl) : '';
        emit(label + para.text);
        break;
      }
      case PPR:
        inPPr = Math.max(0, inPPr - 1);
        break;
      case R:
        runDepth = Math.max(0, runDepth - 1);
        break;
      case T:
        inText = Math.max(0, inText - 1);
        break;
      case TRPR:
        inTrPr = Math.max(0, inTrPr - 1);
        break;
      case TC: {
        if (!table?.cell || !table.row) break;
        const c = table.cell;
        let text = c.paras.filter((p) => p !== '').join(' ');
        // A vertically merged cell (a lead unit spanning several tasks) is repeated so each row stands alone.
        if (c.vMerge === 'continue' && text === '') text = table.merged.get(table.col) ?? '';
        else if (c.vMerge === 'restart') table.merged.set(table.col, text);
        else table.merged.delete(table.col);
        table.row.push(text);
        for (let i = 1; i < c.span; i++) table.row.push('');
        table.col += c.span;
        table.cell = null;
        break;
      }
      case TR:
        if (table?.row) {
          const row = table.row;
          table.row = null;
          // Trailing empty cells carry nothing and would only leave stray tabs at the end of the line.
          while (row.length && row.at(-1) === '') row.pop();
          // The row belongs to the cell of the enclosing table, if this table is nested.
          if (row.length) emit(row.join('\t'), tables.at(-2));
        }
        break;
      case TBL:
        tables.pop();
        break;
    }
  }

  return lines.join('\n');
}
