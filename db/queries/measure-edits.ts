// Corrections to imported measures — edit, split, merge, add, delete — each written as exchange operations.
import type { Db } from '../open';
import { record, type Change } from '../sync/index';
import { winningOp } from '../sync/ops-store';
import { newId } from '../../shared/ids';
import { AppError } from '../../shared/errors';
import { deadlineDate } from '../../shared/deadline-date';
import { planYears } from './plans';
import { resolveDepartment } from './departments';

export type UnitRole = 'lead' | 'responsible';

export interface MeasureFieldEdit {
  title?: string | undefined;
  text?: string | undefined;
  lead?: string[] | undefined;
  responsible?: string[] | undefined;
  deadline?: string | null | undefined;
  targets?: string[] | undefined;
}

interface StoredMeasure {
  id: string;
  plan_id: string;
  section_id: string | null;
  path: string;
  number: string;
  title: string;
  text: string;
  deadline: string | null;
  targets: string;
  ord: number;
  plan_title: string;
}

/** A live (not deleted) measure, or a Chinese error saying it is gone. */
export function liveMeasure(db: Db, id: string): StoredMeasure {
  const m = db
    .prepare(
      `SELECT m.id, m.plan_id, m.section_id, m.path, m.number, m.title, m.text, m.deadline, m.targets, m.ord, p.title AS plan_title
       FROM measures m JOIN plans p ON p.id = m.plan_id WHERE m.id = ? AND m.deleted = 0`,
    )
    .get(id) as StoredMeasure | undefined;
  if (!m) throw new AppError('not_found', '找不到这项措施,它可能已被删除或合并。请刷新后重试。');
  return m;
}

const field = (measureId: string, name: string, value: unknown): Change => ({ entity: 'measure', entityId: measureId, field: name, value, measureId });

/** The deadline's calendar date, read with the plan's last year for deadlines that name no year. */
function dueDate(db: Db, planId: string, deadline: string | null): string | null {
  const plan = db.prepare('SELECT title FROM plans WHERE id = ?').get(planId) as { title: string };
  return deadlineDate(deadline, planYears(plan.title).lastYear ?? undefined);
}

export function deadlineChanges(db: Db, m: { id: string; plan_id: string }, deadline: string | null): Change[] {
  return [field(m.id, 'deadline', deadline), field(m.id, 'deadline_date', dueDate(db, m.plan_id, deadline))];
}

/**
 * The link changes that make a measure's units of one role exactly `names`, in order: links no
 * longer named are tombstoned, new ones created (re-created when once deleted).
 */
export function unitChanges(db: Db, author: string, measureId: string, role: UnitRole, names: readonly string[]): Change[] {
  const current = db.prepare('SELECT department_id FROM measure_departments WHERE measure_id = ? AND role = ?').all(measureId, role) as { department_id: string }[];
  const wanted = new Map<string, { asWritten: string; ord: number }>();
  names.forEach((n) => {
    const dept = resolveDepartment(db, n, author);
    if (!wanted.has(dept)) wanted.set(dept, { asWritten: n, ord: wanted.size });
  });
  const out: Change[] = [];
  const link = (dept: string): string => `${measureId}|${role}|${dept}`;
  for (const { department_id } of current) {
    if (!wanted.has(department_id)) out.push({ entity: 'measure_department', entityId: link(department_id), field: 'deleted', value: true, measureId });
  }
  for (const [dept, w] of wanted) {
    const id = link(dept);
    if (winningOp(db, 'measure_department', id, 'deleted')?.value === 'true') out.push({ entity: 'measure_department', entityId: id, field: 'deleted', value: false, measureId });
    out.push({ entity: 'measure_department', entityId: id, field: 'as_written', value: w.asWritten, measureId });
    out.push({ entity: 'measure_department', entityId: id, field: 'ord', value: w.ord, measureId });
  }
  return out;
}

function unitsOf(db: Db, measureId: string, role: UnitRole): string[] {
  return (db.prepare('SELECT as_written FROM measure_departments WHERE measure_id = ? AND role = ? ORDER BY ord').all(measureId, role) as { as_written: string }[]).map((r) => r.as_written);
}

