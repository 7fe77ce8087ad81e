// An export's operations part, written to a side file by the exporting thread while the writer's thread copies the
// evidence into the package; the writer then takes the part in whole (a record-for-record copy inside SQLite). A whole
// ledger's hundred thousand operations thus never become JavaScript strings: SQLite writes each as JSON straight from
// the store into the side file, and the part's hash is read back as bytes.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../../../db/open';

/** The same table as a package's (container.ts): one operation as JSON per row, in order from 0. */
export const OPS_TABLE = 'ops (seq INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT';

export interface OpsPart {
  file: string;
  count: number;
  /** Over every body followed by a newline, in order: the manifest's hash of the operations' part. */
  sha256: string;
}

/** The hash of an operations' part, body by body: each followed by a newline, in order. */
export class OpsPartHash {
  private readonly hash = createHash('sha256');
  count = 0;

  /** Text or its UTF-8 bytes: the hash covers the bytes. */
  add(body: string | Buffer): void {
    this.hash.update(body).update('\n');
    this.count++;
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

function hashAndCount(db: Database.Database, table: string): { count: number; sha256: string } {
  const h = new OpsPartHash();
  // Read as bytes: the hash covers the UTF-8 text, which need not be decoded.
  for (const body of db.prepare(`SELECT CAST(body AS BLOB) FROM ${table} ORDER BY seq`).pluck().iterate() as Iterable<Buffer>) h.add(body);
  return { count: h.count, sha256: h.hex() };
}

/**
 * Attaches a new side file to the store's connection, lets `fill` write the operations into the table it is given
 * (columns seq, body), hashes them and detaches. Synchronous, so the operations are one snapshot of the store.
 */
export function writeOpsFile(db: Db, file: string, fill: (table: string) => void): OpsPart {
  fs.rmSync(file, { force: true });
  // KEY '': the side file is plaintext like the package itself, whether or not the store is encrypted.
  db.prepare("ATTACH DATABASE ? AS opspart KEY ''").run(file);
  try {
    // A scratch file, removed after the export: no journal, no syncs.
    db.exec(`PRAGMA opspart.journal_mode = OFF; PRAGMA opspart.synchronous = OFF; CREATE TABLE opspart.${OPS_TABLE}`);
    db.transaction(() => fill('opspart.ops'))();
    return { file, ...hashAndCount(db, 'opspart.ops') };
  } finally {
    db.exec('DETACH DATABASE opspart');
  }
}

/** A side file holding `texts` as the operations, in order (packages made by tests and tools). */
export function opsFileFromTexts(file: string, texts: readonly string[]): OpsPart {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  try {
    db.exec(`CREATE TABLE ${OPS_TABLE}`);
    const put = db.prepare('INSERT INTO ops (seq, body) VALUES (?, ?)');
    db.transaction(() => texts.forEach((t, i) => put.run(i, t)))();
    return { file, ...hashAndCount(db, 'ops') };
  } finally {
    db.close();
  }
}
