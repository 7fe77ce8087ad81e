// The checklist: measures with their units and their effective status for a period, filtered.
import type { Db } from '../open';
import type { MeasureDetail, MeasureRow, Section, Status, UnitRef } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { localIsoDate } from '../../shared/periods';
import { searchMeasureIds } from './search';
import { measureHistory } from './changelog';
import { progressOf } from './progress';

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

function toRow(r: MeasureDbRow, asOf: string): MeasureRow {
  const units = r.units ? (JSON.parse(r.units) as (UnitRef & { role: 'lead' | 'responsible'; ord: number })[]) : [];
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
    lead: units.filter((u) => u.role === 'lead').map(({ departmentId, name, asWritten, collective }) => ({ departmentId, name, asWritten, collective: Boolean(collective) })),
    responsible: units.filter((u) => u.role === 'responsible').map(({ departmentId, name, asWritten, collective }) => ({ departmentId, name, asWritten, collective: Boolean(collective) })),
    deadline: r.deadline,
    deadlineDate: due,
    status,
    statusPeriod: r.status_period,
    overdue: open && due !== null && due < asOf,
    dueSoon: open && due !== null && due >= asOf && due <= addDays(asOf, 30),
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
  const asOf = f.asOf ?? localIsoDate(new Date());
  const where: string[] = [];
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
  const sql = `${ROW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.plan_id, m.ord`;
  let rows = (db.prepare(sql).all(params) as MeasureDbRow[]).map((r) => toRow(r, asOf));
  if (f.status) rows = rows.filter((r) => r.status === f.status);
  if (f.overdue) rows = rows.filter((r) => r.overdue);
  if (f.dueSoon) rows = rows.filter((r) => r.dueSoon);
  return rows;
}

export function getMeasure(db: Db, id: string, periodId: string, asOf?: string): MeasureDetail {
  const r = db.prepare(`${ROW_SELECT} WHERE m.id = @id`).get({ id, periodId }) as MeasureDbRow | undefined;
  if (!r) throw new AppError('not_found', '找不到这项措施,它可能已被删除。请刷新后重试。');
  const extra = db
    .prepare(
      `SELECT m.text, m.targets, s.heading AS section_heading, p.title AS plan_title
       FROM measures m JOIN plans p ON p.id = m.plan_id LEFT JOIN sections s ON s.id = m.section_id WHERE m.id = ?`,
    )
    .get(id) as { text: string; targets: string; section_heading: string | null; plan_title: string };
  return {
    ...toRow(r, asOf ?? localIsoDate(new Date())),
    text: extra.text,
    targets: JSON.parse(extra.targets) as string[],
    sectionHeading: extra.section_heading,
    planTitle: extra.plan_title,
    progress: progressOf(db, id),
    history: measureHistory(db, id),
  };
}

export function measureExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM measures WHERE id = ?').get(id) !== undefined;
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
  measure_count: number;
}

export function listSections(db: Db, planId?: string): Section[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.plan_id, s.parent_id, s.path, s.label, s.heading, s.context, s.preamble,
        (SELECT count(*) FROM measures m WHERE m.section_id IN (WITH RECURSIVE sub(id) AS (SELECT s.id UNION ALL
           SELECT c.id FROM sections c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)) AS measure_count
       FROM sections s ${planId ? 'WHERE s.plan_id = ?' : ''} ORDER BY s.plan_id, s.ord`,
    )
    .all(...(planId ? [planId] : [])) as SectionRow[];
  return rows.map((s) => ({
    id: s.id,
    planId: s.plan_id,
    parentId: s.parent_id,
    path: JSON.parse(s.path) as string[],
    label: s.label,
    heading: s.heading,
    context: s.context,
    preamble: s.preamble === 1,
    measureCount: s.measure_count,
  }));
}
