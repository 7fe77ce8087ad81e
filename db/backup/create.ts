// Takes a backup: a consistent snapshot of the store (VACUUM INTO) plus the evidence it refers to, copied once per hash.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Db } from '../open';
import type { BackupInfo, BackupReason } from '../../shared/api/backup';
import { AppError } from '../../shared/errors';
import { blobPath, tmpDir } from '../evidence-store/paths';
import { cancelledError, fsyncDir, hashFile } from '../evidence-store/write';
import { referencedBlobs } from '../queries/evidence';
import { diskError, fsyncDirSync, writeFileAtomic } from './files';
import { backupFolder, lockFolder, MANIFEST, newBackupName, readSettings, SNAPSHOT, toInfo, type Manifest } from './folder';
import { rotate, sweepFolder } from './rotate';
import { applyKey, isEncrypted, keyFor } from '../store-key';
import { hasEvidenceKey, keyFilePath } from '../evidence-store/data-key';

export interface CreateOptions {
  reason: BackupReason;
  /** Another folder than the configured one (`backup create --to DIR`). */
  to?: string | undefined;
  appVersion?: string;
  signal?: AbortSignal | undefined;
  onProgress?: ((fraction: number | null, step: string) => void) | undefined;
  now?: Date;
  /** Rotation runs after each backup unless switched off (tests of rotation itself). */
  rotate?: boolean;
}

/**
 * Makes sure the folder exists. The default folder is created with its parents; a chosen one only
 * when its parent is there, so that an unplugged USB disk is reported rather than replaced by a
 * folder on the system disk.
 */
export function ensureFolder(root: string, chosen: boolean): void {
  if (!chosen) {
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    return;
  }
  if (fs.existsSync(root)) return;
  if (!fs.existsSync(path.dirname(root))) {
    throw new AppError('data_dir_missing', `备份文件夹“${root}”无法访问:它所在的磁盘或上级文件夹不存在(U盘或网络盘可能未连接)。请连接该磁盘,或在“备份与恢复”中另选文件夹。`);
  }
  fs.mkdirSync(root, { mode: 0o700 });
}

/** Copies one stored file into the backup folder under a temporary name, syncs it, then renames it into place. */
async function copyBlob(src: string, dest: string, tmpFolder: string): Promise<void> {
  const tmp = path.join(tmpFolder, `${process.pid}-${randomBytes(8).toString('hex')}.part`);
  try {
    await fsp.copyFile(src, tmp);
    const fh = await fsp.open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.chmod(tmp, 0o400);
    await fsp.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
    await fsp.rename(tmp, dest);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

function snapshotFacts(file: string, key: string | null): { schemaVersion: number; measures: number; blobs: { sha256: string; size: number }[] } {
  const snap = new Database(file, { readonly: true });
  try {
    applyKey(snap, key);
    return {
      schemaVersion: snap.pragma('user_version', { simple: true }) as number,
      measures: (snap.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n,
      blobs: referencedBlobs(snap),
    };
  } finally {
    snap.close();
  }
}

export async function createBackup(db: Db, dataDir: string, o: CreateOptions): Promise<BackupInfo> {
  const root = backupFolder(dataDir, o.to);
  const now = o.now ?? new Date();
  try {
    ensureFolder(root, o.to !== undefined || readSettings(dataDir).folder !== null);
  } catch (e) {
    throw diskError(e, root, '创建备份文件夹');
  }
  const unlock = lockFolder(root);
  const added: string[] = [];
  let part: string | null = null;
  try {
    await sweepFolder(root);
    const name = newBackupName(root, o.reason, now);
    part = path.join(root, `.${name}.part`);
    fs.mkdirSync(part, { mode: 0o700 });
    o.onProgress?.(null, '正在生成数据库快照');
    const snapFile = path.join(part, SNAPSHOT);
    try {
      // A consistent copy read in one transaction while the app keeps working; never a copy of the live file.
      db.prepare('VACUUM INTO ?').run(snapFile);
      const fd = fs.openSync(snapFile, 'r+');
      try {
        fs.fchmodSync(fd, 0o600);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (e) {
      throw diskError(e, root, '备份数据库');
    }
    // The snapshot of an encrypted store is encrypted with the same key (VACUUM INTO keeps the cipher).
    const facts = snapshotFacts(snapFile, keyFor(dataDir));
    const total = facts.blobs.reduce((s, b) => s + b.size, 0);
    const tmpFolder = tmpDir(root);
    fs.mkdirSync(tmpFolder, { recursive: true, mode: 0o700 });
    const missing: string[] = [];
    const dirs = new Set<string>();
    let done = 0;
    let addedBytes = 0;
    for (const [i, b] of facts.blobs.entries()) {
      if (o.signal?.aborted) throw cancelledError();
      const dest = blobPath(root, b.sha256);
      const src = blobPath(dataDir, b.sha256);
      // Files are copied as they are stored: an encrypted store's evidence stays encrypted in its backups.
      const stored = (await fsp.stat(src).catch(() => null))?.size;
      const have = (await fsp.stat(dest).catch(() => null))?.size;
      if (stored === undefined) {
        // Gone from the store but kept by an earlier backup: still restorable from here.
        if (have === undefined) missing.push(b.sha256);
      } else if (have !== stored) {
        try {
          await copyBlob(src, dest, tmpFolder);
        } catch (e) {
          throw diskError(e, root, '备份佐证材料');
        }
        added.push(dest);
        dirs.add(path.dirname(dest));
        addedBytes += b.size;
      }
      done += b.size;
      o.onProgress?.(total ? done / total : (i + 1) / facts.blobs.length, `正在备份佐证材料 ${i + 1}/${facts.blobs.length}`);
    }
    for (const d of dirs) await fsyncDir(d);
    if (dirs.size) await fsyncDir(path.dirname(tmpFolder));
    // The evidence key goes with the backup, wrapped by the passphrase the snapshot opens with, so the backup restores on its own.
    if (hasEvidenceKey(dataDir)) fs.copyFileSync(keyFilePath(dataDir), keyFilePath(part));
    const dbBytes = fs.statSync(snapFile).size;
    const manifest: Manifest = {
      format: 1,
      name,
      createdAt: now.toISOString(),
      reason: o.reason,
      appVersion: o.appVersion ?? '',
      schemaVersion: facts.schemaVersion,
      measures: facts.measures,
      evidenceFiles: facts.blobs.length - missing.length,
      dbBytes,
      evidenceBytes: total,
      addedBytes: addedBytes + dbBytes,
      missingFiles: missing.length,
      db: { file: SNAPSHOT, size: dbBytes, sha256: await hashFile(snapFile) },
      evidence: facts.blobs.filter((b) => !missing.includes(b.sha256)).map((b) => [b.sha256, b.size]),
      missing,
      encrypted: isEncrypted(dataDir),
    };
    try {
      // The manifest is written last: a folder without one is a backup cut short.
      writeFileAtomic(path.join(part, MANIFEST), JSON.stringify(manifest));
      fs.renameSync(part, path.join(root, name));
      part = null;
      fsyncDirSync(root);
    } catch (e) {
      throw diskError(e, root, '写入备份清单');
    }
    added.length = 0;
    if (o.rotate !== false) await rotate(root, now);
    return toInfo(manifest);
  } finally {
    if (part) fs.rmSync(part, { recursive: true, force: true });
    // Evidence copied for a backup that did not complete is not left behind.
    for (const f of added) fs.rmSync(f, { force: true });
    unlock();
  }
}
