// Handlers of the exchange-core calls: conflicts (listed for everyone, resolved by the 法制机构) and the audit check.
import type { Handlers } from '../dispatch';
import { currentUser } from '../context';
import { AppError } from '../../../shared/errors';
import { listConflicts, resolveConflict, verifyAudit } from '../../../db/sync/index';

type ExchangeCoreHandlers = Pick<Handlers, 'conflicts.list' | 'conflicts.resolve' | 'audit.verify'>;

export const exchangeCoreHandlers: ExchangeCoreHandlers = {
  'conflicts.list': (ctx, a) => listConflicts(ctx.db, a),
  'conflicts.resolve': (ctx, a) => {
    const user = currentUser(ctx);
    if (user.role !== 'supervisor') throw new AppError('forbidden', '合并冲突由法制机构人员处理。请切换到法制机构的用户后再操作。');
    const r = resolveConflict(ctx.db, user.id, a.id, a.choice);
    ctx.log.info(`conflict ${a.id} resolved by ${user.id}`);
    return r;
  },
  'audit.verify': (ctx) => {
    const problems = verifyAudit(ctx.db);
    if (problems.length) ctx.log.info(`audit verify found ${problems.length} problem(s): ${JSON.stringify(problems.slice(0, 20))}`);
    return { ok: problems.length === 0, problems };
  },
};
