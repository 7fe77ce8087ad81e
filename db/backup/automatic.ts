// The automatic backups: before a migration (when the store is opened) and the first start-up of each day.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api/backup';
import { storePath, type Db } from '../open';
import { latestVersion } from '../migrate';
import { createBackup } from './create';
import { checkDataDir } from '../data-dir-check';
import { applyKey, keyFor, proveKey } from '../store-key';
import { backupFolder, readManifests } from './folder';

/** Backs up a store whose schema is older than this program's, before anything migrates it; null when none was needed. */
export async function backupBeforeMigration(dataDir: string, appVersion?: string): Promise<BackupInfo | null> {
  if (!fs.existsSync(storePath(dataDir))) return null;
  // A read-only drive is refused here, before SQLite would fail on it with a raw error.
  checkDataDir(dataDir, storePath(dataDir));
  const key = keyFor(dataDir);
  const raw = new Database(storePath(dataDir), { fileMustExist: true });
  try {
    applyKey(raw, key);
    if (key !== null) proveKey(raw, dataDir);
    const version = raw.pragma('user_version', { simple: true }) as number;
    if (version === 0 || version >= latestVersion()) return null;
    return await createBackup(raw, dataDir, { reason: 'migration', ...(appVersion ? { appVersion } : {}) });
  } finally {
    raw.close();
  }
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** At most once a calendar day: skipped when any backup was taken today, and for a store with nothing in it yet. */
export async function dailyBackup(db: Db, dataDir: string, o: { now?: Date; appVersion?: string } = {}): Promise<BackupInfo | null> {
  const now = o.now ?? new Date();
  if ((db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n === 0) return null;
  if (readManifests(backupFolder(dataDir)).some((m) => sameLocalDay(new Date(m.createdAt), now))) return null;
  return createBackup(db, dataDir, { reason: 'daily', now, ...(o.appVersion ? { appVersion: o.appVersion } : {}) });
}
