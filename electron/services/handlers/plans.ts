// Handlers of a plan's life after import: delete, list deleted, restore.
import type { Handlers } from '../dispatch';
import { currentUser } from '../context';
import { deletePlan, listDeletedPlans, restorePlan } from '../../../db/queries/plan-lifecycle';

type PlanHandlers = Pick<Handlers, 'plans.delete' | 'plans.deleted' | 'plans.restore'>;

export const planHandlers: PlanHandlers = {
  'plans.delete': (ctx, { planId }) => {
    const user = currentUser(ctx);
    deletePlan(ctx.db, planId, user);
    ctx.log.info(`plan ${planId} deleted by ${user.id}`);
    return { planId };
  },
  'plans.deleted': (ctx) => listDeletedPlans(ctx.db),
  'plans.restore': (ctx, { planId }) => {
    const user = currentUser(ctx);
    restorePlan(ctx.db, planId, user);
    ctx.log.info(`plan ${planId} restored by ${user.id}`);
    return { planId };
  },
};
