// The conflicts panel's state: the list merges found, resolving one, and the audit trail check.
import { create } from 'zustand';
import { api } from '../api/client';
import { reportError, useApp } from '../stores/app';
import { i18n } from '../i18n/index';
import type { AuditProblem, ConflictItem } from '../../../shared/api/exchange';

const tr = i18n.getFixedT(null, 'conflicts');

export type Choice = 'mine' | 'theirs' | { value: string };

interface ConflictsState {
  items: ConflictItem[];
  showResolved: boolean;
  loading: boolean;
  /** The conflict being saved: its buttons wait until the store answers. */
  saving: string | null;
  audit: { ok: boolean; problems: AuditProblem[] } | null;
  auditing: boolean;
  load(): Promise<void>;
  setShowResolved(v: boolean): Promise<void>;
  resolve(id: string, choice: Choice): Promise<boolean>;
  verifyAudit(): Promise<void>;
}

export const useConflicts = create<ConflictsState>((set, get) => ({
  items: [],
  showResolved: false,
  loading: false,
  saving: null,
  audit: null,
  auditing: false,
  async load() {
    set({ loading: true });
    try {
      set({ items: await api['conflicts.list']({ open: !get().showResolved }) });
    } catch (e) {
      reportError(e);
    } finally {
      set({ loading: false });
    }
  },
  async setShowResolved(v) {
    set({ showResolved: v });
    await get().load();
  },
  async resolve(id, choice) {
    set({ saving: id });
    try {
      await api['conflicts.resolve']({ id, choice });
      useApp.getState().notify('info', tr('saved'));
      await get().load();
      return true;
    } catch (e) {
      reportError(e);
      return false;
    } finally {
      set({ saving: null });
    }
  },
  async verifyAudit() {
    set({ auditing: true, audit: null });
    try {
      set({ audit: await api['audit.verify']({}) });
    } catch (e) {
      reportError(e);
    } finally {
      set({ auditing: false });
    }
  },
}));
