// A ledger's tables as they stand, for a new working copy: taken in whole by an empty store instead of replaying its ops.
//
// Actual Budget hands a new device a snapshot of the budget instead of its messages; a whole-ledger package does the
// same. Beside its ops (the log the receiver keeps, which the audit chain covers) it carries the tables those ops built,
// in a SQLite file of their own, and an empty store of the same schema takes the rows as they are: about half the time
// of building every row from the log. The receiver proves that the snapshot's log is the package's ops part, op for
// op (snapshotOpTextsSql), whose hash and audit chain it checks, so what it keeps is what it checked. The other tables
// it takes from the sender as it would take the sender's merge: what the sender's own store holds for that log.
import type { Db } from '../open';
import { observeNewest, opTextsSql } from './exchange';
import { forgetBuilt } from './ops-store';

/** Tables of one store rather than of the ledger: its identity, its exchange bookkeeping, each user's own settings. */
const LOCAL_TABLES = new Set(['ledger', 'exchange_origin', 'exchange_packages', 'exchange_peers', 'exchange_receipts', 'user_settings']);

interface Shape {
  name: string;
  columns: string[];
  /** A full-text index: the snapshot holds its texts by rowid, the receiver indexes them again. */
  fts: boolean;
}

function columnsOf(db: Db, schema: string, table: string): string[] {
  return db.prepare(`SELECT name FROM pragma_table_info(?, ?) ORDER BY cid`).pluck().all(table, schema) as string[];
}

/** The ledger's tables in this store, each with its columns in order. */
function ledgerShapes(db: Db): Shape[] {
  const rows = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  // A virtual table's own storage (search_index_data…) is rebuilt by indexing the texts, never copied.
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
  return rows
    .filter((r) => !LOCAL_TABLES.has(r.name) && !shadow(r.name))
    .map((r) => ({ name: r.name, columns: columnsOf(db, 'main', r.name), fts: virtual.includes(r.name) }));
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function snapshotColumns(s: Shape): string[] {
  return s.fts ? ['rowid', ...s.columns] : s.columns;
}

/**
 * Attaches a new snapshot file to the store's connection (as `snap`, plaintext like a package) and creates its tables:
 * plain ones without constraints or indexes, as a carrier. `fill()` copies every ledger row into it and must run inside
 * the caller's transaction, with the ops that go along, so both are one moment of the store; `detach()` ends it.
 */
export function attachNewSnapshot(db: Db, file: string): { fill(): void; detach(): void } {
  attachSnapshot(db, file);
  const shapes = ledgerShapes(db);
  try {
    db.exec('PRAGMA snap.journal_mode = OFF; PRAGMA snap.synchronous = OFF; PRAGMA snap.page_size = 65536');
    for (const s of shapes) {
      const cols = s.fts ? ['rowid INTEGER PRIMARY KEY', ...s.columns.map(q)] : s.columns.map(q);
      db.exec(`CREATE TABLE snap.${q(s.name)} (${cols.join(', ')})`);
    }
  } catch (e) {
    detachSnapshot(db);
    throw e;
  }
  return {
    fill() {
      for (const s of shapes) {
        const cols = snapshotColumns(s).map(q).join(', ');
        db.exec(`INSERT INTO snap.${q(s.name)} (${cols}) SELECT ${cols} FROM main.${q(s.name)}`);
      }
    },
    detach() {
      detachSnapshot(db);
    },
  };
}

/** Attaches a snapshot file as `snap` (plaintext, whether or not the store is encrypted); detachSnapshot ends it. */
export function attachSnapshot(db: Db, file: string): void {
  db.prepare("ATTACH DATABASE ? AS snap KEY ''").run(file);
}

export function detachSnapshot(db: Db): void {
  db.exec('DETACH DATABASE snap');
}

/** What makes the attached snapshot unusable here, or null: a table missing or shaped otherwise than this store's (another schema's). */
export function snapshotProblem(db: Db): string | null {
  for (const s of ledgerShapes(db)) {
    const have = columnsOf(db, 'snap', s.name);
    const want = snapshotColumns(s);
    if (have.join(',') !== want.join(',')) return `snapshot table ${s.name} has columns [${have.join(',')}], expected [${want.join(',')}]`;
  }
  return null;
}

/**
 * A query of the attached snapshot's ops as (seq, body): each op's JSON text numbered from 0 in clock order, exactly the
 * ops part a whole-ledger package carries, so that SQLite can compare the two without JavaScript seeing either.
 */
export function snapshotOpTextsSql(): string {
  return opTextsSql('FROM snap.ops');
}

/** Whether every ledger table of the store is empty: a snapshot is only ever copied into nothing. */
export function holdsNoLedgerRows(db: Db): boolean {
  return ledgerShapes(db).every((s) => !db.prepare(`SELECT 1 FROM main.${q(s.name)} LIMIT 1`).get());
}

/**
 * Copies the attached snapshot into this empty store, inside the caller's transaction, which must not commit before the
 * snapshot's chain is found good; returns how many ops came. The log is written in clock order with its gaps found as a
 * merge finds them (a predecessor the log lacks), so the store is the one a replay of the same ops would build.
 */
export function restoreSnapshot(db: Db): number {
  db.pragma('defer_foreign_keys = ON');
  const shapes = ledgerShapes(db);
  for (const s of shapes) {
    if (s.name === 'ops') continue;
    const cols = snapshotColumns(s).map(q).join(', ');
    db.exec(`INSERT INTO main.${q(s.name)} (${cols}) SELECT ${cols} FROM snap.${q(s.name)}`);
  }
  // A bulk load: the log's secondary indexes are built once at the end (sorted) instead of row by row.
  const indexes = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = 'ops' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX main.${q(i.name)}`);
  const cols = shapes.find((s) => s.name === 'ops')!.columns.filter((c) => c !== 'seq' && c !== 'gap_ok');
  // The chain is checked (its verdict comes before the commit): an op's predecessor, when the log holds it, is the op of
  // its replica just before it, so a gap is where the one before is not its predecessor.
  const n = db
    .prepare(
      `INSERT INTO main.ops (${cols.join(', ')}, gap_ok)
       SELECT ${cols.join(', ')}, prev_hash <> '' AND prev_hash IS NOT lag(hash) OVER (PARTITION BY replica_id ORDER BY hlc)
         FROM snap.ops ORDER BY hlc`,
    )
    .run().changes;
  for (const i of indexes) db.exec(i.sql);
  forgetBuilt(db);
  const newest = db.prepare('SELECT max(hlc) FROM main.ops').pluck().get() as string | null;
  if (newest) observeNewest(db, newest);
  return n;
}
