// Evidence commands: attach files to a measure's quarter, verify the store, clean up unreferenced files.
import type { CliCommand } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { isQuarterId } from '../../../shared/periods';
import { docDate } from '../../../shared/api/evidence';
import { systemUser } from '../../../db/queries/users';
import { attachPaths, cleanupStore, verifyStore } from '../../../db/evidence-store/index';
import { withStore } from './ledger';

function maxBytesOpt(values: Record<string, unknown>): number | undefined {
  const raw = stringOpt(values, 'max-bytes');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new AppError('validation', '--max-bytes 应为以字节计的非负整数。');
  return Number(raw);
}

/** Ctrl+C cancels the copy; nothing is left behind. */
function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const stop = () => ac.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: ac.signal,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

const attach: CliCommand = {
  name: 'attach',
  usage: 'attach --measure ID --period 2024-Q3 FILE... [--description 说明] [--doc-number 文号] [--doc-date 2024-06-30] [--max-bytes N]   添加佐证材料',
  options: { measure: 'string', period: 'string', description: 'string', 'doc-number': 'string', 'doc-date': 'string', 'max-bytes': 'string', progress: 'boolean' },
  async run({ positionals, values, dataDir }, io) {
    const measureId = stringOpt(values, 'measure');
    const periodId = stringOpt(values, 'period');
    if (!measureId) throw new AppError('validation', '请用 --measure 指定措施编号(见 measures 命令的 id)。');
    if (!periodId || !isQuarterId(periodId)) throw new AppError('validation', '请用 --period 指定季度,例如 2024-Q3。');
    if (positionals.length === 0) throw new AppError('validation', '请指定要添加的文件:attach --measure ID --period 2024-Q3 FILE...');
    const date = docDate.safeParse(stringOpt(values, 'doc-date') ?? '');
    if (!date.success) throw new AppError('validation', date.error.issues[0]?.message ?? '成文日期格式不对。');
    const meta = { description: stringOpt(values, 'description'), docNumber: stringOpt(values, 'doc-number'), docDate: date.data || undefined };
    const maxBytes = maxBytesOpt(values);
    const showProgress = values.progress === true;
    let lastPct = -1;
    const int = interruptSignal();
    try {
      const result = await withStore(dataDir, (db) =>
        attachPaths(
          db,
          dataDir,
          {
            measureId,
            periodId,
            userId: systemUser(db).id,
            maxBytes,
            signal: int.signal,
            onProgress: (p) => {
              const pct = p === null ? 0 : Math.floor(p * 100);
              if (showProgress && pct !== lastPct) io.err(`${pct}%`);
              lastPct = pct;
            },
          },
          positionals.map((path) => ({ path, ...meta })),
        ),
      );
      for (const w of result.warnings) io.err(w);
      io.out(JSON.stringify(result));
      return 0;
    } finally {
      int.dispose();
    }
  },
};

const verify: CliCommand = {
  name: 'verify',
  usage: 'verify                          重新计算全部佐证材料的 SHA-256 并按变更记录核对每条材料记录,报告缺失或被改动的文件与记录(有问题时退出码非零)',
  options: {},
  async run({ dataDir }, io) {
    const int = interruptSignal();
    try {
      const report = await withStore(dataDir, (db) => verifyStore(db, dataDir, { signal: int.signal }));
      io.out(JSON.stringify(report));
      for (const p of report.problems) {
        const what = p.state === 'missing' ? '缺失' : '内容已被改动';
        for (const u of p.uses) io.err(`${what}:“${u.name}”(措施 ${u.measureNumber} ${u.measureTitle},${u.periodId})`);
      }
      for (const r of report.rowProblems) io.err(r.detail);
      return report.ok ? 0 : 1;
    } finally {
      int.dispose();
    }
  },
};

const cleanup: CliCommand = {
  name: 'evidence-cleanup',
  usage: 'evidence-cleanup                删除已无任何记录、历史或备份引用的佐证文件',
  options: {},
  async run({ dataDir }, io) {
    io.out(JSON.stringify(await withStore(dataDir, (db) => cleanupStore(db, dataDir))));
    return 0;
  },
};

export const evidenceCommands: CliCommand[] = [attach, verify, cleanup];
