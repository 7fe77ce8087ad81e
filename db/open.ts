// Opens the ledger's SQLite file with the connection policy every handle must share.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from './migrate';
import { openEvidenceStore } from './evidence-store/index';
import { restrictModes, sweepLeftovers } from './leftovers';
import { checkDataDir } from './data-dir-check';
import { diskError } from './backup/files';
import { applyKey, keyFor, proveKey } from './store-key';
import { checkFingerprint } from './sync/identity';
import { sha256Hex } from './sync/hash';

export type Db = Database.Database;

export const STORE_FILE = 'ledger.sqlite';

export function storePath(dataDir: string): string {
  return path.join(dataDir, STORE_FILE);
}

/** Opens (creating if needed) the store in `dataDir` and brings its schema up to date. */
export function openStore(dataDir: string): Db {
  const file = storePath(dataDir);
  checkDataDir(dataDir, file);
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // Created user-only before SQLite opens it: its -wal and -shm files take the same mode.
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  } catch (e) {
    throw diskError(e, dataDir, '创建台账');
  }
  sweepLeftovers(dataDir);
  restrictModes(dataDir, [file, `${file}-wal`, `${file}-shm`]);
  const key = keyFor(dataDir);
  const db = new Database(file);
  try {
    applyKey(db, key);
    if (key !== null) proveKey(db, dataDir);
  } catch (e) {
    db.close();
    throw e;
  }
  applyPragmas(db);
  migrate(db);
  checkFingerprint(db, storeFingerprint(dataDir));
  // Temporary files of attachments cut short by a crash go before anything else runs.
  openEvidenceStore(dataDir);
  return db;
}

/** Where the store lives: a copy of the data folder (another path, host or file) is another replica. */
function storeFingerprint(dataDir: string): string {
  const file = storePath(dataDir);
  return sha256Hex(`${fs.realpathSync(dataDir)}\n${os.hostname()}\n${fs.statSync(file).ino}`);
}

/** In-memory store for tests that do not care about the disk. */
export function openMemoryStore(): Db {
  const db = new Database(':memory:');
  applyPragmas(db);
  migrate(db);
  return db;
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable across application crashes; a power cut may lose the last commit only.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The merge and the search index walk large B-trees in one transaction: a 64 MB page cache (default 2 MB) keeps them in memory.
  db.pragma('cache_size = -65536');
}

/**
 * For filling an empty store in one big transaction (a new working copy): a rollback journal writes each new page once,
 * to the store, where WAL writes it to the log and again at the checkpoint. Synced fully while it lasts. Returns the way
 * back to WAL, or null when the mode cannot change now (in a transaction, or another connection has the store open).
 */
export function rollbackJournalWhileFilling(db: Db): (() => void) | null {
  if (db.inTransaction || db.memory) return null;
  if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return null;
  db.pragma('synchronous = FULL');
  return () => {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  };
}

export function closeStore(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
