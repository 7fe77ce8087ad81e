// Files the inspectors bring (photos, scans): stored through the evidence store under the review's quarter, then marked as theirs.
import type { Db } from '../../open';
import type { AttachResult } from '../../../shared/api/evidence';
import { attachPaths } from '../../evidence-store/attach';
import { requireEditable } from './reviews';
import { linkInspectorFiles } from './verdicts';

/** Evidence ids of files the record already had under these names (attach reports them as duplicates). */
function existingIds(db: Db, measureId: string, periodId: string, names: string[]): string[] {
  if (!names.length) return [];
  return db.prepare('SELECT id FROM evidence WHERE measure_id = ? AND period_id = ? AND name IN (SELECT value FROM json_each(?))').pluck().all(measureId, periodId, JSON.stringify(names)) as string[];
}

export async function attachInspectorPaths(db: Db, dataDir: string, a: { reviewId: string; measureId: string; userId: string; paths: string[] }): Promise<AttachResult> {
  const periodId = requireEditable(db, a.reviewId).scope.periodId;
  const r = await attachPaths(db, dataDir, { measureId: a.measureId, periodId, userId: a.userId }, a.paths.map((path) => ({ path, description: '督察现场材料' })));
  linkInspectorFiles(db, { reviewId: a.reviewId, measureId: a.measureId, evidenceIds: [...r.items.map((i) => i.id), ...existingIds(db, a.measureId, periodId, r.duplicates)] }, a.userId);
  return r;
}
