// Calls of quantitative targets: the actual figures of a measure's quarter, recording one, the ones below target.
import { z } from 'zod';
import { call } from './define';
import { periodId } from './ledger';

const id = z.string().min(1).max(100);

export interface TargetFigureInfo {
  index: number;
  target: string;
  actual: string;
  met: boolean | null;
  updatedAt: string | null;
}

export interface BelowTargetInfo {
  measureId: string;
  planId: string;
  planTitle: string;
  number: string;
  title: string;
  target: string;
  actual: string;
}

export const targetCalls = {
  'targets.get': call<TargetFigureInfo[]>()(z.object({ measureId: id, periodId }).strict()),
  'targets.set': call<TargetFigureInfo>()(
    z.object({ measureId: id, periodId, targetIndex: z.number().int().min(0).max(1000), actual: z.string().max(200) }).strict(),
  ),
  'targets.below': call<BelowTargetInfo[]>()(z.object({ periodId, planId: id.optional() }).strict()),
};
