// Shared set-up of the backup tests: a store with plans, progress and evidence; its logical content; every evidence hash.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/open';
import { attachPaths, blobPath } from '../../../db/evidence-store/index';
import { setProgress } from '../../../db/queries/progress';
import { seedLedger, writeFileOfSize, type Ledger } from '../evidence/helpers';

export { removeStoreDir, filesUnder } from '../evidence/helpers';

/** A ledger with progress on two measures and `files` evidence files of a few KiB each. */
export async function seedWithEvidence(dataDir: string, scratch: string, files = 4): Promise<Ledger> {
  const l = seedLedger(dataDir);
  setProgress(l.db, { measureId: l.measureIds[0]!, periodId: '2024-Q3', status: '推进中', narrative: '召开专题会议', userId: l.userId });
  setProgress(l.db, { measureId: l.measureIds[1]!, periodId: '2024-Q3', status: '已完成', narrative: '完成培训两期', userId: l.userId });
  fs.mkdirSync(scratch, { recursive: true });
  const paths = Array.from({ length: files }, (_, i) => {
    const p = path.join(scratch, `材料${i}.pdf`);
    writeFileOfSize(p, 3000 + i * 1024, i + 1);
    return { path: p };
  });
  await attachPaths(l.db, dataDir, { measureId: l.measureIds[0]!, periodId: '2024-Q3', userId: l.userId }, paths);
  return l;
}

/**
 * Every table's rows in a stable order: the store's logical content, independent of page layout.
 * The `ledger` row (which replica this store is) is left out: a restored store is a new replica by design.
 */
export function logicalContent(db: Db): string {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'ledger' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r));
    out[t] = rows.sort();
  }
  return JSON.stringify(out);
}

/** True when every evidence row's file is in the store and hashes to its name. */
export function everyEvidenceHashOk(db: Db, dataDir: string): { files: number; ok: boolean } {
  const rows = db.prepare('SELECT DISTINCT sha256 FROM evidence').all() as { sha256: string }[];
  const ok = rows.every((r) => {
    const file = blobPath(dataDir, r.sha256);
    return fs.existsSync(file) && createHash('sha256').update(fs.readFileSync(file)).digest('hex') === r.sha256;
  });
  return { files: rows.length, ok };
}

export function mode(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}
