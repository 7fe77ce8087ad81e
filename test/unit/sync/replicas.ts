// Several data folders of one ledger, exchanging ops directly (no package file), and a canonical dump to compare them.
import path from 'node:path';
import { closeStore, openStore, type Db } from '../../../db/open';
import { adoptLedger, applyOps, identity, opsSince, versionVector, type ApplyOptions, type ApplyResult } from '../../../db/sync/index';
import { importDocument } from '../../../db/queries/plans';
import { createUser } from '../../../db/queries/users';
import { sampleDocument } from '../../helpers/sample-doc';

export interface Replica {
  name: string;
  dir: string;
  db: Db;
  userId: string;
}

/** An office with the sample plan and a user, and `n - 1` clones made from its whole ledger, each with its own user. */
export function makeReplicas(root: string, names: string[]): Replica[] {
  const office = openStore(path.join(root, names[0]!));
  const officeUser = createUser(office, { name: `${names[0]}用户`, role: 'supervisor', departmentId: null }).id;
  importDocument(office, sampleDocument(), { fileName: '方案.docx', sha256: 'a'.repeat(64), format: 'docx', documentIndex: 0 }, officeUser);
  const out: Replica[] = [{ name: names[0]!, dir: path.join(root, names[0]!), db: office, userId: officeUser }];
  for (const name of names.slice(1)) {
    const dir = path.join(root, name);
    const db = openStore(dir);
    adoptLedger(db, identity(office).ledgerId);
    applyOps(db, opsSince(office, {}), { senderVector: versionVector(office) });
    const userId = createUser(db, { name: `${name}用户`, role: 'clerk', departmentId: null }).id;
    out.push({ name, dir, db, userId });
  }
  return out;
}

/** Sends what `to` lacks from `from` (by `to`'s current vector), as a package would. */
export function send(from: Replica, to: Replica, opts: Partial<ApplyOptions> = {}): ApplyResult {
  return applyOps(to.db, opsSince(from.db, versionVector(to.db)), { senderVector: versionVector(from.db), ...opts });
}

/** Exchanges all ways until nothing new moves (conflicts found on the way are ops too). */
export function syncAll(rs: Replica[]): void {
  for (let round = 0; round < 6; round++) {
    let moved = 0;
    for (const a of rs) for (const b of rs) if (a !== b) moved += send(a, b).received;
    if (moved === 0) return;
  }
  throw new Error('replicas did not settle');
}

const TABLES: Record<string, string> = {
  departments: 'SELECT id, name, canonical_key, collective, created_at FROM departments ORDER BY id',
  department_aliases: 'SELECT alias, department_id FROM department_aliases ORDER BY alias',
  users: 'SELECT id, name, role, department_id, is_system, created_at FROM users ORDER BY id',
  plans: 'SELECT * FROM plans ORDER BY id',
  sections: 'SELECT * FROM sections ORDER BY id',
  measures: 'SELECT * FROM measures ORDER BY id',
  measure_departments: 'SELECT * FROM measure_departments ORDER BY measure_id, role, department_id',
  periods: 'SELECT * FROM periods ORDER BY id',
  progress: 'SELECT * FROM progress ORDER BY id',
  evidence: 'SELECT * FROM evidence ORDER BY id',
  conflicts: 'SELECT * FROM conflicts ORDER BY id',
  search: 'SELECT r.ref_id, r.measure_id, s.body FROM search_refs r JOIN search_index s ON s.rowid = r.rowid ORDER BY r.ref_id',
  ops: 'SELECT replica_id, hlc, hash FROM ops ORDER BY replica_id, hlc',
};

/** Every table's rows in a fixed order: two replicas that saw the same ops must dump the same. */
export function dump(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(TABLES).map(([k, sql]) => [k, db.prepare(sql).all()]));
}

export function closeAll(rs: Replica[]): void {
  for (const r of rs) closeStore(r.db);
}
