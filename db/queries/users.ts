// Users: who works in this store, and the system user that the command line acts as.
import type { Db } from '../open';
import { newId, nowIso } from '../../shared/ids';
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

export function listUsers(db: Db): User[] {
  return (db.prepare(`${SELECT} WHERE u.is_system = 0 ORDER BY u.created_at`).all() as UserRow[]).map(toUser);
}

export function getUser(db: Db, id: string): User | null {
  const r = db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as UserRow | undefined;
  return r ? toUser(r) : null;
}

export function createUser(db: Db, args: { name: string; role: Role; departmentId: string | null }): User {
  const id = newId();
  db.prepare('INSERT INTO users (id, name, role, department_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    args.name,
    args.role,
    args.departmentId,
    nowIso(),
  );
  return getUser(db, id)!;
}

/** The administrator the command line records changes as; made on first use. */
export function systemUser(db: Db): User {
  const r = db.prepare(`${SELECT} WHERE u.is_system = 1 LIMIT 1`).get() as UserRow | undefined;
  if (r) return toUser(r);
  const id = newId();
  db.prepare("INSERT INTO users (id, name, role, is_system, created_at) VALUES (?, '系统管理员', 'supervisor', 1, ?)").run(
    id,
    nowIso(),
  );
  return getUser(db, id)!;
}
