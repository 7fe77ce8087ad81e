// Deleting a plan (or undoing an import), restoring one, and the list of deleted plans.
import { create } from 'zustand';
import './daily.css';
import { api } from '../api/client';
import type { DeletedPlanInfo } from '../../../shared/api/plans';
import { i18n } from '../i18n/index';
import { reportError, useApp } from '../stores/app';
import { useChecklist } from '../stores/checklist';
import { useSession } from '../stores/session';

interface DeletedPlansState {
  plans: DeletedPlanInfo[];
  load(): Promise<void>;
}

export const useDeletedPlans = create<DeletedPlansState>((set) => ({
  plans: [],
  async load() {
    try {
      set({ plans: await api['plans.deleted']({}) });
    } catch (e) {
      reportError(e);
    }
  },
}));

/** Everything that lists plans or measures reads again. */
async function refreshAfterPlanChange(): Promise<void> {
  await useSession.getState().load();
  const c = useChecklist.getState();
  if (c.filters.planId && !(await api['plans.list']({})).some((p) => p.id === c.filters.planId)) c.showOnly({});
  await Promise.all([c.loadTree(), c.loadRows(), useDeletedPlans.getState().load()]);
}

export async function deletePlan(plan: { id: string; title: string }, undo = false): Promise<boolean> {
  try {
    await api['plans.delete']({ planId: plan.id });
    await refreshAfterPlanChange();
    useApp.getState().notify('info', i18n.t(undo ? 'daily:undone' : 'daily:deleted', { title: plan.title }));
    return true;
  } catch (e) {
    reportError(e);
    return false;
  }
}

export async function restorePlan(plan: { id: string; title: string }): Promise<void> {
  try {
    await api['plans.restore']({ planId: plan.id });
    await refreshAfterPlanChange();
    useApp.getState().notify('info', i18n.t('daily:restored', { title: plan.title }));
  } catch (e) {
    reportError(e);
  }
}

/** The notice after an import, with the way back right on it. */
export function notifyImported(message: string, plan: { id: string; title: string }): void {
  useApp.getState().notify('info', message, [{ label: i18n.t('daily:undo'), testId: 'import-undo', run: () => void deletePlan(plan, true) }]);
}
