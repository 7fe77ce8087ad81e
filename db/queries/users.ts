// Users: who works in this store, and the system user that the command line acts as.
import type { Db } from '../open';
import { newId } from '../../shared/ids';
import { identity, record } from '../sync/index';
import type { Role, User } from '../../shared/model';

interface UserRow {
  id: string;
  name: string;
  role: Role;
  department_id: string | null;
  department_name: string | null;
  is_system: number;
  created_at: string;
}

const SELECT = `SELECT u.id, u.name, u.role, u.department_id, d.name AS department_name, u.is_system, u.created_at
  FROM users u LEFT JOIN departments d ON d.id = u.department_id`;

function toUser(r: UserRow): User {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    departmentId: r.department_id,
    departmentName: r.department_name,
    system: r.is_system === 1,
    createdAt: r.created_at,
  };
}

/**
 * The users created on this PC (their first change was made by this replica or one it was copied from).
 * A PC set up from the office's package holds the office's users too; none of them may be assumed to sit here.
 */
export function usersCreatedHere(db: Db): Set<string> {
  const me = identity(db);
  const here = new Set([me.replicaId, ...me.formerReplicaIds]);
  const rows = db
    .prepare("SELECT entity_id AS id, replica_id AS replica, min(hlc) FROM ops WHERE entity = 'user' GROUP BY entity_id")
    .all() as { id: string; replica: string }[];
  return new Set(rows.filter((r) => here.has(r.replica)).map((r) => r.id));
}

export function listUsers(db: Db): User[] {
  return (db.prepare(`${SELECT} WHERE u.is_system = 0 ORDER BY u.created_at`).all() as UserRow[]).map(toUser);
}

export function getUser(db: Db, id: string): User | null {
  const r = db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as UserRow | undefined;
  return r ? toUser(r) : null;
}

/** Adds a person; the new user is the author of their own creation (at first run nobody else exists yet). */
export function createUser(db: Db, args: { name: string; role: Role; departmentId: string | null }, author?: string): User {
  const id = newId();
  writeUser(db, id, author ?? id, { name: args.name, role: args.role, department_id: args.departmentId, is_system: false });
  return getUser(db, id)!;
}

function writeUser(db: Db, id: string, author: string, fields: { name: string; role: Role; department_id: string | null; is_system: boolean }): void {
  record(db, author, Object.entries(fields).map(([field, value]) => ({ entity: 'user', entityId: id, field, value, measureId: null })));
}

/** The administrator the command line records changes as; made on first use. */
export function systemUser(db: Db): User {
  const r = db.prepare(`${SELECT} WHERE u.is_system = 1 LIMIT 1`).get() as UserRow | undefined;
  if (r) return toUser(r);
  const id = newId();
  writeUser(db, id, id, { name: '系统管理员', role: 'supervisor', department_id: null, is_system: true });
  return getUser(db, id)!;
}
