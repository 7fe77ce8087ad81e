// Handlers of the ledger calls: session and users, import, checklist, progress, dashboard.
import { createHash } from 'node:crypto';
import type { Handlers } from '../dispatch';
import type { AppContext } from '../context';
import { currentUser } from '../context';
import { backupBefore } from '../backup';
import { createUser, getUser, listUsers, usersCreatedHere } from '../../../db/queries/users';
import { listDepartments, departmentExists, resolveDepartment } from '../../../db/queries/departments';
import { findPlanBySource, hasPlans, importDocument, listPlans } from '../../../db/queries/plans';
import { findSimilarPlan } from '../../../db/queries/plan-lifecycle';
import { listMeasures, listSections } from '../../../db/queries/measures';
import { measureView } from '../measure-view';
import { setProgress } from '../../../db/queries/progress';
import { dashboard } from '../../../db/queries/dashboard';
import { currentQuarter } from '../../../shared/periods';
import { AppError } from '../../../shared/errors';
import type { ImportPreview, SessionInfo } from '../../../shared/api/ledger';
import type { ParsedDocument, ParsedOutline } from '../../../shared/outline/types';
import { readAndParse } from '../readers/run';
import { startJob } from '../jobs';
import { defaultDocumentIndex, listTemplates, loadTemplate } from '../templates';
import { APP_VERSION } from '../version';
import { passwordsRequired, usersWithPassword } from '../../../db/queries/auth';
import { clerksOwnDepartmentOnly, requireOwnMeasure } from '../../../db/queries/clerk-scope';
import { signIn } from '../sign-in';

type LedgerHandlers = Pick<
  Handlers,
  | 'session.get'
  | 'session.switchUser'
  | 'users.create'
  | 'departments.list'
  | 'plans.list'
  | 'sections.list'
  | 'import.preview'
  | 'import.commit'
  | 'import.template'
  | 'measures.list'
  | 'measures.get'
  | 'progress.set'
  | 'dashboard.get'
>;

/** More measures than any real outline has: the preview warns that this does not look like one. */
const MANY_MEASURES = 3000;

export function session(ctx: AppContext): SessionInfo {
  const users = listUsers(ctx.db);
  const withPassword = usersWithPassword(ctx.db);
  const required = passwordsRequired(ctx.db);
  if (ctx.userId && !users.some((u) => u.id === ctx.userId)) ctx.userId = null;
  // The only user is signed in by itself, unless a password guards the store or the user came with a package
  // (a department's PC set up from the office's ledger must not start as the office's administrator).
  const only = users.length === 1 ? users[0]! : null;
  if (!ctx.userId && only && !required && !withPassword.includes(only.id) && usersCreatedHere(ctx.db).has(only.id)) ctx.userId = only.id;
  return {
    withPassword,
    passwordsRequired: required,
    clerksOwnDepartmentOnly: clerksOwnDepartmentOnly(ctx.db),
    logProblem: ctx.log.problem(),
    user: ctx.userId ? getUser(ctx.db, ctx.userId) : null,
    users,
    currentPeriod: currentQuarter().id,
    hasPlans: hasPlans(ctx.db),
    templates: listTemplates(),
    version: APP_VERSION,
  };
}

async function importOutline(ctx: AppContext, outline: ParsedOutline, index: number, source: { fileName: string; sha256: string; format: string }, anyway = false) {
  const doc = outline.documents[index];
  if (!doc) throw new AppError('validation', '所选文档不存在。请重新选择要导入的文档。');
  const user = currentUser(ctx);
  await backupBefore(ctx, 'import');
  const r = importDocument(ctx.db, doc, { ...source, documentIndex: index }, user.id, { anyway });
  ctx.log.info(`import ${source.fileName} #${index}: ${r.measureCount} measures by ${user.id}`);
  return { ...r, title: doc.title ?? source.fileName };
}

function applyEdits(doc: ParsedDocument, edits: { index: number; title?: string | undefined; lead?: string[] | undefined; responsible?: string[] | undefined; deadline?: string | null | undefined }[]): ParsedDocument {
  const items = doc.items.map((m) => ({ ...m }));
  for (const e of edits) {
    const m = items[e.index];
    if (!m) throw new AppError('validation', `要修改的第 ${e.index + 1} 项措施不存在。请重新预览后再修改。`);
    if (e.title !== undefined) m.title = e.title;
    if (e.lead !== undefined) m.lead = e.lead;
    if (e.responsible !== undefined) m.responsible = e.responsible;
    if (e.deadline !== undefined) m.deadline = e.deadline;
  }
  return { ...doc, items };
}

