// A measure as the signed-in user sees it: the store's facts and whether this user may record on it.
import type { AppContext } from './context';
import type { MeasureDetail } from '../../shared/model';
import { CALL_ROLES } from '../../shared/api/roles';
import { getMeasure } from '../../db/queries/measure-detail';
import { getUser } from '../../db/queries/users';
import { ownMeasureRefusal } from '../../db/queries/clerk-scope';

/** What refuses the user's records on a measure, as a sentence for the screen, or null: the same rules as the calls that record. */
function recordRefusal(ctx: AppContext, measureId: string): string | null {
  const user = ctx.userId ? getUser(ctx.db, ctx.userId) : null;
  if (!user) return '尚未选择当前用户。请先选择用户,再填报。';
  const recorders = CALL_ROLES['progress.set'];
  if (Array.isArray(recorders) && !recorders.includes(user.role)) return '督察员只查看各部门的填报,不填写进展、佐证材料、指标完成值和整改落实情况。';
  return ownMeasureRefusal(ctx.db, user, measureId)?.message ?? null;
}

export function measureView(ctx: AppContext, id: string, periodId: string): MeasureDetail {
  const facts = getMeasure(ctx.db, id, periodId);
  const refusal = recordRefusal(ctx, id);
  return { ...facts, mayRecord: refusal === null, recordRefusal: refusal };
}
