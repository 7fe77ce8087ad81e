// Dashboard figures for the chosen quarter and plan.
import { create } from 'zustand';
import { api } from '../api/client';
import type { Dashboard } from '../../../shared/model';
import { reportError } from './app';
import { useSession } from './session';

interface DashboardState {
  data: Dashboard | null;
  planId: string | null;
  load(): Promise<void>;
  setPlan(planId: string | null): void;
}

let seq = 0;

export const useDashboard = create<DashboardState>((set, get) => ({
  data: null,
  planId: null,
  async load() {
    const periodId = useSession.getState().periodId;
    if (!periodId) return;
    const planId = get().planId;
    const mine = ++seq;
    try {
      const data = await api['dashboard.get']({ periodId, ...(planId ? { planId } : {}) });
      if (mine === seq) set({ data });
    } catch (e) {
      reportError(e);
    }
  },
  setPlan(planId) {
    set({ planId });
    void get().load();
  },
}));
