// Department corrections — rename, mark collective, merge two spellings into one — written as exchange operations.
import type { Db } from '../open';
import { record, type Change } from '../sync/index';
import { AppError } from '../../shared/errors';
import { cleanUnitName } from '../../shared/departments';
import { unitChanges } from './measure-edits';

interface DeptRow {
  id: string;
  name: string;
}

function liveDepartment(db: Db, id: string): DeptRow {
  const d = db.prepare('SELECT id, name FROM departments WHERE id = ? AND merged_into IS NULL').get(id) as DeptRow | undefined;
  if (!d) throw new AppError('not_found', '找不到该单位,它可能已被合并。请刷新后重试。');
  return d;
}

const dept = (id: string, field: string, value: unknown): Change => ({ entity: 'department', entityId: id, field, value, measureId: null });
const alias = (name: string, departmentId: string): Change => ({ entity: 'department_alias', entityId: name, field: 'department_id', value: departmentId, measureId: null });

/** Gives a department a new name; the new name also becomes one of its spellings, so documents that use it find it. */
export function renameDepartment(db: Db, author: string, id: string, newName: string): void {
  db.transaction(() => {
    const d = liveDepartment(db, id);
    const name = cleanUnitName(newName);
    if (!name) throw new AppError('validation', '单位名称不能为空。请填写名称。');
    const owner = db.prepare('SELECT department_id FROM department_aliases WHERE alias = ?').get(name) as { department_id: string } | undefined;
    const sameName = db.prepare('SELECT id FROM departments WHERE name = ? AND id <> ? AND merged_into IS NULL').get(name, id) as { id: string } | undefined;
    if ((owner && owner.department_id !== id) || sameName) {
      throw new AppError('conflict', `已有名为“${name}”的单位。如果两者是同一单位,请使用“合并到…”把它们合并。`);
    }
    if (name === d.name) return;
    record(db, author, [dept(id, 'name', name), alias(name, id)]);
  })();
}

export function setCollective(db: Db, author: string, id: string, collective: boolean): void {
  db.transaction(() => {
    liveDepartment(db, id);
    record(db, author, [dept(id, 'collective', collective)]);
  })();
}

/**
 * Merges `fromId` into `intoId`: every measure link, user and spelling of `from` moves to
 * `into`, and `from` is marked merged (kept, so that links made meanwhile on another PC still
 * point at a row; the list hides it).
 */
export function mergeDepartments(db: Db, author: string, fromId: string, intoId: string): void {
  if (fromId === intoId) throw new AppError('validation', '不能把一个单位合并到它自己。请选择另一个单位。');
  db.transaction(() => {
    liveDepartment(db, fromId);
    liveDepartment(db, intoId);
    const changes: Change[] = [];
    const measures = db.prepare('SELECT DISTINCT measure_id FROM measure_departments WHERE department_id = ?').all(fromId) as { measure_id: string }[];
    for (const { measure_id } of measures) {
      for (const role of ['lead', 'responsible'] as const) {
        const rows = db.prepare('SELECT department_id, as_written FROM measure_departments WHERE measure_id = ? AND role = ? ORDER BY ord').all(measure_id, role) as { department_id: string; as_written: string }[];
        if (!rows.some((r) => r.department_id === fromId)) continue;
        // The spellings stay as the document wrote them; they now resolve to `into` through its aliases.
        const spellings = rows.map((r) => r.as_written);
        for (const r of rows) if (r.department_id === fromId) changes.push(alias(cleanUnitName(r.as_written), intoId));
        record(db, author, changes.splice(0));
        changes.push(...unitChanges(db, author, measure_id, role, spellings));
      }
    }
    const aliases = db.prepare('SELECT alias FROM department_aliases WHERE department_id = ?').all(fromId) as { alias: string }[];
    for (const a of aliases) changes.push(alias(a.alias, intoId));
    const users = db.prepare('SELECT id FROM users WHERE department_id = ?').all(fromId) as { id: string }[];
    for (const u of users) changes.push({ entity: 'user', entityId: u.id, field: 'department_id', value: intoId, measureId: null });
    changes.push(dept(fromId, 'merged_into', intoId));
    record(db, author, changes);
  })();
}
