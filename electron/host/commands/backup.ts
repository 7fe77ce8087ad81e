// Backup commands: `backup create [--to DIR]`, `backup list`, `backup verify NAME`, `backup restore NAME`.
import type { CliCommand, CliIo } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { formatSize } from '../../../shared/sizes';
import { closeStore, openStore } from '../../../db/open';
import { backupFolder, createBackup, listBackups, restoreBackup, verifyBackup } from '../../../db/backup/index';
import { APP_VERSION } from '../../services/version';
import { withStore } from './ledger';
import { passphraseOf } from '../../../db/store-key';

const USAGE = 'backup create [--to 目录] | backup list | backup verify 名称 | backup restore 名称   备份与恢复';

function nameArg(positionals: string[], sub: string): string {
  const name = positionals[1];
  if (!name) throw new AppError('validation', `请指定备份名称:backup ${sub} 名称(见 backup list)。`);
  return name;
}

async function run(sub: string | undefined, positionals: string[], values: Record<string, unknown>, dataDir: string, io: CliIo): Promise<number> {
  switch (sub) {
    case 'create': {
      const to = stringOpt(values, 'to');
      const info = await withStore(dataDir, (db) => createBackup(db, dataDir, { reason: 'manual', to, appVersion: APP_VERSION }));
      io.out(JSON.stringify({ ...info, folder: backupFolder(dataDir, to) }));
      io.err(`已创建备份 ${info.name}(新增 ${formatSize(info.addedBytes)})。`);
      return 0;
    }
    case 'list': {
      const listing = await listBackups(dataDir, stringOpt(values, 'to'));
      if (listing.unavailable) io.err(listing.unavailable);
      io.out(JSON.stringify(listing));
      return listing.unavailable ? 1 : 0;
    }
    case 'verify': {
      const report = await verifyBackup(backupFolder(dataDir), nameArg(positionals, 'verify'), { key: passphraseOf(dataDir) });
      io.out(JSON.stringify(report));
      for (const p of report.problems) io.err(`${p.sha256 ? `${p.sha256}:` : ''}${p.detail}`);
      return report.ok ? 0 : 1;
    }
    case 'restore': {
      const name = nameArg(positionals, 'restore');
      const holder = { db: openStore(dataDir) };
      try {
        const r = await restoreBackup(holder, dataDir, name, { appVersion: APP_VERSION });
        io.out(JSON.stringify(r));
        io.err(`已恢复备份 ${r.restored};恢复前的数据已另存为备份 ${r.safetyBackup}。`);
        return 0;
      } finally {
        closeStore(holder.db);
      }
    }
    default:
      throw new AppError('validation', `未知的备份子命令“${sub ?? ''}”。用法:${USAGE}`);
  }
}

const backup: CliCommand = {
  name: 'backup',
  usage: USAGE,
  options: { to: 'string' },
  run: ({ positionals, values, dataDir }, io) => run(positionals[0], positionals, values, dataDir, io),
};

export const backupCommands: CliCommand[] = [backup];
