// Table headers turned into text: what each column holds, and how a line splits into cells.

import type { Line } from './clean';
import { LEAD_WORD_RE } from './keys';
import { displayWidth, tcAny } from './text';

/** 'group' is a task column with a finer one after it (重点任务 | 具体措施); 'level' an indicator tier above the measure. */
export type ColumnRole = 'seq' | 'task' | 'group' | 'level' | 'lead' | 'resp' | 'deadline' | 'other';

export interface Column {
  header: string;
  role: ColumnRole;
}

export interface Header {
  cols: Column[];
  /** Index of the first line after the header. */
  next: number;
  /** Each cell on its own line (blank lines are empty cells) rather than a row per line. */
  cellPerLine: boolean;
  /** Blank lines that separate any two cells in this file (0 unless the converter doubles them). */
  baseBlanks: number;
}

const SEQ_RE = new RegExp(`^(?:${tcAny(['序号', '编号', '序'])})$`);
const LEVEL_RE = /^[一二三四1-4]级指标$|^[一二三四]级$/;
const RESP_RE = new RegExp(tcAny(['责任', '配合', '协办', '参与', '落实单位', '实施单位', '承办单位', '负责单位', '主体']));
const DEADLINE_RE = new RegExp(tcAny(['时限', '时间', '节点', '期限', '进度']));
const TASK_RE = new RegExp(tcAny(['任务', '内容', '措施', '事项', '要点', '重点工作', '举措', '指标', '项目']));

function columnRole(header: string): ColumnRole {
  const h = header.replace(/\s+/g, '');
  if (SEQ_RE.test(h)) return 'seq';
  if (LEVEL_RE.test(h)) return 'level';
  if (LEAD_WORD_RE.test(h)) return 'lead';
  if (RESP_RE.test(h)) return 'resp';
  if (DEADLINE_RE.test(h)) return 'deadline';
  if (TASK_RE.test(h) && displayWidth(h) <= 8) return 'task';
  return 'other';
}

/** The deepest indicator tier, or the last task column, is the measure; earlier ones group rows. */
function settleRoles(cols: Column[]): Column[] {
  const levels = cols.filter((c) => c.role === 'level');
  if (levels.length) {
    levels[levels.length - 1]!.role = 'task';
    for (const c of cols) if (c.role === 'task' && c !== levels[levels.length - 1]) c.role = 'other';
    return cols;
  }
  const tasks = cols.filter((c) => c.role === 'task');
  for (const c of tasks.slice(0, -1)) c.role = 'group';
  return cols;
}

/** Cells of a table line: tab, a vertical bar, or a run of two or more spaces separate them. */
export function splitCells(line: string): string[] {
  const t = line.trim();
  // Tabs and bars mark every cell, empty ones too; runs of spaces cannot show an empty cell.
  if (t.includes('\t')) return t.split('\t').map((c) => c.trim());
  if (/[|｜]/.test(t)) return t.replace(/^[|｜]|[|｜]$/g, '').split(/[|｜]/).map((c) => c.trim());
  return t.split(/ {2,}/).map((c) => c.trim()).filter(Boolean);
}

/** Whether a line's cells were marked by tabs or bars (so empty cells show). */
export function marksEmptyCells(line: string): boolean {
  return /[\t|｜]/.test(line.trim());
}

function isTableHeader(cols: Column[]): boolean {
  const roles = new Set(cols.map((c) => c.role));
  const content = cols.filter((c) => c.role !== 'seq' && c.role !== 'other').length;
  // Without a 序号 column a header must name the task and at least two things about it.
  if (!roles.has('seq') && !(roles.has('task') || roles.has('level'))) return false;
  if (!roles.has('seq') && content < 3) return false;
  return cols.length >= 3 && (roles.has('task') || roles.has('level')) && (roles.has('lead') || roles.has('resp') || roles.has('deadline') || roles.has('level'));
}

const HEADER_HINT = new RegExp(`序[号號]|^序$|^编[号號]|${tcAny(['工作任务', '重点任务', '工作内容', '具体措施', '主要任务', '任务内容', '一级指标', '工作事项'])}`);

/** A header on one line ("序号\t工作任务\t牵头单位…") or one cell per line, starting at `i`. */
export function readHeader(lines: Line[], i: number): Header | null {
  const text = lines[i]?.text ?? '';
  if (!HEADER_HINT.test(text) || displayWidth(text) > 80 || /[。；;，,：:]/.test(text)) return null;
  let cells = splitCells(text);
  if (cells.length < 3) cells = text.split(/\s+/);
  if (cells.length >= 3) {
    const cols = settleRoles(cells.map((h) => ({ header: h, role: columnRole(h) })));
    return isTableHeader(cols) ? { cols, next: i + 1, cellPerLine: false, baseBlanks: 0 } : null;
  }
  // One cell per line: with a 序号 column its numbers tell where a row starts; without one, the
  // header must name only known columns, so that rows can be counted off by its width.
  const first = columnRole(text);
  if (first !== 'seq' && first !== 'task') return null;
  const cols: Column[] = [{ header: text, role: first }];
  let j = i + 1;
  let baseBlanks = Infinity;
  for (; j < lines.length && cols.length < 10; j++) {
    const h = lines[j]!;
    const role = columnRole(h.text);
    if (displayWidth(h.text) > 10 || (role === 'other' && /[。，,；;]/.test(h.text)) || /^\d/.test(h.text)) break;
    // Without numbers the header ends at the first line that names no known column: the first cell.
    if (first !== 'seq' && role === 'other') break;
    cols.push({ header: h.text, role });
    baseBlanks = Math.min(baseBlanks, h.blanks);
  }
  settleRoles(cols);
  return isTableHeader(cols) ? { cols, next: j, cellPerLine: true, baseBlanks: Number.isFinite(baseBlanks) ? baseBlanks : 0 } : null;
}
