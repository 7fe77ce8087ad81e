// Refuses a data folder that cannot hold the ledger: on a drive that is not connected, or read-only. Never creates one in its place.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';

export interface DataDirCheck {
  /** The folder holds a ledger already. */
  exists: boolean;
}

/**
 * A missing data folder is created only when its parent exists (a first run, or a new folder chosen
 * on a connected drive); a missing parent means an unplugged USB or network drive, and the user is told
 * instead of being given a new empty ledger. `known` says the folder held a ledger before (so its absence is news).
 */
export function checkDataDir(dataDir: string, storeFile: string, o: { known?: boolean } = {}): DataDirCheck {
  const exists = fs.existsSync(storeFile);
  if (!exists) {
    if (o.known || (!fs.existsSync(dataDir) && !fs.existsSync(path.dirname(dataDir)))) {
      throw new AppError(
        'data_dir_missing',
        `找不到数据目录“${dataDir}”中的台账${o.known ? '(此前在这里使用过)' : ''}。它所在的U盘或网络盘可能没有连接。请连接该磁盘后重新打开;为免台账分裂成两份,程序不会在这里新建空台账。`,
      );
    }
    return { exists };
  }
  try {
    fs.accessSync(dataDir, fs.constants.W_OK);
    const probe = path.join(dataDir, `.write-test.${process.pid}.part`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
      throw new AppError(
        'read_only',
        `数据目录“${dataDir}”不可写入(磁盘为只读,或没有写入权限),无法打开台账进行修改。请把台账复制到可写的磁盘,或检查权限后重新打开。`,
        String(e),
      );
    }
    throw e;
  }
  return { exists };
}
