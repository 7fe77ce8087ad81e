// The check of a whole-ledger package's snapshot (the ledger's tables, see db/sync/snapshot.ts): its bytes are the
// manifest's (PackageReader.extractSnapshot), its tables are shaped as this schema's, and its log is the package's ops
// part op for op, so that the checks of that part (its hash, its ledger, its audit chain) hold for the log a copy keeps.
import fs from 'node:fs';
import { openMemoryStore, type Db } from '../../../db/open';
import { latestVersion } from '../../../db/migrate';
import type { ChainCheck } from './chain-check';
import type { PackageReader } from './container';
import { damaged } from './crypto';
import { tmpName } from './open';
import { attachSnapshot, detachSnapshot, snapshotOpTextsSql, snapshotProblem } from './sync-port';

/** Whether the attached snapshot's log is the package's ops part, text for text: compared inside SQLite. */
function sameLog(db: Db, reader: PackageReader): boolean {
  const count = reader.manifest.parts.ops.count;
  if ((db.prepare('SELECT count(*) FROM snap.ops').pluck().get() as number) !== count) return false;
  db.prepare("ATTACH DATABASE ? AS pkg KEY ''").run(reader.file);
  try {
    const same = db.prepare(`SELECT count(*) FROM (${snapshotOpTextsSql()}) AS s JOIN pkg.ops AS p ON p.seq = s.seq AND p.body = s.body`).pluck().get() as number;
    return same === count;
  } finally {
    db.exec('DETACH DATABASE pkg');
  }
}

/**
 * Attaches a snapshot brought out of the package once its tables are this store's and its log is the package's ops
 * part. The caller has checked that part (checkedOps) or has `chain` check it on a thread of its own, and takes its
 * verdict before it commits; the caller detaches the snapshot.
 */
export function attachCheckedSnapshot(db: Db, reader: PackageReader, file: string, chain: ChainCheck | null): void {
  attachSnapshot(db, file);
  try {
    const problem = snapshotProblem(db);
    if (problem) throw damaged(problem);
    if (!sameLog(db, reader)) {
      // The ops part may be what was changed: its chain's verdict says so in better words.
      chain?.waitSync();
      throw damaged('snapshot ops differ from the ops part');
    }
  } catch (e) {
    detachSnapshot(db);
    throw e;
  }
}

/** `package verify`, once the ops part is checked: the snapshot's bytes, and where this program's schema made it, everything import checks. */
export function verifySnapshot(reader: PackageReader, dataDir: string): void {
  if (reader.manifest.parts.snapshot?.schemaVersion !== latestVersion()) {
    reader.verifySnapshot();
    return;
  }
  const file = tmpName(dataDir, '.snap');
  const db = openMemoryStore();
  try {
    reader.extractSnapshot(file);
    attachCheckedSnapshot(db, reader, file, null);
    detachSnapshot(db);
  } finally {
    db.close();
    fs.rmSync(file, { force: true });
  }
}
