// Small durable file steps shared by backups: write a file whole or not at all, sync a folder, name a full disk.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';

/** Directory entries are durable only once the directory is synced (not possible on Windows, where it is skipped). */
export function fsyncDirSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw e;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes `data` to a temporary name beside `file`, syncs it, renames it into place and syncs the folder. */
export function writeFileAtomic(file: string, data: string | Buffer, mode = 0o600): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.part`);
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDirSync(path.dirname(file));
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED']);

/** The Chinese sentence for a failed write that names where it failed; other errors pass through unchanged. */
export function diskError(e: unknown, where: string, what: string): unknown {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (DISK_FULL.has(code)) {
    return new AppError('disk_full', `${what}失败:“${where}”所在的磁盘已满,未留下写了一半的文件。请清理该磁盘或换一个位置后重试。`, String(e));
  }
  if (READ_ONLY.has(code) || code === 'EACCES' || code === 'EPERM') {
    return new AppError('read_only', `${what}失败:“${where}”不可写入(磁盘只读或没有写入权限)。请检查该磁盘或文件夹的权限后重试。`, String(e));
  }
  return e;
}
