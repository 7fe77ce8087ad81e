// Handlers of quantitative targets: read a quarter's figures, record one, list those below target.
import type { Handlers } from '../dispatch';
import { currentUser } from '../context';
import { belowTarget, setTargetActual, targetFigures } from '../../../db/queries/targets';

type TargetHandlers = Pick<Handlers, 'targets.get' | 'targets.set' | 'targets.below'>;

export const targetHandlers: TargetHandlers = {
  'targets.get': (ctx, a) => targetFigures(ctx.db, a.measureId, a.periodId),
  'targets.set': (ctx, a) => setTargetActual(ctx.db, { ...a, userId: currentUser(ctx).id }),
  'targets.below': (ctx, a) => belowTarget(ctx.db, a),
};
