// Handlers of the backup calls: list and choose the folder at once; create, verify and restore as jobs the screen polls.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../dispatch';
import { currentUser } from '../context';
import { startJob } from '../jobs';
import { serial } from '../backup';
import { APP_VERSION } from '../version';
import { AppError } from '../../../shared/errors';
import { passphraseOf } from '../../../db/store-key';
import { backupFolder, createBackup, listBackups, restoreBackup, verifyBackup, writeSettings } from '../../../db/backup/index';

type BackupHandlers = Pick<Handlers, 'backup.list' | 'backup.create' | 'backup.verify' | 'backup.restore' | 'backup.setFolder'>;

export const backupHandlers: BackupHandlers = {
  'backup.list': (ctx) => listBackups(ctx.dataDir),
  'backup.create': (ctx) =>
    startJob(
      'backup.create',
      (c) => serial(() => createBackup(ctx.db, ctx.dataDir, { reason: 'manual', appVersion: APP_VERSION, signal: c.signal, onProgress: (p, s) => c.report(p, s) })),
      (e) => ctx.log.error('backup.create', e),
    ),
  'backup.verify': (ctx, a) =>
    startJob('backup.verify', (c) => verifyBackup(backupFolder(ctx.dataDir), a.name, { key: passphraseOf(ctx.dataDir), signal: c.signal, onProgress: (p, s) => c.report(p, s) }), (e) =>
      ctx.log.error('backup.verify', e),
    ),
  'backup.restore': (ctx, a) => {
    const user = currentUser(ctx);
    return startJob(
      'backup.restore',
      (c) =>
        serial(async () => {
          const r = await restoreBackup(ctx, ctx.dataDir, a.name, { appVersion: APP_VERSION, signal: c.signal, onProgress: (p, s) => c.report(p, s) });
          await ctx.previews.clear();
          ctx.log.info(`restore ${r.restored} by ${user.id}; safety backup ${r.safetyBackup}`);
          return r;
        }),
      (e) => ctx.log.error('backup.restore', e),
    );
  },
  'backup.setFolder': (ctx, a) => {
    currentUser(ctx);
    if (a.folder !== null) {
      const folder = path.resolve(a.folder);
      if (!path.isAbsolute(a.folder)) throw new AppError('validation', '请填写备份文件夹的完整路径,例如 E:\\法治台账备份 或 /media/usb/法治台账备份。');
      if (!fs.existsSync(folder) && !fs.existsSync(path.dirname(folder))) {
        throw new AppError('data_dir_missing', `文件夹“${folder}”及其上级文件夹都不存在。请先连接U盘或网络盘,或选择已有的文件夹。`);
      }
      writeSettings(ctx.dataDir, { folder });
    } else {
      writeSettings(ctx.dataDir, { folder: null });
    }
    ctx.log.info(`backup folder set to ${a.folder ?? '(default)'}`);
    return listBackups(ctx.dataDir);
  },
};
