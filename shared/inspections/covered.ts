// The canonical text a review's signature is taken over: keys in fixed order, measures and hashes sorted.
import type { Covered, CoveredItem } from './types';

function item(i: CoveredItem): CoveredItem {
  return {
    measureId: i.measureId,
    verdict: i.verdict,
    finding: i.finding,
    rectification: i.rectification
      ? { requirement: i.rectification.requirement, departmentId: i.rectification.departmentId, departmentName: i.rectification.departmentName, dueOn: i.rectification.dueOn }
      : null,
    evidence: [...i.evidence].sort(),
  };
}

export function canonicalCovered(c: Covered): string {
  const r = c.review;
  const review = {
    id: r.id,
    name: r.name,
    scope: { planId: r.scope.planId, sectionIds: [...r.scope.sectionIds].sort(), departmentIds: [...r.scope.departmentIds].sort(), periodId: r.scope.periodId },
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    reviewerIds: [...r.reviewerIds],
    revision: r.revision,
  };
  const items = c.items.map(item).sort((a, b) => (a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0));
  return JSON.stringify({ review, items });
}

/** Measures whose covered content differs between what was signed and what is there now. */
export function changedMeasures(signed: Covered, now: Covered): string[] {
  const key = (i: CoveredItem) => JSON.stringify(item(i));
  const before = new Map(signed.items.map((i) => [i.measureId, key(i)]));
  const after = new Map(now.items.map((i) => [i.measureId, key(i)]));
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => before.get(id) !== after.get(id)).sort();
}