/** Changes the given fields of a measure; fields left out stay as they are. */
export function editMeasure(db: Db, author: string, id: string, e: MeasureFieldEdit): void {
  db.transaction(() => {
    const m = liveMeasure(db, id);
    const changes: Change[] = [];
    if (e.title !== undefined) changes.push(field(id, 'title', e.title));
    if (e.text !== undefined) changes.push(field(id, 'text', e.text));
    if (e.targets !== undefined) changes.push(field(id, 'targets', e.targets));
    if (e.deadline !== undefined) changes.push(...deadlineChanges(db, m, e.deadline));
    if (e.lead !== undefined) changes.push(...unitChanges(db, author, id, 'lead', e.lead));
    if (e.responsible !== undefined) changes.push(...unitChanges(db, author, id, 'responsible', e.responsible));
    record(db, author, changes);
  })();
}

/** Moves the measures after `ord` in a plan one place down, making room at ord + 1. */
function makeRoomAfter(db: Db, planId: string, ord: number): Change[] {
  const later = db.prepare('SELECT id, ord FROM measures WHERE plan_id = ? AND ord > ? ORDER BY ord').all(planId, ord) as { id: string; ord: number }[];
  return later.map((r) => field(r.id, 'ord', r.ord + 1));
}

/** The first sentence of a text, as the parser makes titles. */
function firstSentence(text: string): string {
  const s = text.trim().split(/[。;；！!？?\n]/)[0] ?? '';
  return (s || text.trim()).slice(0, 500);
}

interface NewMeasure {
  planId: string;
  sectionId: string | null;
  path: string[];
  number: string;
  title: string;
  text: string;
  deadline: string | null;
  targets: string[];
  ord: number;
}

function createChanges(db: Db, id: string, n: NewMeasure): Change[] {
  return [
    field(id, 'plan_id', n.planId),
    field(id, 'section_id', n.sectionId),
    field(id, 'path', n.path),
    field(id, 'number', n.number),
    field(id, 'title', n.title),
    field(id, 'text', n.text),
    field(id, 'targets', n.targets),
    field(id, 'ord', n.ord),
    ...deadlineChanges(db, { id, plan_id: n.planId }, n.deadline),
  ];
}

/** Cuts a measure in two at a character offset of its text; the second part becomes a new measure right after it, with the same units. */
export function splitMeasure(db: Db, author: string, id: string, at: number): { first: string; second: string } {
  return db.transaction(() => {
    const m = liveMeasure(db, id);
    const head = m.text.slice(0, at).trim();
    const tail = m.text.slice(at).trim();
    if (!head || !tail) throw new AppError('validation', '拆分位置应在措施内容中间,两部分都不能为空。请重新选择拆分位置。');
    const second = newId();
    const path = JSON.parse(m.path) as string[];
    const number = `${m.number}之二`;
    const changes: Change[] = [
      field(id, 'text', head),
      ...(head.startsWith(m.title) ? [] : [field(id, 'title', firstSentence(head))]),
      ...makeRoomAfter(db, m.plan_id, m.ord),
      ...createChanges(db, second, {
        planId: m.plan_id,
        sectionId: m.section_id,
        path: [...path.slice(0, -1), number],
        number,
        title: firstSentence(tail),
        text: tail,
        deadline: m.deadline,
        targets: [],
        ord: m.ord + 1,
      }),
    ];
    record(db, author, changes);
    record(db, author, [...unitChanges(db, author, second, 'lead', unitsOf(db, id, 'lead')), ...unitChanges(db, author, second, 'responsible', unitsOf(db, id, 'responsible'))]);
    return { first: id, second };
  })();
}

/**
 * Folds `absorbedId` into `intoId`: text appended, units united, each quarter's record and every
 * evidence file carried over (a quarter both have keeps the kept measure's status and joins the
 * narratives). The absorbed measure is tombstoned; its own rows stay in its history.
 */
