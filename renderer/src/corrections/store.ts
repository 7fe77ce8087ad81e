// Corrections after import: the measure being edited, and the calls that change measures and departments.
import { create } from 'zustand';
import { api } from '../api/client';
import type { ArgsOf } from '../../../shared/api/contract';
import { i18n } from '../i18n/index';
import { reportError, useApp } from '../stores/app';
import { useChecklist } from '../stores/checklist';
import { useSession } from '../stores/session';

export type MeasureFields = Omit<ArgsOf<'measures.edit'>, 'id' | 'periodId'>;

interface CorrectionsState {
  /** The measure whose edit form is open in the detail panel. */
  editing: string | null;
  busy: boolean;
  startEdit(id: string | null): void;
  save(id: string, fields: MeasureFields): Promise<boolean>;
  split(id: string, at: number): Promise<boolean>;
  merge(into: string, absorbed: string): Promise<boolean>;
  add(args: ArgsOf<'measures.add'>): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

/** Lists, tree and the open measure read again after a change that can move measures around. */
async function refreshChecklist(openId: string | null): Promise<void> {
  const c = useChecklist.getState();
  await Promise.all([c.loadTree(), c.loadRows(), useSession.getState().loadDepartments()]);
  if (openId) {
    useChecklist.setState({ selectedId: null, detail: null, draft: null });
    await useChecklist.getState().open(openId);
  } else {
    useChecklist.getState().closeDetail();
  }
}

export const useCorrections = create<CorrectionsState>((set, get) => {
  /** Runs one change; the form stays open with the user's input when it fails. */
  async function run(work: () => Promise<string | null>, done: string): Promise<boolean> {
    if (get().busy) return false;
    set({ busy: true });
    try {
      const openId = await work();
      set({ editing: null });
      await refreshChecklist(openId);
      useApp.getState().notify('info', done);
      return true;
    } catch (e) {
      reportError(e);
      return false;
    } finally {
      set({ busy: false });
    }
  }

  return {
    editing: null,
    busy: false,
    startEdit(id) {
      set({ editing: id });
    },
    save(id, fields) {
      const periodId = useSession.getState().periodId;
      return run(async () => (await api['measures.edit']({ id, periodId, ...fields })).id, i18n.t('corrections:saved'));
    },
    split(id, at) {
      return run(async () => (await api['measures.split']({ id, at })).first, i18n.t('corrections:splitDone'));
    },
    merge(into, absorbed) {
      return run(async () => (await api['measures.merge']({ into, absorbed })).id, i18n.t('corrections:mergeDone'));
    },
    add(args) {
      return run(async () => (await api['measures.add'](args)).id, i18n.t('corrections:addDone'));
    },
    remove(id) {
      return run(async () => {
        await api['measures.delete']({ id });
        return null;
      }, i18n.t('corrections:deleteDone'));
    },
  };
});
