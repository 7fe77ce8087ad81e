// Shared set-up of the package tests: data folders with a seed outline imported, dumps to compare stores, edits of package files.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openStore, type Db } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { listMeasures } from '../../../db/queries/measures';
import { systemUser } from '../../../db/queries/users';
import { parseOutline } from '../../../shared/outline/index';
import { readOutlineFile } from '../../../electron/services/readers/index';
import { defaultDocumentIndex } from '../../../electron/services/templates';
import { fixture } from '../../helpers/cli';
import { attachPaths } from '../../../db/evidence-store/index';
import { exportPackage } from '../../../electron/core/packages/export';
import { filesUnder, writeFileOfSize } from '../evidence/helpers';

export interface Office {
  db: Db;
  dataDir: string;
  userId: string;
  /** A lead department of the first measure, and the measures it leads. */
  department: string;
  measureIds: string[];
}

/** A data folder holding the Caoxian outline, imported as the command line imports it. */
export async function seedOffice(dataDir: string): Promise<Office> {
  const db = openStore(dataDir);
  const doc = await readOutlineFile(fixture('caoxian.docx'));
  const outline = parseOutline(doc.text);
  const index = defaultDocumentIndex(outline);
  const userId = systemUser(db).id;
  importDocument(db, outline.documents[index]!, { fileName: doc.fileName, sha256: doc.sha256, format: doc.format, documentIndex: index }, userId);
  const all = listMeasures(db, { periodId: '2024-Q3' });
  const department = all.find((m) => m.lead.length > 0)!.lead[0]!.name;
  const measureIds = all.filter((m) => m.lead.some((u) => u.name === department)).map((m) => m.id);
  return { db, dataDir, userId, department, measureIds };
}

/** An office holding evidence files of `sizes` (on its measures in turn), their SHA-256 in order, and its whole-ledger package. */
export async function officeWithEvidence(dir: string, sizes: readonly number[]): Promise<{ office: Office; whole: string; shas: string[] }> {
  const office = await seedOffice(path.join(dir, 'office'));
  const shas: string[] = [];
  for (const [i, size] of sizes.entries()) {
    const f = path.join(dir, `evidence-${i}.bin`);
    writeFileOfSize(f, size, 40 + i);
    shas.push(createHash('sha256').update(fs.readFileSync(f)).digest('hex'));
    await attachPaths(office.db, office.dataDir, { measureId: office.measureIds[i % office.measureIds.length]!, periodId: '2024-Q3', userId: office.userId }, [{ path: f }]);
    fs.rmSync(f);
  }
  const whole = path.join(dir, 'whole.fzpkg');
  await exportPackage(office.db, office.dataDir, { kind: 'ledger' }, whole);
  return { office, whole, shas };
}

/** Every row of every table (search shadow tables aside), sorted: two equal dumps mean an unchanged store. */
export function dumpStore(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: string[] = [];
  for (const t of tables) {
    const rows = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
    out.push(`# ${t}`, ...rows);
  }
  return out.join('\n');
}

/** The stored evidence files (name and size), sorted. */
export function evidenceFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'evidence');
  return filesUnder(root)
    .filter((f) => !f.includes(`${path.sep}tmp${path.sep}`))
    .map((f) => `${path.relative(root, f)}:${fs.statSync(f).size}`)
    .sort();
}

export function snapshot(db: Db, dataDir: string): string {
  return `${dumpStore(db)}\n# files\n${evidenceFiles(dataDir).join('\n')}`;
}

/** A copy of a package file changed with SQL (the manifest's own hash recomputed when asked). */
export function editPackage(file: string, copy: string, sql: string, rehashManifest = false): string {
  fs.copyFileSync(file, copy);
  const db = new Database(copy);
  db.exec(sql);
  if (rehashManifest) {
    const json = db.prepare("SELECT value FROM meta WHERE key = 'manifest'").pluck().get() as string;
    db.prepare("UPDATE meta SET value = ? WHERE key = 'manifest_sha256'").run(createHash('sha256').update(json).digest('hex'));
  }
  db.close();
  return copy;
}

/** Recomputes the ops part's hash into the manifest, as a forger who knows the format would. */
export function rehashOps(file: string): void {
  const db = new Database(file);
  const bodies = db.prepare('SELECT body FROM ops ORDER BY seq').pluck().all() as string[];
  const h = createHash('sha256');
  for (const b of bodies) h.update(b).update('\n');
  const m = JSON.parse(db.prepare("SELECT value FROM meta WHERE key = 'manifest'").pluck().get() as string) as { parts: { ops: { sha256: string } } };
  m.parts.ops.sha256 = h.digest('hex');
  const json = JSON.stringify(m);
  db.prepare("UPDATE meta SET value = ? WHERE key = 'manifest'").run(json);
  db.prepare("UPDATE meta SET value = ? WHERE key = 'manifest_sha256'").run(createHash('sha256').update(json).digest('hex'));
  db.close();
}
