// Correction commands: edit a measure, merge two spellings of a department (as the administrator).
import type { CliCommand } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { systemUser } from '../../../db/queries/users';
import { editMeasure, type MeasureFieldEdit } from '../../../db/queries/measure-edits';
import { mergeDepartments } from '../../../db/queries/department-edits';
import { listDepartments } from '../../../db/queries/departments';
import { getMeasure } from '../../../db/queries/measure-detail';
import { currentQuarter } from '../../../shared/periods';
import { canonicalKey } from '../../../shared/departments';
import type { Db } from '../../../db/open';
import { withStore } from './ledger';

const list = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : undefined);

const measureEdit: CliCommand = {
  name: 'measure edit',
  usage: 'measure edit --measure ID [--title T] [--text T] [--lead NAME]... [--responsible NAME]... [--deadline D]   修改措施',
  options: { measure: 'string', title: 'string', text: 'string', lead: 'string', responsible: 'string', deadline: 'string' },
  multiple: ['lead', 'responsible'],
  run({ values, dataDir }, io) {
    const id = stringOpt(values, 'measure');
    if (!id) throw new AppError('validation', '请用 --measure 指定要修改的措施编号(可由 measures 命令查到)。');
    const e: MeasureFieldEdit = { title: stringOpt(values, 'title'), text: stringOpt(values, 'text'), lead: list(values.lead), responsible: list(values.responsible) };
    const deadline = stringOpt(values, 'deadline');
    if (deadline !== undefined) e.deadline = deadline.trim() || null;
    if (Object.values(e).every((v) => v === undefined)) throw new AppError('validation', '没有要修改的内容。请至少给出 --title、--text、--lead、--responsible 或 --deadline 之一。');
    return withStore(dataDir, (db) => {
      editMeasure(db, systemUser(db).id, id, e);
      const m = getMeasure(db, id, currentQuarter().id);
      io.out(JSON.stringify({ id: m.id, title: m.title, lead: m.lead.map((u) => u.asWritten), responsible: m.responsible.map((u) => u.asWritten), deadline: m.deadline }));
      return 0;
    });
  },
};

/** A department named as the user would: by its name or any spelling documents used. */
function departmentByName(db: Db, name: string): string {
  const key = canonicalKey(name);
  const d = listDepartments(db).find((x) => x.name === name || x.aliases.includes(name) || canonicalKey(x.name) === key);
  if (!d) throw new AppError('not_found', `找不到名为“${name}”的单位。可用 measures 命令查看各措施的单位写法。`);
  return d.id;
}

const departmentMerge: CliCommand = {
  name: 'department merge',
  usage: 'department merge --from NAME --into NAME            把同一单位的两种写法合并为一个',
  options: { from: 'string', into: 'string' },
  run({ values, dataDir }, io) {
    const from = stringOpt(values, 'from');
    const into = stringOpt(values, 'into');
    if (!from || !into) throw new AppError('validation', '请用 --from 和 --into 给出要合并的两个单位名称。');
    return withStore(dataDir, (db) => {
      const target = departmentByName(db, into);
      mergeDepartments(db, systemUser(db).id, departmentByName(db, from), target);
      const d = listDepartments(db).find((x) => x.id === target)!;
      io.out(JSON.stringify({ id: d.id, name: d.name, aliases: d.aliases, leadCount: d.leadCount, responsibleCount: d.responsibleCount }));
      return 0;
    });
  },
};

export const correctionCommands: CliCommand[] = [measureEdit, departmentMerge];
