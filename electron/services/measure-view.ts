// A measure as the signed-in user sees it: the store's facts and, where the user may not record on it, why not.
import type { AppContext } from './context';
import type { MeasureDetail } from '../../shared/model';
import { getMeasure } from '../../db/queries/measure-detail';
import { ownMeasureRefusal, ownMeasuresAmong } from '../../db/queries/clerk-scope';
import { accessRefusal } from './access';
import { currentUser } from './context';

/** The rules of the calls that record (their roles, then the clerks' own-department rule), told before a save. */
function recordRefusal(ctx: AppContext, measureId: string): string | null {
  const byRole = accessRefusal(ctx, 'progress.set', '在此填报');
  if (byRole) return byRole.message;
  return ownMeasureRefusal(ctx.db, currentUser(ctx), measureId)?.message ?? null;
}

export function measureView(ctx: AppContext, id: string, periodId: string): MeasureDetail {
  return { ...getMeasure(ctx.db, id, periodId), recordRefusal: recordRefusal(ctx, id) };
}

/** The measures among `measureIds` whose evidence the signed-in user may edit and remove (the same rules, for a list). */
export function evidenceChangeableOn(ctx: AppContext, measureIds: Iterable<string>): Set<string> {
  if (accessRefusal(ctx, 'evidence.remove')) return new Set();
  return ownMeasuresAmong(ctx.db, currentUser(ctx), measureIds);
}
