// Exchange-core commands: the conflicts merges found (list, resolve) and the audit trail check.
import type { CliCommand } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { systemUser } from '../../../db/queries/users';
import { listConflicts, resolveConflict, verifyAudit } from '../../../db/sync/index';
import { withStore } from './ledger';

const conflicts: CliCommand = {
  name: 'conflicts',
  usage: 'conflicts [--open] | conflicts resolve ID (--keep mine|theirs | --value 内容)   合并冲突:列出或处理',
  options: { open: 'boolean', keep: 'string', value: 'string' },
  async run({ positionals, values, dataDir }, io) {
    if (positionals[0] === 'resolve') {
      const id = positionals[1];
      const keep = stringOpt(values, 'keep');
      const value = stringOpt(values, 'value');
      if (!id) throw new AppError('validation', '请指定冲突编号:conflicts resolve ID --keep mine(编号见 conflicts 命令的 id)。');
      if ((keep === undefined) === (value === undefined) || (keep !== undefined && keep !== 'mine' && keep !== 'theirs')) {
        throw new AppError('validation', '请用 --keep mine(保留本机)、--keep theirs(采用对方)或 --value 内容(改为新内容)三者之一。');
      }
      const choice = value !== undefined ? { value } : (keep as 'mine' | 'theirs');
      io.out(JSON.stringify(await withStore(dataDir, (db) => resolveConflict(db, systemUser(db).id, id, choice))));
      return 0;
    }
    if (positionals.length) throw new AppError('validation', `不认识的子命令“${positionals[0]}”。用法:conflicts [--open] 或 conflicts resolve ID --keep mine。`);
    io.out(JSON.stringify(await withStore(dataDir, (db) => listConflicts(db, { open: values.open === true }))));
    return 0;
  },
};

const audit: CliCommand = {
  name: 'audit',
  usage: 'audit verify   核验审计链(发现被删除、改动或调换顺序的记录时以非零状态退出)',
  options: {},
  async run({ positionals, dataDir }, io) {
    if (positionals[0] !== 'verify') throw new AppError('validation', '用法:audit verify。');
    const problems = await withStore(dataDir, (db) => verifyAudit(db));
    io.out(JSON.stringify({ ok: problems.length === 0, problems }));
    for (const p of problems) io.err(`审计链问题:${p.detail}(副本 ${p.replicaId},序号 ${p.seq ?? '—'},时间戳 ${p.hlc})`);
    return problems.length === 0 ? 0 : 1;
  },
};

export const exchangeCoreCommands: CliCommand[] = [conflicts, audit];
