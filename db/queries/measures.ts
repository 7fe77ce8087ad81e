// The checklist: measures with their units and their effective status for a period, filtered.
import type { Db } from '../open';
import type { MeasureRow, Section, Status, UnitRef } from '../../shared/model';
import { localIsoDate } from '../../shared/periods';
import { searchMeasureIds } from './search';

export interface MeasureFilter {
  periodId: string;
  planId?: string | undefined;
  sectionId?: string | undefined;
  departmentId?: string | undefined;
  status?: Status | undefined;
  overdue?: boolean | undefined;
  /** Measures falling due within 30 days and not done. */
  dueSoon?: boolean | undefined;
  query?: string | undefined;
  /** The day overdue is judged against (YYYY-MM-DD); today when absent. */
  asOf?: string | undefined;
}

interface MeasureDbRow {
  id: string;
  plan_id: string;
  section_id: string | null;
  path: string;
  number: string;
  title: string;
  deadline: string | null;
  deadline_date: string | null;
  status: Status | null;
  status_period: string | null;
  units: string | null;
}

const DONE: readonly Status[] = ['已完成', '不适用'];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type StoredUnit = UnitRef & { role: 'lead' | 'responsible'; ord: number; collective: number | boolean };

function unitsOf(units: StoredUnit[], role: StoredUnit['role']): UnitRef[] {
  return units.filter((u) => u.role === role).map(({ departmentId, name, asWritten, collective }) => ({ departmentId, name, asWritten, collective: Boolean(collective) }));
}

/** The day overdue is judged against and the last day that counts as due soon, computed once per listing. */
interface DueWindow {
  asOf: string;
  soonUntil: string;
}

function dueWindow(asOf: string = localIsoDate(new Date())): DueWindow {
  return { asOf, soonUntil: addDays(asOf, 30) };
}

function toRow(r: MeasureDbRow, w: DueWindow): MeasureRow {
  const units = r.units ? (JSON.parse(r.units) as StoredUnit[]) : [];
  units.sort((a, b) => a.ord - b.ord);
  const status: Status = r.status ?? '未开始';
  const open = !DONE.includes(status);
  const due = r.deadline_date;
  return {
    id: r.id,
    planId: r.plan_id,
    sectionId: r.section_id,
    path: JSON.parse(r.path) as string[],
    number: r.number,
    title: r.title,
    lead: unitsOf(units, 'lead'),
    responsible: unitsOf(units, 'responsible'),
    deadline: r.deadline,
    deadlineDate: due,
    status,
    statusPeriod: r.status_period,
    overdue: open && due !== null && due < w.asOf,
    dueSoon: open && due !== null && due >= w.asOf && due <= w.soonUntil,
  };
}

const ROW_SELECT = `SELECT m.id, m.plan_id, m.section_id, m.path, m.number, m.title, m.deadline, m.deadline_date,
  ps.status AS status, ps.period_id AS status_period,
  (SELECT json_group_array(json_object('departmentId', d.id, 'name', d.name, 'asWritten', md.as_written,
      'collective', d.collective, 'role', md.role, 'ord', md.ord))
     FROM measure_departments md JOIN departments d ON d.id = md.department_id WHERE md.measure_id = m.id) AS units
  FROM measures m
  LEFT JOIN progress ps ON ps.id = (SELECT p.id FROM progress p WHERE p.measure_id = m.id AND p.period_id <= @periodId
                                    ORDER BY p.period_id DESC LIMIT 1)`;

/** Measures in outline order, each with the status of its latest record up to the period. */
export function listMeasures(db: Db, f: MeasureFilter): MeasureRow[] {
  const dueBy = dueWindow(f.asOf);
  const where: string[] = ['m.deleted = 0'];
  const params: Record<string, unknown> = { periodId: f.periodId };
  if (f.planId) {
    where.push('m.plan_id = @planId');
    params.planId = f.planId;
  }
  if (f.sectionId) {
    where.push(`m.section_id IN (WITH RECURSIVE sub(id) AS (SELECT @sectionId UNION ALL
      SELECT s.id FROM sections s JOIN sub ON s.parent_id = sub.id) SELECT id FROM sub)`);
    params.sectionId = f.sectionId;
  }
  if (f.departmentId) {
    where.push('EXISTS (SELECT 1 FROM measure_departments md WHERE md.measure_id = m.id AND md.department_id = @departmentId)');
    params.departmentId = f.departmentId;
  }
  if (f.query && f.query.trim()) {
    const ids = searchMeasureIds(db, f.query);
    if (ids.length === 0) return [];
    where.push('m.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(ids);
  }
  const sql = `${ROW_SELECT} WHERE ${where.join(' AND ')} ORDER BY m.plan_id, m.ord`;
  let rows = (db.prepare(sql).all(params) as MeasureDbRow[]).map((r) => toRow(r, dueBy));
  if (f.status) rows = rows.filter((r) => r.status === f.status);
  if (f.overdue) rows = rows.filter((r) => r.overdue);
  if (f.dueSoon) rows = rows.filter((r) => r.dueSoon);
  return rows;
}

/** One checklist row by id, or null when no such measure exists. */
export function getMeasureRow(db: Db, id: string, periodId: string, asOf?: string): MeasureRow | null {
  const r = db.prepare(`${ROW_SELECT} WHERE m.id = @id`).get({ id, periodId }) as MeasureDbRow | undefined;
  return r ? toRow(r, dueWindow(asOf)) : null;
}

export function measureExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM measures WHERE id = ? AND deleted = 0').get(id) !== undefined;
}

interface SectionRow {
  id: string;
  plan_id: string;
  parent_id: string | null;
  path: string;
  label: string;
  heading: string;
  context: string;
  preamble: number;
}

/** Sections in outline order, each with the number of measures under it and its subsections. */
export function listSections(db: Db, planId?: string): Section[] {
  const where = planId ? 'WHERE plan_id = ?' : '';
  const args = planId ? [planId] : [];
  const rows = db.prepare(`SELECT id, plan_id, parent_id, path, label, heading, context, preamble FROM sections ${where} ORDER BY plan_id, ord`).all(...args) as SectionRow[];
  const direct = new Map(
    (db.prepare(`SELECT section_id AS id, count(*) AS n FROM measures ${where} GROUP BY section_id`).all(...args) as { id: string | null; n: number }[]).map((r) => [r.id, r.n]),
  );
  const parents = new Map(rows.map((r) => [r.id, r.parent_id]));
  // Each section's own measures count for it and for every ancestor: one pass up the tree per section.
  const total = new Map<string, number>();
  for (const r of rows) {
    const n = direct.get(r.id) ?? 0;
    for (let at: string | null | undefined = r.id; at; at = parents.get(at)) total.set(at, (total.get(at) ?? 0) + n);
  }
  return rows.map((s) => ({
    id: s.id,
    planId: s.plan_id,
    parentId: s.parent_id,
    path: JSON.parse(s.path) as string[],
    label: s.label,
    heading: s.heading,
    context: s.context,
    preamble: s.preamble === 1,
    measureCount: total.get(s.id) ?? 0,
  }));
}
