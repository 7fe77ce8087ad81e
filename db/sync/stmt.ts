// Prepared statements cached per connection: the merge runs the same few statements hundreds of thousands of times.
import type Database from 'better-sqlite3';
import type { Db } from '../open';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function stmt(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
