// Calls of a plan's life after import: delete (and undo an import), list the deleted ones, restore.
import { z } from 'zod';
import { call } from './define';

const id = z.string().min(1).max(100);

export interface DeletedPlanInfo {
  id: string;
  title: string;
  measureCount: number;
  deletedAt: string;
  deletedByName: string | null;
}

export const planCalls = {
  'plans.delete': call<{ planId: string }>()(z.object({ planId: id }).strict()),
  'plans.deleted': call<DeletedPlanInfo[]>()(z.object({}).strict()),
  'plans.restore': call<{ planId: string }>()(z.object({ planId: id }).strict()),
};
