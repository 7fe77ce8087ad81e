// The store's choice to let clerks record progress, evidence, target figures and rectification answers only for
// measures their own department carries.
// A setting op like "passwords required", so every PC of the ledger enforces the same rule.
import type { Db } from '../open';
import type { User } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { record } from '../sync/index';

const OWN_DEPARTMENT_ONLY = 'clerks_own_department_only';

export function clerksOwnDepartmentOnly(db: Db): boolean {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(OWN_DEPARTMENT_ONLY) as { value: string } | undefined;
  return r ? JSON.parse(r.value) === true : false;
}

export function setClerksOwnDepartmentOnly(db: Db, author: string, on: boolean): void {
  db.transaction(() => record(db, author, [{ entity: 'setting', entityId: OWN_DEPARTMENT_ONLY, field: 'value', value: on, measureId: null }]))();
}

/**
 * The rows naming the department (?) on a measure as a unit of its own (lead or co-operating).
 * Collective units (各有关部门, 各乡镇) name no one department, so they never count: otherwise
 * every clerk could write to every measure that lists them.
 */
const CARRIED_BY = `measure_departments md JOIN departments d ON d.id = md.department_id WHERE md.department_id = ? AND d.collective = 0`;

function carries(db: Db, measureId: string, departmentId: string): boolean {
  return db.prepare(`SELECT 1 FROM ${CARRIED_BY} AND md.measure_id = ? LIMIT 1`).get(departmentId, measureId) !== undefined;
}

/** The measures among `measureIds` a user may write to under the rule of ownMeasureRefusal, in one query (for lists). */
export function ownMeasuresAmong(db: Db, user: User, measureIds: Iterable<string>): Set<string> {
  const ids = new Set(measureIds);
  if (user.role !== 'clerk' || !clerksOwnDepartmentOnly(db)) return ids;
  if (!user.departmentId) return new Set();
  const carried = new Set(db.prepare(`SELECT md.measure_id FROM ${CARRIED_BY}`).pluck().all(user.departmentId) as string[]);
  return new Set([...ids].filter((id) => carried.has(id)));
}

/** Why a clerk may not write to a measure outside their department while the store limits clerks, or null (others pass). */
export function ownMeasureRefusal(db: Db, user: User, measureId: string): AppError | null {
  if (user.role !== 'clerk' || !clerksOwnDepartmentOnly(db)) return null;
  if (!user.departmentId) {
    return new AppError(
      'forbidden',
      '本台账规定办事员只能填报本部门负责的措施,但您的用户还没有所属部门。请联系法制机构为您设置所属部门后再填报。',
      `clerk ${user.id} without department`,
    );
  }
  if (carries(db, measureId, user.departmentId)) return null;
  const m = db.prepare('SELECT number, title FROM measures WHERE id = ?').get(measureId) as { number: string; title: string } | undefined;
  const what = m ? `措施“${m.number} ${m.title}”` : '这项措施';
  return new AppError(
    'forbidden',
    `${what}不由您所在的部门承担,本台账规定办事员只能填报本部门负责的措施(进展、佐证材料、指标完成值和整改落实情况)。如确需填报,请联系该措施的承担部门或法制机构。`,
    `clerk ${user.id} (${user.departmentId}) outside measure ${measureId}`,
  );
}

/** Refuses a clerk's write to a measure outside their department while the store limits clerks; others pass. */
export function requireOwnMeasure(db: Db, user: User, measureId: string): void {
  const refusal = ownMeasureRefusal(db, user, measureId);
  if (refusal) throw refusal;
}

/** The measure an evidence row belongs to, for checking a clerk's edit or removal of it. */
export function measureOfEvidence(db: Db, evidenceId: string): string | null {
  const r = db.prepare('SELECT measure_id FROM evidence WHERE id = ?').get(evidenceId) as { measure_id: string } | undefined;
  return r?.measure_id ?? null;
}