export function mergeMeasures(db: Db, author: string, intoId: string, absorbedId: string): void {
  if (intoId === absorbedId) throw new AppError('validation', '不能把一项措施与它自己合并。请选择另一项措施。');
  db.transaction(() => {
    const into = liveMeasure(db, intoId);
    const absorbed = liveMeasure(db, absorbedId);
    if (into.plan_id !== absorbed.plan_id) throw new AppError('validation', '只能合并同一实施方案中的措施。请选择同一方案中的措施。');
    const changes: Change[] = [field(intoId, 'text', `${into.text}\n${absorbed.text}`)];
    const targets = [...new Set([...(JSON.parse(into.targets) as string[]), ...(JSON.parse(absorbed.targets) as string[])])];
    changes.push(field(intoId, 'targets', targets));
    for (const role of ['lead', 'responsible'] as const) changes.push(...unitChanges(db, author, intoId, role, [...unitsOf(db, intoId, role), ...unitsOf(db, absorbedId, role)]));
    const progress = db.prepare('SELECT period_id, status, narrative FROM progress WHERE measure_id = ?').all(absorbedId) as { period_id: string; status: string; narrative: string }[];
    for (const p of progress) {
      const mine = db.prepare('SELECT status, narrative FROM progress WHERE measure_id = ? AND period_id = ?').get(intoId, p.period_id) as { status: string; narrative: string } | undefined;
      const pid = `${intoId}|${p.period_id}`;
      if (!mine) changes.push({ entity: 'progress', entityId: pid, field: 'status', value: p.status, measureId: intoId });
      const narrative = !mine ? p.narrative : mine.narrative.includes(p.narrative) ? mine.narrative : [mine.narrative, p.narrative].filter(Boolean).join('\n');
      if (narrative !== (mine?.narrative ?? '')) changes.push({ entity: 'progress', entityId: pid, field: 'narrative', value: narrative, measureId: intoId });
    }
    const files = db.prepare('SELECT period_id, sha256, name, size, mime, description, doc_number, doc_date, superseded_by FROM evidence WHERE measure_id = ?').all(absorbedId) as Record<string, unknown>[];
    for (const f of files) {
      const eid = `${intoId}|${String(f.period_id)}|${String(f.sha256)}`;
      if (db.prepare('SELECT 1 FROM evidence WHERE id = ?').get(eid)) continue;
      for (const k of ['period_id', 'name', 'size', 'mime', 'description', 'doc_number', 'doc_date']) changes.push({ entity: 'evidence', entityId: eid, field: k, value: f[k] ?? null, measureId: intoId });
      // An earlier version stays earlier on the merged measure: its successor moves with it.
      const next = typeof f.superseded_by === 'string' && f.superseded_by.startsWith(`${absorbedId}|`) ? `${intoId}${f.superseded_by.slice(absorbedId.length)}` : null;
      if (next) changes.push({ entity: 'evidence', entityId: eid, field: 'superseded_by', value: next, measureId: intoId });
    }
    changes.push(field(absorbedId, 'deleted', true));
    record(db, author, changes);
  })();
}

export interface AddMeasureArgs {
  planId: string;
  after: string | null;
  sectionId?: string | null | undefined;
  number: string;
  title: string;
  text?: string | undefined;
  lead: string[];
  responsible: string[];
  deadline: string | null;
}

/** A measure the parser missed, placed right after `after` (or first in its plan). */
export function addMeasure(db: Db, author: string, a: AddMeasureArgs): string {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM plans WHERE id = ?').get(a.planId)) throw new AppError('not_found', '找不到该实施方案。请刷新后重试。');
    const prev = a.after ? liveMeasure(db, a.after) : null;
    if (prev && prev.plan_id !== a.planId) throw new AppError('validation', '新增措施应与前一项措施在同一实施方案中。请刷新后重试。');
    const sectionId = a.sectionId !== undefined ? a.sectionId : (prev?.section_id ?? null);
    const sectionPath = sectionId ? (JSON.parse((db.prepare('SELECT path FROM sections WHERE id = ?').get(sectionId) as { path: string }).path) as string[]) : [];
    const ord = prev ? prev.ord + 1 : 0;
    const id = newId();
    record(db, author, [
      ...makeRoomAfter(db, a.planId, ord - 1),
      ...createChanges(db, id, { planId: a.planId, sectionId, path: [...sectionPath, a.number], number: a.number, title: a.title, text: a.text ?? a.title, deadline: a.deadline, targets: [], ord }),
    ]);
    record(db, author, [...unitChanges(db, author, id, 'lead', a.lead), ...unitChanges(db, author, id, 'responsible', a.responsible)]);
    return id;
  })();
}

/** Tombstones a measure: it leaves lists and reports; its records stay in the history. */
export function deleteMeasure(db: Db, author: string, id: string): void {
  db.transaction(() => {
    liveMeasure(db, id);
    record(db, author, [field(id, 'deleted', true)]);
  })();
}
