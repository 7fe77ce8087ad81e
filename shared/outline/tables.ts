// Tables turned into text (序号 | 任务 | 牵头单位 | 责任单位 | 完成时限, indicator systems): rows become measures.

import type { Line } from './clean';
import { parseLabel } from './labels';
import { displayWidth } from './text';
import { marksEmptyCells, readHeader, splitCells, type Column, type ColumnRole, type Header } from './table-columns';

export type { ColumnRole } from './table-columns';

export interface TableRow {
  kind: 'row';
  number: number;
  cells: { header: string; role: ColumnRole; text: string }[];
}

const ROW_NO = /^(\d{1,3})[.、．]?$/;
const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function isHeadingLine(text: string): boolean {
  const l = parseLabel(text);
  return l !== null && (l.style === 'cn' || l.style === 'cn-paren' || l.style === 'part');
}

function makeRow(cols: Column[], number: number, values: string[]): TableRow {
  const content = cols.filter((c) => c.role !== 'seq');
  let vals = values;
  // More values than columns: the task cell ran over several lines or separators.
  if (vals.length > content.length && content.length > 0) {
    const taskAt = Math.max(0, content.findIndex((c) => c.role === 'task'));
    const extra = vals.length - content.length;
    vals = [...vals.slice(0, taskAt), vals.slice(taskAt, taskAt + extra + 1).join(''), ...vals.slice(taskAt + extra + 1)];
  }
  const cells = content.map((c, k) => ({ header: c.header, role: c.role, text: (vals[k] ?? '').trim() }));
  return { kind: 'row', number, cells };
}

function isEmptyRow(row: TableRow): boolean {
  return row.cells.every((c) => c.role === 'other' || c.role === 'level' || c.role === 'group' || !c.text);
}

/** Reads the rows under one header; returns the index after the table. */
class TableReader {
  private count = 0;
  private last: TableRow | null = null;
  private levels: string[] = [];
  private levelCount: number[] = [];

  constructor(
    private readonly h: Header,
    private readonly out: (Line | TableRow)[],
  ) {}

  /** Indicator tiers and 重点任务 groups: each new value becomes a heading line above its rows. */
  private emitLevels(row: TableRow, line: Line): void {
    const tiers = row.cells.filter((c) => c.role === 'level' && c !== row.cells.find((x) => x.role === 'task'));
    tiers.forEach((c, k) => {
      if (!c.text || c.text === this.levels[k]) return;
      this.levels[k] = c.text;
      this.levels.length = k + 1;
      this.levelCount[k] = (this.levelCount[k] ?? 0) + 1;
      this.levelCount.length = k + 1;
      const n = CN_NUMERALS[this.levelCount[k]!] ?? String(this.levelCount[k]);
      const text = parseLabel(c.text) ? c.text : k === 0 ? `${n}、${c.text}` : `（${n}）${c.text}`;
      this.out.push({ ...line, text, blankBefore: false, blanks: 0, breakBefore: false });
    });
  }

  push(row: TableRow, line: Line): void {
    if (isEmptyRow(row)) return;
    this.emitLevels(row, line);
    const task = row.cells.find((c) => c.role === 'task');
    // An indicator row numbers itself ("3.落实公平竞争审查制度").
    const own = task ? parseLabel(task.text) : null;
    if (task && own && (own.style === 'arabic' || own.style === 'arabic-paren')) {
      task.text = own.rest;
      if (!this.h.cols.some((c) => c.role === 'seq')) row.number = own.number;
    }
    this.out.push(row);
    this.last = row;
  }

  /** A line of one cell continues the task cell of the row above (a wrapped 工作内容). */
  continueLast(text: string): boolean {
    const task = this.last?.cells.find((c) => c.role === 'task');
    if (!task) return false;
    task.text += text;
    return true;
  }

  nextNumber(): number {
    return ++this.count;
  }
}

function rowValues(h: Header, line: Line): string[] | null {
  const cells = splitCells(line.text);
  if (cells.length < 2 && !line.tabbed) return null;
  // Merged cells on the left ("\t\t2.推进…"): the trimmed line lost the leading empty cells.
  const left = marksEmptyCells(line.text) ? Math.min(line.tabs, h.cols.length - cells.length) : 0;
  return left > 0 ? [...Array<string>(left).fill(''), ...cells] : cells;
}

