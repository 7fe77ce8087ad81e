// What a slice covers in a store: its measures, and the plans, sections, departments and users those measures need.
import type { Db } from '../open';
import type { Op, Slice } from '../../shared/sync/types';
import { canonicalKey, cleanUnitName } from '../../shared/departments';

export interface SliceSets {
  measures: Set<string>;
  plans: Set<string>;
  sections: Set<string>;
  departments: Set<string>;
  periods: Set<string> | null;
}

const ids = (db: Db, sql: string, params: unknown[] = []): string[] => (db.prepare(sql).all(...params) as { id: string }[]).map((r) => r.id);

/** A department named by id or by any spelling (resolved through its aliases or canonical name). */
function departmentIds(db: Db, names: readonly string[]): string[] {
  return names.flatMap((n) => {
    const byId = ids(db, 'SELECT id FROM departments WHERE id = ?', [n]);
    if (byId.length) return byId;
    const clean = cleanUnitName(n);
    return ids(db, 'SELECT department_id AS id FROM department_aliases WHERE alias = ? UNION SELECT id FROM departments WHERE canonical_key = ?', [clean, canonicalKey(clean)]);
  });
}

/** The measures a slice selects (every condition given must hold) and what they reference. */
export function sliceSets(db: Db, s: Slice): SliceSets {
  const where: string[] = [];
  const params: unknown[] = [];
  if (s.planIds?.length) {
    where.push(`m.plan_id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(s.planIds));
  }
  if (s.sectionIds?.length) {
    where.push(`m.section_id IN (WITH RECURSIVE sub(id) AS (SELECT value FROM json_each(?) UNION ALL SELECT x.id FROM sections x JOIN sub ON x.parent_id = sub.id) SELECT id FROM sub)`);
    params.push(JSON.stringify(s.sectionIds));
  }
  let chosenDepartments: string[] = [];
  if (s.departments?.length) {
    chosenDepartments = departmentIds(db, s.departments);
    where.push(`EXISTS (SELECT 1 FROM measure_departments md WHERE md.measure_id = m.id AND md.department_id IN (SELECT value FROM json_each(?)))`);
    params.push(JSON.stringify(chosenDepartments));
  }
  const measures = new Set(ids(db, `SELECT m.id FROM measures m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params));
  const list = JSON.stringify([...measures]);
  const plans = new Set(ids(db, 'SELECT DISTINCT plan_id AS id FROM measures WHERE id IN (SELECT value FROM json_each(?))', [list]));
  const sections = new Set(ids(db, 'SELECT id FROM sections WHERE plan_id IN (SELECT value FROM json_each(?))', [JSON.stringify([...plans])]));
  const departments = new Set([
    ...chosenDepartments,
    ...ids(db, 'SELECT DISTINCT department_id AS id FROM measure_departments WHERE measure_id IN (SELECT value FROM json_each(?))', [list]),
  ]);
  return { measures, plans, sections, departments, periods: s.periods?.length ? new Set(s.periods) : null };
}

/** The quarter of a progress, evidence or conflict id (`measure|quarter…`). */
function periodOf(op: Op): string | null {
  if (op.entity === 'progress' || op.entity === 'evidence') return op.entityId.split('|')[1] ?? null;
  return null;
}

/**
 * Whether an op lies inside a slice. Measure-bound ops (the measure, its unit links, progress,
 * evidence, conflicts) follow their measure, and progress and evidence their quarter; plans and
 * sections follow the measures' plans; departments and aliases the departments involved; users
 * belong to a chosen department or are `knownUsers` (the authors the slice's ops name).
 * Any other entity without a measure is outside a slice.
 */
export function inSlice(db: Db, sets: SliceSets, op: Op, knownUsers?: ReadonlySet<string>): boolean {
  if (op.measureId) {
    if (!sets.measures.has(op.measureId)) return false;
    const period = periodOf(op);
    return !sets.periods || period === null || sets.periods.has(period);
  }
  switch (op.entity) {
    case 'plan':
      return sets.plans.has(op.entityId);
    case 'section':
      return sets.sections.has(op.entityId);
    case 'department':
      return sets.departments.has(op.entityId);
    case 'department_alias': {
      const d = db.prepare('SELECT department_id AS id FROM department_aliases WHERE alias = ?').get(op.entityId) as { id: string } | undefined;
      const target = d?.id ?? (JSON.parse(op.value) as string);
      return sets.departments.has(target);
    }
    case 'user': {
      if (knownUsers?.has(op.entityId)) return true;
      const u = db.prepare('SELECT department_id AS id FROM users WHERE id = ?').get(op.entityId) as { id: string | null } | undefined;
      return u?.id ? sets.departments.has(u.id) : false;
    }
    default:
      return false;
  }
}
