// Handlers of the correction calls: only supervisors (who own the outline) may reshape measures and departments.
import type { Handlers } from '../dispatch';
import type { AppContext } from '../context';
import { currentUser } from '../context';
import type { User } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import { measureView } from '../measure-view';
import { listDepartments } from '../../../db/queries/departments';
import { addMeasure, deleteMeasure, editMeasure, mergeMeasures, splitMeasure } from '../../../db/queries/measure-edits';
import { mergeDepartments, renameDepartment, setCollective } from '../../../db/queries/department-edits';
import { applyRevision, previewRevision } from '../../../db/queries/revision';

type CorrectionHandlers = Pick<
  Handlers,
  | 'measures.edit'
  | 'measures.split'
  | 'measures.merge'
  | 'measures.add'
  | 'measures.delete'
  | 'departments.rename'
  | 'departments.setCollective'
  | 'departments.merge'
  | 'import.revisionPreview'
  | 'import.commitRevision'
>;

function supervisor(ctx: AppContext): User {
  const user = currentUser(ctx);
  if (user.role !== 'supervisor') throw new AppError('forbidden', '只有法制机构(管理员)可以修改实施方案的措施和单位。请切换到管理员用户,或请管理员修改。');
  return user;
}

async function pendingDocument(ctx: AppContext, token: string, documentIndex: number) {
  const pending = await ctx.previews.get(token);
  const doc = pending.outline.documents[documentIndex];
  if (!doc) throw new AppError('validation', '所选文档不存在。请重新选择要导入的文档。');
  return { pending, doc };
}

export const correctionHandlers: CorrectionHandlers = {
  'measures.edit': (ctx, { id, periodId, ...fields }) => {
    editMeasure(ctx.db, supervisor(ctx).id, id, fields);
    return measureView(ctx, id, periodId);
  },
  'measures.split': (ctx, a) => splitMeasure(ctx.db, supervisor(ctx).id, a.id, a.at),
  'measures.merge': (ctx, a) => {
    mergeMeasures(ctx.db, supervisor(ctx).id, a.into, a.absorbed);
    return { id: a.into };
  },
  'measures.add': (ctx, a) => ({ id: addMeasure(ctx.db, supervisor(ctx).id, a) }),
  'measures.delete': (ctx, a) => {
    deleteMeasure(ctx.db, supervisor(ctx).id, a.id);
    return { id: a.id };
  },
  'departments.rename': (ctx, a) => {
    renameDepartment(ctx.db, supervisor(ctx).id, a.id, a.name);
    return listDepartments(ctx.db);
  },
  'departments.setCollective': (ctx, a) => {
    setCollective(ctx.db, supervisor(ctx).id, a.id, a.collective);
    return listDepartments(ctx.db);
  },
  'departments.merge': (ctx, a) => {
    mergeDepartments(ctx.db, supervisor(ctx).id, a.from, a.into);
    return listDepartments(ctx.db);
  },
  'import.revisionPreview': async (ctx, a) => previewRevision(ctx.db, a.planId, (await pendingDocument(ctx, a.token, a.documentIndex)).doc),
  'import.commitRevision': async (ctx, a) => {
    const user = supervisor(ctx);
    const { pending, doc } = await pendingDocument(ctx, a.token, a.documentIndex);
    const done = applyRevision(ctx.db, user.id, a.planId, doc, { ...pending.source, documentIndex: a.documentIndex });
    await ctx.previews.delete(a.token);
    ctx.log.info(`revision of plan ${a.planId} from ${pending.source.fileName}: +${done.added} ~${done.changed} -${done.removed}`);
    return done;
  },
};
