// Verifies a backup: its manifest, the snapshot's hash and integrity_check, and every evidence file's SHA-256.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupVerifyReport } from '../../shared/api/backup';
import { verifyBlobs } from '../evidence-store/verify';
import { hashFile } from '../evidence-store/write';
import { readManifest, SNAPSHOT, notFound } from './folder';
import { applyKey } from '../store-key';
import { keyFilePath, readKeyFile, unwrapKeyFile, type DataKey } from '../evidence-store/data-key';
import { isAppError } from '../../shared/errors';

export function integrityOf(file: string, key: string | null = null): string {
  try {
    const snap = new Database(file, { readonly: true, fileMustExist: true });
    try {
      applyKey(snap, key);
      const rows = snap.pragma('integrity_check') as { integrity_check: string }[];
      return rows.map((r) => r.integrity_check).join('; ');
    } finally {
      snap.close();
    }
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export async function verifyBackup(
  root: string,
  name: string,
  o: { key?: string | null; signal?: AbortSignal | undefined; onProgress?: ((fraction: number | null, step: string) => void) | undefined } = {},
): Promise<BackupVerifyReport> {
  if (!fs.existsSync(path.join(root, name))) throw notFound(name);
  const m = readManifest(root, name);
  const report: BackupVerifyReport = { name, ok: false, integrity: '', checkedFiles: 0, checkedBytes: 0, problems: [] };
  if (!m) {
    report.problems.push({ what: 'manifest', detail: '备份清单缺失或损坏,该备份不完整。' });
    return report;
  }
  const snap = path.join(root, name, SNAPSHOT);
  const dbHash = fs.existsSync(snap) ? await hashFile(snap, o.signal) : '';
  if (dbHash !== m.db.sha256) report.problems.push({ what: 'database', detail: dbHash ? '数据库快照的内容与备份时不一致(已被改动或损坏)。' : '数据库快照缺失。' });
  report.integrity = dbHash ? integrityOf(snap, m.encrypted ? (o.key ?? null) : null) : 'missing';
  if (m.encrypted && !o.key) report.problems.push({ what: 'database', detail: '该备份已加密,需要口令才能校验。' });
  if (dbHash && report.integrity !== 'ok') report.problems.push({ what: 'database', detail: `数据库快照未通过完整性检查:${report.integrity}` });
  const blobs = m.evidence.map(([sha256, size]) => ({ sha256, size }));
  // Encrypted evidence is checked against its plaintext hash, with the key the backup carries.
  const keyFile = readKeyFile(keyFilePath(path.join(root, name)));
  let dk: DataKey | null = null;
  if (keyFile) {
    if (!o.key) {
      report.checkedFiles = 0;
      return report;
    }
    try {
      dk = unwrapKeyFile(keyFile, o.key);
    } catch (e) {
      report.problems.push({ what: 'database', detail: isAppError(e) ? e.message : String(e) });
      return report;
    }
  }
  const states = await verifyBlobs(root, blobs, {
    dk,
    signal: o.signal,
    onProgress: (done, total, i) => o.onProgress?.(total ? done / total : (i + 1) / blobs.length, `正在校验佐证材料 ${i + 1}/${blobs.length}`),
  });
  for (const b of blobs) {
    const s = states.get(b.sha256);
    if (s === 'ok') continue;
    report.problems.push({ what: s === 'missing' ? 'missing' : 'changed', sha256: b.sha256, detail: s === 'missing' ? '佐证文件缺失。' : '佐证文件内容已被改动。' });
  }
  report.checkedFiles = blobs.length;
  report.checkedBytes = m.evidenceBytes;
  report.ok = report.problems.length === 0;
  return report;
}
