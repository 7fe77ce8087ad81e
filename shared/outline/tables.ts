// Tables turned into text (序号 | 任务 | 牵头单位 | 责任单位 | 完成时限): each row becomes a measure.

import type { Line } from './clean';
import { LEAD_WORD_RE } from './keys';
import { parseLabel } from './labels';
import { displayWidth, tcAny } from './text';

export type ColumnRole = 'seq' | 'task' | 'lead' | 'resp' | 'deadline' | 'other';

export interface Column {
  header: string;
  role: ColumnRole;
}

export interface TableRow {
  kind: 'row';
  number: number;
  cells: { header: string; role: ColumnRole; text: string }[];
}

const SEQ_RE = new RegExp(`^(?:${tcAny(['序号', '编号', '序'])})$`);
const RESP_RE = new RegExp(tcAny(['责任', '配合', '协办', '参与', '落实单位', '实施单位', '承办单位', '负责单位', '主体']));
const DEADLINE_RE = new RegExp(tcAny(['时限', '时间', '节点', '期限', '进度']));
const TASK_RE = new RegExp(tcAny(['任务', '内容', '措施', '事项', '要点', '重点工作', '举措']));

function columnRole(header: string): ColumnRole {
  const h = header.replace(/\s+/g, '');
  if (SEQ_RE.test(h)) return 'seq';
  if (LEAD_WORD_RE.test(h)) return 'lead';
  if (RESP_RE.test(h)) return 'resp';
  if (DEADLINE_RE.test(h)) return 'deadline';
  if (TASK_RE.test(h)) return 'task';
  return 'other';
}

/** Cells of a table line: tab, a vertical bar, or a run of two or more spaces separate them. */
function splitCells(line: string): string[] {
  const t = line.trim();
  // Tabs and bars mark every cell, empty ones too; runs of spaces cannot show an empty cell.
  if (t.includes('\t')) return t.split('\t').map((c) => c.trim());
  if (/[|｜]/.test(t)) return t.replace(/^[|｜]|[|｜]$/g, '').split(/[|｜]/).map((c) => c.trim());
  return t.split(/ {2,}/).map((c) => c.trim()).filter(Boolean);
}

function isTableHeader(cols: Column[]): boolean {
  const roles = new Set(cols.map((c) => c.role));
  return cols.length >= 3 && roles.has('seq') && roles.has('task') && (roles.has('lead') || roles.has('resp') || roles.has('deadline'));
}

/** A header on one line ("序号\t工作任务\t牵头单位…") or one cell per line, starting at `i`. */
function readHeader(lines: Line[], i: number): { cols: Column[]; next: number } | null {
  const text = lines[i]?.text ?? '';
  if (!/序[号號]|^序$|^编[号號]/.test(text) || displayWidth(text) > 80) return null;
  let cells = splitCells(text);
  if (cells.length < 3) cells = text.split(/\s+/);
  if (cells.length >= 3) {
    const cols = cells.map((h) => ({ header: h, role: columnRole(h) }));
    return isTableHeader(cols) ? { cols, next: i + 1 } : null;
  }
  if (columnRole(text) !== 'seq') return null;
  const cols: Column[] = [{ header: text, role: 'seq' }];
  let j = i + 1;
  for (; j < lines.length && cols.length < 10; j++) {
    const h = lines[j]?.text ?? '';
    const role = columnRole(h);
    if (displayWidth(h) > 10 || (role === 'other' && /[。，,；;]/.test(h)) || /^\d/.test(h)) break;
    cols.push({ header: h, role });
  }
  return isTableHeader(cols) ? { cols, next: j } : null;
}

const ROW_NO = /^(\d{1,3})[.、．]?$/;

function isHeadingLine(text: string): boolean {
  const l = parseLabel(text);
  return l !== null && (l.style === 'cn' || l.style === 'cn-paren');
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

/** Replaces the lines of any table with rows; other lines pass through unchanged. */
export function extractTables(lines: Line[]): (Line | TableRow)[] {
  const out: (Line | TableRow)[] = [];
  let cols: Column[] | null = null;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const header = readHeader(lines, i);
    if (header) {
      cols = header.cols;
      i = header.next;
      continue;
    }
    if (!cols) {
      out.push(line);
      i++;
      continue;
    }
    const text = line.text;
    if (/^[|｜\s:：-]+$/.test(text)) {
      i++;
      continue;
    }
    let cells = splitCells(text);
    if (cells.length < 2) {
      const loose = text.split(/\s+/);
      if (loose.length === cols.length) cells = loose;
    }
    const no = ROW_NO.exec(cells[0] ?? '');
    if (no && cells.length >= 2) {
      out.push(makeRow(cols, Number(no[1]), cells.slice(1)));
      i++;
      continue;
    }
    if (no) {
      const number = Number(no[1]);
      const values: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const t = lines[j]!.text;
        const n = ROW_NO.exec(t);
        if (n && (Number(n[1]) === number + 1 || Number(n[1]) === 1)) break;
        if (isHeadingLine(t) || readHeader(lines, j)) break;
        // Prose after the last row is the closing text, not a cell that ran long.
        if (values.length >= cols.length - 1 && /[。！？]$/.test(t)) break;
        if (values.length >= cols.length * 3) break;
        values.push(t);
      }
      out.push(makeRow(cols, number, values));
      i = j;
      continue;
    }
    if (isHeadingLine(text)) {
      out.push(line);
      i++;
      continue;
    }
    cols = null;
    out.push(line);
    i++;
  }
  return out;
}

export function isRow(x: Line | TableRow | { kind?: string }): x is TableRow {
  return (x as TableRow).kind === 'row';
}
