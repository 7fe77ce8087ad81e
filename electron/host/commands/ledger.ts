// Ledger commands: parse an outline, import it, list and search measures, record progress.
import type { CliCommand } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { STATUSES, type MeasureRow, type Status } from '../../../shared/model';
import { parseOutline } from '../../../shared/outline/index';
import type { ParsedOutline } from '../../../shared/outline/types';
import { readOutlineFile } from '../../services/readers/index';
import { defaultDocumentIndex } from '../../services/templates';
import { openStore, closeStore, type Db } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { backupBeforeMigration, createBackup } from '../../../db/backup/index';
import { APP_VERSION } from '../../services/version';
import { listMeasures } from '../../../db/queries/measures';
import { setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import { currentQuarter, isQuarterId } from '../../../shared/periods';

/** Exactly the JSON shape the parse command promises, keys in order. */
export function outlineJson(outline: ParsedOutline): unknown {
  return {
    documents: outline.documents.map((d) => ({
      title: d.title,
      items: d.items.map((m) => ({
        path: m.path,
        title: m.title,
        text: m.text,
        lead: m.lead,
        responsible: m.responsible,
        deadline: m.deadline,
        targets: m.targets,
      })),
    })),
  };
}

/** Opens the store for one command and closes it when the work, sync or async, is over. */
export async function withStore<T>(dataDir: string, fn: (db: Db) => T | Promise<T>): Promise<T> {
  await backupBeforeMigration(dataDir, APP_VERSION);
  const db = openStore(dataDir);
  try {
    return await fn(db);
  } finally {
    closeStore(db);
  }
}

function measureJson(db: Db, rows: MeasureRow[]) {
  const plans = new Map((db.prepare('SELECT id, title FROM plans').all() as { id: string; title: string }[]).map((p) => [p.id, p.title]));
  return rows.map((m) => ({
    id: m.id,
    plan: plans.get(m.planId) ?? null,
    planId: m.planId,
    path: m.path,
    title: m.title,
    lead: m.lead.map((u) => u.asWritten),
    responsible: m.responsible.map((u) => u.asWritten),
    deadline: m.deadline,
    status: m.status,
  }));
}

const parse: CliCommand = {
  name: 'parse',
  usage: 'parse FILE                      解析实施方案文件,输出 JSON',
  options: {},
  async run({ positionals }, io) {
    const file = positionals[0];
    if (!file) throw new AppError('validation', '请指定要解析的文件:parse FILE');
    const doc = await readOutlineFile(file);
    io.out(JSON.stringify(outlineJson(parseOutline(doc.text))));
    return 0;
  },
};

const importCmd: CliCommand = {
  name: 'import',
  usage: 'import FILE [--document N] [--anyway]  导入实施方案(默认导入措施最多的一篇;与已有方案内容相同时须加 --anyway)',
  options: { document: 'string', anyway: 'boolean' },
  async run({ positionals, values, dataDir }, io) {
    const file = positionals[0];
    if (!file) throw new AppError('validation', '请指定要导入的文件:import FILE');
    const doc = await readOutlineFile(file);
    const outline = parseOutline(doc.text);
    const docOpt = stringOpt(values, 'document');
    const index = docOpt === undefined ? defaultDocumentIndex(outline) : Number(docOpt);
    if (!Number.isInteger(index) || index < 0 || index >= outline.documents.length) {
      throw new AppError('validation', `--document 应为 0 到 ${outline.documents.length - 1} 之间的整数。`);
    }
    const chosen = outline.documents[index]!;
    const result = await withStore(dataDir, async (db) => {
      // Before every import, as the app does; an empty store has nothing to lose.
      if ((db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n > 0) await createBackup(db, dataDir, { reason: 'import', appVersion: APP_VERSION });
      return importDocument(db, chosen, { fileName: doc.fileName, sha256: doc.sha256, format: doc.format, documentIndex: index }, systemUser(db).id, { anyway: values.anyway === true });
    });
    io.out(JSON.stringify({ ...result, title: chosen.title, document: index }));
    return 0;
  },
};

const measures: CliCommand = {
  name: 'measures',
  usage: 'measures                        以 JSON 数组列出全部措施',
  options: {},
  async run({ dataDir }, io) {
    await withStore(dataDir, (db) => io.out(JSON.stringify(measureJson(db, listMeasures(db, { periodId: currentQuarter().id })))));
    return 0;
  },
};

const search: CliCommand = {
  name: 'search',
  usage: 'search TEXT                     按任意两个以上的字检索措施和推进情况',
  options: {},
  async run({ positionals, dataDir }, io) {
    const text = positionals.join(' ').trim();
    if (!text) throw new AppError('validation', '请输入要检索的文字:search TEXT');
    await withStore(dataDir, (db) => io.out(JSON.stringify(measureJson(db, listMeasures(db, { periodId: currentQuarter().id, query: text })))));
    return 0;
  },
};

const progress: CliCommand = {
  name: 'progress',
  usage: 'progress --measure ID --period 2024-Q3 --status 已完成 --note TEXT   以管理员身份记录进展',
  options: { measure: 'string', period: 'string', status: 'string', note: 'string' },
  async run({ values, dataDir }, io) {
    const measureId = stringOpt(values, 'measure');
    const periodId = stringOpt(values, 'period');
    const status = stringOpt(values, 'status');
    if (!measureId) throw new AppError('validation', '请用 --measure 指定措施编号(见 measures 命令的 id)。');
    if (!periodId || !isQuarterId(periodId)) throw new AppError('validation', '请用 --period 指定季度,例如 2024-Q3。');
    if (!status || !(STATUSES as readonly string[]).includes(status)) {
      throw new AppError('validation', `--status 应为以下之一:${STATUSES.join('、')}。`);
    }
    const record = await withStore(dataDir, (db) =>
      setProgress(db, { measureId, periodId, status: status as Status, narrative: stringOpt(values, 'note') ?? '', userId: systemUser(db).id }),
    );
    io.out(JSON.stringify(record));
    return 0;
  },
};

export const ledgerCommands: CliCommand[] = [parse, importCmd, measures, search, progress];
