// Quantitative targets: the open measure's figures for the quarter, recording one, and the quarter's shortfalls.
import { create } from 'zustand';
import { api } from '../api/client';
import type { BelowTargetInfo, TargetFigureInfo } from '../../../shared/api/targets';
import { reportError } from '../stores/app';

interface TargetsState {
  /** The figures of one measure's quarter, keyed `${measureId}|${periodId}`. */
  figuresKey: string;
  figures: TargetFigureInfo[];
  /** The quarter's figures below target, for every live plan. */
  belowPeriod: string;
  below: BelowTargetInfo[];
  belowIds: ReadonlySet<string>;
  loadFigures(measureId: string, periodId: string): Promise<void>;
  setActual(measureId: string, periodId: string, targetIndex: number, actual: string): Promise<boolean>;
  loadBelow(periodId: string, force?: boolean): Promise<void>;
}

export const useTargets = create<TargetsState>((set, get) => ({
  figuresKey: '',
  figures: [],
  belowPeriod: '',
  below: [],
  belowIds: new Set(),

  async loadFigures(measureId, periodId) {
    const key = `${measureId}|${periodId}`;
    if (get().figuresKey !== key) set({ figuresKey: key, figures: [] });
    try {
      const figures = await api['targets.get']({ measureId, periodId });
      if (get().figuresKey === key) set({ figures });
    } catch (e) {
      reportError(e);
    }
  },

  async setActual(measureId, periodId, targetIndex, actual) {
    try {
      const f = await api['targets.set']({ measureId, periodId, targetIndex, actual });
      if (get().figuresKey === `${measureId}|${periodId}`) set((s) => ({ figures: s.figures.map((x) => (x.index === f.index ? f : x)) }));
      await get().loadBelow(periodId, true);
      return true;
    } catch (e) {
      reportError(e);
      return false;
    }
  },

  async loadBelow(periodId, force = false) {
    if (!periodId || (!force && get().belowPeriod === periodId)) return;
    set({ belowPeriod: periodId });
    try {
      const below = await api['targets.below']({ periodId });
      if (get().belowPeriod === periodId) set({ below, belowIds: new Set(below.map((b) => b.measureId)) });
    } catch (e) {
      reportError(e);
    }
  },
}));
