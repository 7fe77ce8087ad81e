// Reads .xlsx for the evidence preview: each sheet under its name, one tab-joined line per row, shared strings resolved.
import type JSZip from 'jszip';
import { isAppError } from '../../../shared/errors';
import { openOfficeZip, readPart, relTarget, resolveTarget, type Unpacked } from './docx';
import { describe, unreadable } from './errors';
import { TextBudget } from './limits';
import { attr, tokenizeXml } from './xml';

const CORRUPT = '无法读取该 Excel 文件:文件已损坏或不是真正的 .xlsx 表格。请用 Excel 或 WPS 打开确认,另存为新的 .xlsx 后再添加。';

/** Local name of a possibly prefixed tag (x:row → row). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The texts of sharedStrings.xml in order; phonetic runs (rPh) are not part of the cell's text. */
function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let phonetic = 0;
  for (const t of tokenizeXml(xml)) {
    if (t.kind === 'open') {
      const n = local(t.name);
      if (n === 'si') cur = t.selfClosing ? (out.push(''), null) : '';
      else if (n === 'rPh' && !t.selfClosing) phonetic++;
      else if (n === 't' && !t.selfClosing) inT = true;
    } else if (t.kind === 'close') {
      const n = local(t.name);
      if (n === 'si' && cur !== null) {
        out.push(cur);
        cur = null;
      } else if (n === 'rPh') phonetic--;
      else if (n === 't') inT = false;
    } else if (inT && cur !== null && phonetic === 0) cur += t.text;
  }
  return out;
}

/** The sheets in workbook order with the parts that hold them. */
function sheetParts(workbook: string | null, rels: string | null, zip: JSZip): { name: string; part: string }[] {
  const targets = new Map<string, string>();
  for (const t of tokenizeXml(rels ?? '')) {
    if (t.kind === 'open' && local(t.name) === 'Relationship') {
      const id = attr(t.attrs, 'Id');
      const target = attr(t.attrs, 'Target');
      if (id && target) targets.set(id, resolveTarget('xl', target));
    }
  }
  const out: { name: string; part: string }[] = [];
  for (const t of tokenizeXml(workbook ?? '')) {
    if (t.kind !== 'open' || local(t.name) !== 'sheet') continue;
    const rid = /(?:^|\s)(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(t.attrs)?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (part) out.push({ name: attr(t.attrs, 'name') ?? '', part });
  }
  if (out.length) return out;
  // A workbook without usable relationships: its worksheets in name order.
  return Object.keys(zip.files)
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((part, i) => ({ name: `Sheet${i + 1}`, part }));
}

/** The zero-based column of a cell reference (B5 → 1), or null when the cell has none. */
function columnOf(ref: string | undefined): number | null {
  const letters = ref ? /^([A-Z]{1,3})\d*$/i.exec(ref)?.[1] : undefined;
  if (!letters) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Cells sit in their own columns, so a row starting at column B keeps its empty A; a hostile far column is capped. */
const MAX_GAP = 256;

/** One sheet's rows as tab-joined lines; empty rows are left out. */
function sheetText(xml: string, strings: readonly string[], budget: TextBudget): string[] {
  const lines: string[] = [];
  let row: string[] | null = null;
  let cellType = '';
  let column: number | null = null;
  let value: string | null = null;
  let inV = false;
  let inlineT = false;
  let depth = 0;
  for (const t of tokenizeXml(xml)) {
    if (t.kind === 'open') {
      if (!t.selfClosing) budget.checkDepth(++depth);
      const n = local(t.name);
      if (n === 'row') row = t.selfClosing ? null : [];
      else if (n === 'c') {
        cellType = attr(t.attrs, 't') ?? 'n';
        column = columnOf(attr(t.attrs, 'r'));
        value = null;
      } else if (n === 'v' && !t.selfClosing) inV = true;
      else if (n === 't' && !t.selfClosing) inlineT = true;
    } else if (t.kind === 'close') {
      depth--;
      const n = local(t.name);
      if (n === 'v') inV = false;
      else if (n === 't') inlineT = false;
      else if (n === 'c' && row) {
        const raw = value ?? '';
        const text = cellType === 's' ? (strings[Number(raw)] ?? '') : cellType === 'b' ? (raw === '1' ? 'TRUE' : 'FALSE') : raw;
        if (column !== null && column > row.length) row.push(...Array<string>(Math.min(column - row.length, MAX_GAP)).fill(''));
        row.push(text.replace(/[\t\r\n]+/g, ' '));
      } else if (n === 'row' && row) {
        while (row.length && row[row.length - 1] === '') row.pop();
        if (row.length) {
          const line = row.join('\t');
          budget.addChars(line.length);
          budget.addParagraph();
          lines.push(line);
        }
        row = null;
      }
    } else if (inV || inlineT) value = (value ?? '') + t.text;
  }
  return lines;
}

export async function readXlsx(buf: Uint8Array): Promise<string> {
  const zip = await openOfficeZip(buf, CORRUPT);
  const unpacked: Unpacked = { bytes: 0 };
  const part = (name: string) => readPart(zip, name, unpacked);
  try {
    const main = resolveTarget('', relTarget(await part('_rels/.rels'), '/officeDocument') ?? 'xl/workbook.xml');
    const workbook = await part(main);
    if (workbook === null) throw unreadable(CORRUPT, `no workbook part (${main})`);
    const rels = await part('xl/_rels/workbook.xml.rels');
    const strings = sharedStrings(await part(resolveTarget('xl', relTarget(rels, '/sharedStrings') ?? 'sharedStrings.xml')));
    const budget = new TextBudget();
    const out: string[] = [];
    for (const s of sheetParts(workbook, rels, zip)) {
      const xml = await part(s.part);
      if (xml === null) continue;
      const lines = sheetText(xml, strings, budget);
      if (!lines.length) continue;
      out.push(`【${s.name}】`, ...lines, '');
    }
    return out.join('\n').trimEnd();
  } catch (e) {
    if (isAppError(e)) throw e;
    throw unreadable(CORRUPT, `xlsx parts: ${describe(e)}`);
  }
}