export const ledgerHandlers: LedgerHandlers = {
  'session.get': (ctx) => session(ctx),
  'session.switchUser': (ctx, { userId, password }) => {
    const u = getUser(ctx.db, userId);
    if (!u || u.system) throw new AppError('not_found', '找不到该用户。请刷新后重新选择。');
    signIn(ctx, u, password);
    ctx.userId = u.id;
    return session(ctx);
  },
  'users.create': (ctx, a) => {
    const user = ctx.db.transaction(() => {
      let departmentId = a.departmentId ?? null;
      if (departmentId && !departmentExists(ctx.db, departmentId)) throw new AppError('not_found', '所选部门不存在。请重新选择。');
      if (!departmentId && a.departmentName) departmentId = resolveDepartment(ctx.db, a.departmentName);
      return createUser(ctx.db, { name: a.name, role: a.role, departmentId }, ctx.userId ?? undefined);
    })();
    // The first user is signed in; a supervisor adding a colleague stays who they are.
    ctx.userId ??= user.id;
    return session(ctx);
  },
  'departments.list': (ctx) => listDepartments(ctx.db),
  'plans.list': (ctx) => listPlans(ctx.db),
  'sections.list': (ctx, a) => listSections(ctx.db, a.planId),
  'import.preview': (ctx, a) =>
    // Reading and parsing run in a worker thread: a hostile or huge file never stalls the process serving the screen.
    startJob('import.preview', async (c) => {
      const { source: meta, outline } = await readAndParse(Buffer.from(a.dataBase64, 'base64'), a.fileName, {
        signal: c.signal,
        onProgress: (f, step) => c.report(f, step),
      });
      if (!outline.documents.some((d) => d.items.length > 0)) {
        throw new AppError('no_measures', `未能从“${a.fileName}”中识别出任何工作措施。请确认文件是实施方案、纲要或工作计划,且措施按“一、(一)1.”等序号排列。`);
      }
      c.report(0.95, 'store');
      const token = await ctx.previews.put({ source: meta, outline });
      const measures = outline.documents.reduce((n, d) => n + d.items.length, 0);
      const preview: ImportPreview = {
        token,
        fileName: meta.fileName,
        format: meta.format,
        encoding: meta.encoding,
        sha256: meta.sha256,
        size: meta.size,
        defaultDocument: defaultDocumentIndex(outline),
        warning:
          measures > MANY_MEASURES
            ? `从该文件中识别出 ${measures} 项“措施”,远多于一份实施方案通常的数量,它看起来不像实施方案。请确认选择的文件正确;如无误,请检查下面的列表后再导入。`
            : null,
        documents: outline.documents.map((d, index) => {
          const file = findPlanBySource(ctx.db, meta.sha256, index);
          const similar = file || d.items.length === 0 ? null : findSimilarPlan(ctx.db, d);
          const duplicateOf = file
            ? { planId: file.id, title: file.title, importedAt: file.importedAt, kind: 'file' as const, deleted: file.deleted }
            : similar
              ? { planId: similar.planId, title: similar.title, importedAt: similar.importedAt, kind: 'content' as const, deleted: false }
              : null;
          return {
            index,
            title: d.title,
            deadline: d.deadline,
            sections: d.sections,
            items: d.items,
            duplicateOf,
          };
        }),
      };
      return preview;
    }),
  'import.commit': async (ctx, a) => {
    const pending = await ctx.previews.get(a.token);
    const doc = pending.outline.documents[a.documentIndex];
    if (!doc) throw new AppError('validation', '所选文档不存在。请重新选择要导入的文档。');
    if (a.items && a.edits.length > 0) throw new AppError('validation', '修改内容与措施列表不能同时提交。请重新预览后再导入。');
    const corrected = (d: ParsedDocument): ParsedDocument => (a.items ? { ...d, items: a.items } : applyEdits(d, a.edits));
    const edited: ParsedOutline = { documents: pending.outline.documents.map((d, i) => (i === a.documentIndex ? corrected(d) : d)) };
    const done = await importOutline(ctx, edited, a.documentIndex, pending.source, a.anyway ?? false);
    await ctx.previews.delete(a.token);
    return done;
  },
  'import.template': (ctx, a) => {
    const t = loadTemplate(a.templateId);
    const sha256 = createHash('sha256').update(t.bytes).digest('hex');
    return importOutline(ctx, t.outline, t.defaultDocument, { fileName: t.fileName, sha256, format: 'txt' });
  },
  'measures.list': (ctx, a) => listMeasures(ctx.db, a),
  'measures.get': (ctx, a) => measureView(ctx, a.id, a.periodId),
  'progress.set': (ctx, a) => {
    const user = currentUser(ctx);
    requireOwnMeasure(ctx.db, user, a.measureId);
    return setProgress(ctx.db, { ...a, userId: user.id });
  },
  'dashboard.get': (ctx, a) => dashboard(ctx.db, a),
};
