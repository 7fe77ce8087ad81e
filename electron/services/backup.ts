// The app's side of backups: open the store with its automatic backups, back up before risky work, one backup at a time.
import type { BackupInfo } from '../../shared/api/backup';
import { AppError, isAppError } from '../../shared/errors';
import { backupBeforeMigration, backupFolder, createBackup, dailyBackup, sweepBackupFolder } from '../../db/backup/index';
import { canOpen, createContext, type AppContext } from './context';
import { openStore } from '../../db/open';
import { APP_VERSION } from './version';
import { sweepExports } from './reports/exports';

let queue: Promise<unknown> = Promise.resolve();

/** Runs backup work of this process one after another (the folder lock refuses a second holder). */
export function serial<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Opens the app's context: a store about to be migrated is backed up first, and the day's first start takes a backup in
 * the background. An encrypted store whose passphrase is not known yet is left locked; unlocking runs openLedger.
 */
export async function openContext(dataDir: string): Promise<AppContext> {
  if (!canOpen(dataDir)) return createContext(dataDir);
  await serial(() => backupBeforeMigration(dataDir, APP_VERSION));
  const ctx = createContext(dataDir);
  afterOpen(ctx);
  return ctx;
}

/** Opens the store of a locked context (after the passphrase is given), with the same backups as a start. */
export async function openLedger(ctx: AppContext): Promise<void> {
  await serial(() => backupBeforeMigration(ctx.dataDir, APP_VERSION));
  ctx.db = openStore(ctx.dataDir);
  afterOpen(ctx);
}

function afterOpen(ctx: AppContext): void {
  const { dataDir } = ctx;
  // Exports leave by download; none is kept in the data folder past a restart.
  sweepExports(dataDir, 0);
  // What a backup cut short by a crash left in the folder goes first; then the day's backup.
  void serial(async () => {
    await sweepBackupFolder(backupFolder(dataDir));
    return dailyBackup(ctx.db, ctx.dataDir, { appVersion: APP_VERSION });
  }).then(
    (b) => b && ctx.log.info(`daily backup ${b.name}`),
    (e: unknown) => ctx.log.error('daily backup', e),
  );
}

/** The backup taken before an import or a package merge; an empty store has nothing to lose. Refuses the work when it fails. */
export async function backupBefore(ctx: AppContext, reason: 'import' | 'merge'): Promise<BackupInfo | null> {
  if ((ctx.db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n === 0) return null;
  try {
    const b = await serial(() => createBackup(ctx.db, ctx.dataDir, { reason, appVersion: APP_VERSION }));
    ctx.log.info(`backup before ${reason}: ${b.name}`);
    return b;
  } catch (e) {
    ctx.log.error(`backup before ${reason}`, e);
    const why = isAppError(e) ? e.message : '备份时程序内部出错。';
    throw new AppError(isAppError(e) ? e.code : 'internal', `${reason === 'import' ? '导入' : '合并'}前的自动备份未能完成,为免丢失数据,本次${reason === 'import' ? '导入' : '合并'}未执行。${why}`);
  }
}
