// The check of a whole-ledger package's snapshot (the ledger's tables, see db/sync/snapshot.ts): its bytes are the
// manifest's (PackageReader.extractSnapshot) and its tables are shaped as this schema's. Its log is not in it: a new copy
// writes that from the package's ops part, whose checks (its hash, its texts, its ledger, its audit chain) then hold for
// the log it keeps.
import fs from 'node:fs';
import { openMemoryStore, type Db } from '../../../db/open';
import { latestVersion } from '../../../db/migrate';
import type { PackageReader } from './container';
import { damaged } from './crypto';
import { tmpName } from './open';
import { attachSnapshot, detachSnapshot, snapshotProblem } from './sync-port';

/** Attaches a snapshot brought out of the package once its tables are this store's; the caller detaches it. */
export function attachCheckedSnapshot(db: Db, file: string): void {
  attachSnapshot(db, file);
  const problem = snapshotProblem(db);
  if (problem) {
    detachSnapshot(db);
    throw damaged(problem);
  }
}

/**
 * Attaches the package itself (as `pkg`) so that SQLite writes a new copy's log from its ops part without JavaScript
 * seeing a hundred thousand texts; returns that part's table and how to detach it.
 */
export function attachOpsPart(db: Db, reader: PackageReader): { table: string; detach(): void } {
  db.prepare("ATTACH DATABASE ? AS pkg KEY ''").run(reader.file);
  return { table: 'pkg.ops', detach: () => db.exec('DETACH DATABASE pkg') };
}

/** `package verify`, once the ops part is checked: the snapshot's bytes, and where this program's schema made it, its tables' shape. */
export function verifySnapshot(reader: PackageReader, dataDir: string): void {
  if (reader.manifest.parts.snapshot?.schemaVersion !== latestVersion()) {
    reader.verifySnapshot();
    return;
  }
  const file = tmpName(dataDir, '.snap');
  const db = openMemoryStore();
  try {
    reader.extractSnapshot(file);
    attachCheckedSnapshot(db, file);
    detachSnapshot(db);
  } finally {
    db.close();
    fs.rmSync(file, { force: true });
  }
}
