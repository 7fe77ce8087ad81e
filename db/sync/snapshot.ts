// A ledger's tables as they stand, for a new working copy: taken in whole by an empty store instead of replaying its ops.
//
// Actual Budget hands a new device a snapshot of the budget instead of its messages; a whole-ledger package does the
// same. Beside its ops (the log the receiver keeps, which the audit chain covers) it carries the tables those ops built,
// in a SQLite file of their own, and an empty store of the same schema takes the rows as they are: about half the time
// of building every row from the log. The log itself is not in the snapshot: the receiver writes it from the package's
// ops part, whose hash, texts and audit chain it checks, so what it keeps is what it checked, without carrying or
// comparing a second copy. The other tables it takes from the sender as it would take the sender's merge: what the
// sender's own store holds for that log.
import type { Db } from '../open';
import { observeNewest } from './exchange';
import { OP_FIELD_COLUMNS, forgetBuilt } from './ops-store';

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

/** The ledger's tables a snapshot carries: all but the log, which travels as the package's ops part. */
function snapshotShapes(db: Db): Shape[] {
  return ledgerShapes(db).filter((s) => s.name !== 'ops');
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
  const shapes = snapshotShapes(db);
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
  for (const s of snapshotShapes(db)) {
    const have = columnsOf(db, 'snap', s.name);
    const want = snapshotColumns(s);
    if (have.join(',') !== want.join(',')) return `snapshot table ${s.name} has columns [${have.join(',')}], expected [${want.join(',')}]`;
  }
  return null;
}

/** Whether every ledger table of the store is empty: a snapshot is only ever copied into nothing. */
export function holdsNoLedgerRows(db: Db): boolean {
  return ledgerShapes(db).every((s) => !db.prepare(`SELECT 1 FROM main.${q(s.name)} LIMIT 1`).get());
}

/**
 * Copies the attached snapshot into this empty store and writes the log from `opTexts` (a table of (seq, body): a
 * package's ops part, each body an op's JSON text, seq from 0 in clock order), inside the caller's transaction, which
 * must not commit before that part's hash, texts (one spelling per op, see OP_FIELDS) and chain are found good; returns
 * how many ops came. The log's gaps are found as a merge finds them (a predecessor the log lacks), so the store is the
 * one a replay of the same ops would build. Throws when the texts are not in clock order or name one op twice.
 */
export function restoreSnapshot(db: Db, opTexts: string): number {
  db.pragma('defer_foreign_keys = ON');
  for (const s of snapshotShapes(db)) {
    const cols = snapshotColumns(s).map(q).join(', ');
    db.exec(`INSERT INTO main.${q(s.name)} (${cols}) SELECT ${cols} FROM snap.${q(s.name)}`);
  }
  // A bulk load: the log's secondary indexes are built once at the end (sorted) instead of row by row.
  const indexes = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = 'ops' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX main.${q(i.name)}`);
  const n = db
    .prepare(
      `INSERT INTO main.ops (${OP_FIELD_COLUMNS.map(([, c]) => c).join(', ')})
       SELECT ${OP_FIELD_COLUMNS.map(([f]) => `body ->> '$.${f}'`).join(', ')} FROM ${opTexts} ORDER BY seq`,
    )
    .run().changes;
  // Rows numbered in the order of the texts: the log is in clock order when no row's clock comes before its forerunner's.
  if (db.prepare('SELECT 1 FROM main.ops AS a JOIN main.ops AS b ON b.seq = a.seq + 1 WHERE b.hlc < a.hlc LIMIT 1').get()) {
    throw new Error('ops part not in clock order');
  }
  // An op's predecessor, when the log holds it, is the op of its replica just before it, so a gap is where the one
  // before is not its predecessor (the chain check has the verdict on anything else).
  db.exec(`UPDATE main.ops AS o SET gap_ok = 1 WHERE o.prev_hash <> '' AND o.prev_hash IS NOT (
    SELECT p.hash FROM main.ops AS p WHERE p.replica_id = o.replica_id AND p.hlc < o.hlc ORDER BY p.hlc DESC LIMIT 1)`);
  for (const i of indexes) db.exec(i.sql);
  forgetBuilt(db);
  const newest = db.prepare('SELECT max(hlc) FROM main.ops').pluck().get() as string | null;
  if (newest) observeNewest(db, newest);
  return n;
}
