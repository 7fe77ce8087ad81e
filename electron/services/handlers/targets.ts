// Handlers of quantitative targets: read a quarter's figures, record one, list those below target.
import type { Handlers } from '../dispatch';
import { currentUser } from '../context';
import { belowTarget, setTargetActual, targetFigures } from '../../../db/queries/targets';
import { requireOwnMeasure } from '../../../db/queries/clerk-scope';

type TargetHandlers = Pick<Handlers, 'targets.get' | 'targets.set' | 'targets.below'>;

export const targetHandlers: TargetHandlers = {
  'targets.get': (ctx, a) => targetFigures(ctx.db, a.measureId, a.periodId),
  'targets.set': (ctx, a) => {
    const user = currentUser(ctx);
    requireOwnMeasure(ctx.db, user, a.measureId);
    return setTargetActual(ctx.db, { ...a, userId: user.id });
  },
  'targets.below': (ctx, a) => belowTarget(ctx.db, a),
};
