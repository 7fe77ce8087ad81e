// Restores a backup into place: verify it, back up the current store, copy the snapshot and evidence in, swap atomically.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { RestoreResult } from '../../shared/api/backup';
import { AppError } from '../../shared/errors';
import { closeStore, openStore, storePath, type Db } from '../open';
import { latestVersion } from '../migrate';
import { blobPath, ensureStoreDirs, tmpDir } from '../evidence-store/paths';
import { fsyncDir } from '../evidence-store/write';
import { createBackup } from './create';
import { diskError, fsyncDirSync } from './files';
import { backupFolder, lockFolder, readManifest, SNAPSHOT, notFound } from './folder';
import { verifyBackup } from './verify';
import { isEncrypted, passphraseOf } from '../store-key';
import { keyFilePath, readKeyFile } from '../evidence-store/data-key';

export const RESTORE_PART = /^ledger\.sqlite\.restore-\d+\.part$/;

type Progress = ((fraction: number | null, step: string) => void) | undefined;

async function copyInto(src: string, tmp: string, dest: string, mode: number): Promise<void> {
  try {
    await fsp.copyFile(src, tmp);
    const fh = await fsp.open(tmp, 'r+');
    try {
      await fh.chmod(mode);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, dest);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * Swaps `holder.db` for the store reopened on the restored data. On any failure the current store is
 * left exactly as it was (and reopened into `holder` when it had been closed).
 * `prepare` runs on the restored database before it takes the live file's place (replica identity).
 */
export async function restoreBackup(
  holder: { db: Db },
  dataDir: string,
  name: string,
  o: { appVersion?: string; signal?: AbortSignal | undefined; onProgress?: Progress; prepare?: (file: string) => void } = {},
): Promise<RestoreResult> {
  const root = backupFolder(dataDir);
  const m = readManifest(root, name);
  if (!m) throw notFound(name);
  if (m.schemaVersion > latestVersion()) {
    throw new AppError('store_too_new', `备份“${name}”由更新版本的法治台账创建(数据版本 ${m.schemaVersion})。请先升级法治台账,再恢复该备份。`);
  }
  const theirs = readKeyFile(keyFilePath(path.join(root, name)));
  const ours = readKeyFile(keyFilePath(dataDir));
  if ((m.encrypted ?? false) !== isEncrypted(dataDir) || (theirs && ours && theirs.keyId !== ours.keyId)) {
    throw new AppError(
      'conflict',
      `备份“${name}”${m.encrypted ? '是加密的' : '是加密前的'},与当前台账${isEncrypted(dataDir) ? '(已加密)' : '(未加密)'}的加密状态或密钥不一致,未恢复,当前数据未做任何改动。请选择加密状态相同的备份。`,
    );
  }
  o.onProgress?.(null, '正在校验备份');
  const check = await verifyBackup(root, name, { key: passphraseOf(dataDir), signal: o.signal, onProgress: (f) => o.onProgress?.(f === null ? null : f * 0.4, '正在校验备份') });
  if (!check.ok) {
    throw new AppError('conflict', `备份“${name}”未通过校验(${check.problems[0]?.detail ?? '内容不完整'}),未恢复,当前数据未做任何改动。请选择另一个备份。`);
  }
  o.onProgress?.(0.4, '正在备份当前数据');
  const safety = await createBackup(holder.db, dataDir, { reason: 'restore', appVersion: o.appVersion, signal: o.signal });
  const unlock = lockFolder(root);
  const part = path.join(dataDir, `${path.basename(storePath(dataDir))}.restore-${process.pid}.part`);
  try {
    try {
      await copyInto(path.join(root, name, SNAPSHOT), `${part}.tmp`, part, 0o600);
      ensureStoreDirs(dataDir);
      for (const [i, [sha256]] of m.evidence.entries()) {
        if (o.signal?.aborted) throw new AppError('cancelled', '操作已取消,当前数据未做任何改动。');
        const dest = blobPath(dataDir, sha256);
        if (fs.existsSync(dest)) continue;
        await fsp.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
        await copyInto(blobPath(root, sha256), path.join(tmpDir(dataDir), `${process.pid}-restore-${i}.part`), dest, 0o400);
        await fsyncDir(path.dirname(dest));
        o.onProgress?.(0.5 + (0.4 * i) / m.evidence.length, `正在恢复佐证材料 ${i + 1}/${m.evidence.length}`);
      }
    } catch (e) {
      throw diskError(e, dataDir, '恢复备份');
    }
    o.prepare?.(part);
    o.onProgress?.(0.95, '正在替换数据');
    // Closing the last connection checkpoints and removes the WAL, which must never be replayed onto the restored file.
    closeStore(holder.db);
    try {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(storePath(dataDir) + suffix, { force: true });
      fs.renameSync(part, storePath(dataDir));
      fsyncDirSync(dataDir);
    } finally {
      // The restored file is a new inode, so openStore's fingerprint check (db/sync/identity) makes it a new
      // replica of the same ledger, keeping the old replica id among its former ids: merges stay correct.
      holder.db = openStore(dataDir);
    }
    return { restored: name, safetyBackup: safety.name };
  } finally {
    fs.rmSync(part, { force: true });
    unlock();
  }
}