/** Rows of a table whose header and rows each take one line. */
function readInline(lines: Line[], h: Header, out: (Line | TableRow)[]): number {
  const reader = new TableReader(h, out);
  const seq = h.cols[0]?.role === 'seq';
  let i = h.next;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[|｜\s:：-]+$/.test(line.text)) continue;
    if (readHeader(lines, i)) break;
    const values = rowValues(h, line);
    const no = seq && values ? ROW_NO.exec(values[0] ?? '') : null;
    if (values && (!seq || no)) {
      const number = no ? Number(no[1]) : reader.nextNumber();
      reader.push(makeRow(h.cols, number, seq ? values.slice(1) : values), line);
      continue;
    }
    if (isHeadingLine(line.text)) {
      out.push(line);
      continue;
    }
    // Prose after the last row is the document's closing text, not a cell that ran long.
    if (/[。！？]$/.test(line.text) || !reader.continueLast(line.text)) break;
  }
  return i;
}

/** Rows of a table with each cell on its own line and a blank line for an empty cell. */
function readCellPerLine(lines: Line[], h: Header, out: (Line | TableRow)[]): number {
  const reader = new TableReader(h, out);
  const width = h.cols.length - 1;
  let i = h.next;
  while (i < lines.length) {
    const line = lines[i]!;
    const no = ROW_NO.exec(line.text);
    if (!no) {
      if (isHeadingLine(line.text) && !readHeader(lines, i)) {
        out.push(line);
        i++;
        continue;
      }
      break;
    }
    const number = Number(no[1]);
    const values: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      const n = ROW_NO.exec(l.text);
      if (n && (Number(n[1]) === number + 1 || Number(n[1]) === 1)) break;
      if (isHeadingLine(l.text) || readHeader(lines, j)) break;
      if (values.length >= width && /[。！？]$/.test(l.text)) break;
      if (values.length >= width * 3) break;
      // Where the converter puts a blank line between any two cells, an empty cell adds one more.
      const empty = Math.round(Math.max(0, l.blanks - h.baseBlanks) / (h.baseBlanks + 1));
      for (let b = 0; b < empty && values.length < width; b++) values.push('');
      values.push(l.text);
    }
    reader.push(makeRow(h.cols, number, values), line);
    i = j;
  }
  return i;
}

/**
 * Rows of a cell-per-line table without a 序号 column: cells are counted off by the header's
 * width, an empty cell showing as one more blank line than separates any two cells.
 */
function readCellPerLineUnnumbered(lines: Line[], h: Header, out: (Line | TableRow)[]): number {
  const reader = new TableReader(h, out);
  const width = h.cols.length;
  let values: string[] = [];
  let rowLine: Line | null = null;
  let i = h.next;
  const flush = (): void => {
    if (rowLine && values.some(Boolean)) reader.push(makeRow(h.cols, reader.nextNumber(), values), rowLine);
    values = [];
    rowLine = null;
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (readHeader(lines, i)) break;
    const empty = Math.round(Math.max(0, line.blanks - h.baseBlanks) / (h.baseBlanks + 1));
    for (let b = 0; b < empty && values.length > 0; b++) {
      values.push('');
      if (values.length === width) flush();
    }
    if (values.length === 0) {
      if (isHeadingLine(line.text)) {
        out.push(line);
        continue;
      }
      // A paragraph after the last row is the document's closing text, not a task cell.
      if (/[。！？]$/.test(line.text) && displayWidth(line.text) > 40) break;
      rowLine = line;
    }
    values.push(line.text);
    if (values.length === width) flush();
  }
  flush();
  return i;
}

/** Replaces the lines of any table with rows; other lines pass through unchanged. */
export function extractTables(lines: Line[]): (Line | TableRow)[] {
  const out: (Line | TableRow)[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = readHeader(lines, i);
    if (!header) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const end = !header.cellPerLine
      ? readInline(lines, header, out)
      : header.cols[0]?.role === 'seq'
        ? readCellPerLine(lines, header, out)
        : readCellPerLineUnnumbered(lines, header, out);
    i = Math.max(end, header.next);
  }
  return out;
}

export function isRow(x: Line | TableRow | { kind?: string }): x is TableRow {
  return (x as TableRow).kind === 'row';
}

