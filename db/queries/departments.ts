// Departments: one row per real department, found again under any spelling documents use.
import type { Db } from '../open';
import { record } from '../sync/index';
import { sha256Hex } from '../sync/hash';
import { canonicalKey, cleanUnitName, isCollective } from '../../shared/departments';
import type { Department } from '../../shared/model';

/**
 * The department a written unit name stands for, created on first sight; records the spelling.
 * A new department's id is made from its canonical name, so two PCs that meet the same unit
 * independently create the same department.
 */
export function resolveDepartment(db: Db, asWritten: string, author = ''): string {
  const name = cleanUnitName(asWritten);
  const alias = db.prepare('SELECT department_id FROM department_aliases WHERE alias = ?').get(name) as
    | { department_id: string }
    | undefined;
  if (alias) return alias.department_id;
  const key = canonicalKey(name);
  const found = db.prepare('SELECT id FROM departments WHERE canonical_key = ?').get(key) as { id: string } | undefined;
  const id = found?.id ?? `dept-${sha256Hex(key).slice(0, 24)}`;
  const base = { entity: 'department', entityId: id, measureId: null };
  record(db, author, [
    ...(found ? [] : [{ ...base, field: 'name', value: name }, { ...base, field: 'canonical_key', value: key }, { ...base, field: 'collective', value: isCollective(name) }]),
    { entity: 'department_alias', entityId: name, field: 'department_id', value: id, measureId: null },
  ]);
  return id;
}

interface DepartmentRow {
  id: string;
  name: string;
  collective: number;
  aliases: string | null;
  lead_count: number;
  responsible_count: number;
}

export function listDepartments(db: Db): Department[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.name, d.collective,
         (SELECT json_group_array(alias) FROM department_aliases a WHERE a.department_id = d.id) AS aliases,
         (SELECT count(*) FROM measure_departments md WHERE md.department_id = d.id AND md.role = 'lead') AS lead_count,
         (SELECT count(*) FROM measure_departments md WHERE md.department_id = d.id AND md.role = 'responsible') AS responsible_count
       FROM departments d ORDER BY d.collective, lead_count DESC, d.name`,
    )
    .all() as DepartmentRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    collective: r.collective === 1,
    aliases: r.aliases ? (JSON.parse(r.aliases) as string[]) : [],
    leadCount: r.lead_count,
    responsibleCount: r.responsible_count,
  }));
}

export function departmentExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM departments WHERE id = ?').get(id) !== undefined;
}
