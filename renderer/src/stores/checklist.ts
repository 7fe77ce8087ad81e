// The checklist: plan/section tree, filtered measure rows, the open measure and its quarter's progress draft.
import { create } from 'zustand';
import { api, ApiError } from '../api/client';
import type { MeasureDetail, MeasureRow, PlanSummary, ProgressRecord, Section, Status } from '../../../shared/model';
import { reportError, useApp } from './app';
import { useSession } from './session';

export interface Filters {
  planId: string | null;
  sectionId: string | null;
  departmentId: string | null;
  status: Status | null;
  overdue: boolean;
  query: string;
}

export const NO_FILTERS: Filters = { planId: null, sectionId: null, departmentId: null, status: null, overdue: false, query: '' };

/** The selected quarter's record as being edited; saved on every status change and after typing stops. */
export interface Draft {
  measureId: string;
  periodId: string;
  status: Status;
  narrative: string;
  /** Set when the quarter has no record yet and the status shown is carried from an earlier one. */
  carriedFrom: string | null;
  /** The version of the stored record this draft started from; null when there was none. */
  base: string | null;
}

/** A save refused because someone saved the quarter meanwhile: the newer record beside the user's own draft. */
export interface SaveConflict {
  measureId: string;
  periodId: string;
  theirs: ProgressRecord | null;
  mine: { status: Status; narrative: string };
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

interface ChecklistState {
  plans: PlanSummary[];
  sections: Section[];
  filters: Filters;
  /** What is in the search box now; `filters.query` follows it after a short pause. */
  queryInput: string;
  rows: MeasureRow[];
  loading: boolean;
  /** Row the keyboard is on. */
  cursor: number;
  selectedId: string | null;
  detail: MeasureDetail | null;
  draft: Draft | null;
  save: SaveState;
  conflict: SaveConflict | null;
  /** Ends a conflict: saves `merged` over the newer record, or (null) drops the user's changes for it. */
  resolveConflict(merged: { status: Status; narrative: string } | null): Promise<void>;
  loadTree(): Promise<void>;
  loadRows(): Promise<void>;
  setFilters(patch: Partial<Filters>): void;
  typeQuery(q: string): void;
  toggleMine(): void;
  showPlan(planId: string | null, sectionId?: string | null): void;
  /** The list with only these filters, nothing open and the search box empty (a dashboard bar, a fresh import). */
  showOnly(patch: Partial<Filters>): void;
  moveCursor(to: number): void;
  open(id: string): Promise<void>;
  focusMeasure(id: string): Promise<void>;
  closeDetail(): void;
  setStatus(status: Status): void;
  editNarrative(text: string): void;
  flush(): Promise<void>;
}

export const SEARCH_DEBOUNCE_MS = 150;
export const NARRATIVE_DEBOUNCE_MS = 800;

let rowsSeq = 0;
let detailSeq = 0;
let queryTimer: ReturnType<typeof setTimeout> | undefined;
let narrativeTimer: ReturnType<typeof setTimeout> | undefined;
// Saves run one after another so an older save never lands after a newer one.
let saveChain: Promise<void> = Promise.resolve();

const periodNow = (): string => useSession.getState().periodId;
/** The version each queued save is based on: the one this window last saved or was shown, per measure and quarter. */
const bases = new Map<string, string | null>();
const baseKey = (d: { measureId: string; periodId: string }): string => `${d.measureId}|${d.periodId}`;

function draftFrom(d: MeasureDetail, periodId: string): Draft {
  const rec = d.progress.find((p) => p.periodId === periodId);
  bases.set(baseKey({ measureId: d.id, periodId }), rec?.version ?? null);
  if (rec) return { measureId: d.id, periodId, status: rec.status, narrative: rec.narrative, carriedFrom: null, base: rec.version };
  return { measureId: d.id, periodId, status: d.status, narrative: '', carriedFrom: d.statusPeriod, base: null };
}

function toRow(d: MeasureDetail): MeasureRow {
  const { id, planId, sectionId, path, number, title, lead, responsible, deadline, deadlineDate, status, statusPeriod, overdue, dueSoon } = d;
  return { id, planId, sectionId, path, number, title, lead, responsible, deadline, deadlineDate, status, statusPeriod, overdue, dueSoon };
}

export const useChecklist = create<ChecklistState>((set, get) => {
  /** Fetches the open measure again (after a save) without touching the draft being typed. */
  async function refreshDetail(id: string): Promise<void> {
    const seq = ++detailSeq;
    const detail = await api['measures.get']({ id, periodId: periodNow() });
    if (seq !== detailSeq || get().selectedId !== id) return;
    set((s) => ({ detail, rows: s.rows.map((r) => (r.id === id ? toRow(detail) : r)) }));
  }

  /** The save was refused as stale: show the newer record beside the draft, and save nothing more until resolved. */
  async function showConflict(d: Draft): Promise<void> {
    const detail = await api['measures.get']({ id: d.measureId, periodId: d.periodId });
    const theirs = detail.progress.find((p) => p.periodId === d.periodId) ?? null;
    if (get().draft?.measureId !== d.measureId) return;
    set({ save: 'error', conflict: { measureId: d.measureId, periodId: d.periodId, theirs, mine: { status: d.status, narrative: d.narrative } } });
  }

  function persist(d: Draft): Promise<void> {
    if (get().conflict) return saveChain;
    set({ save: 'saving' });
    saveChain = saveChain.then(async () => {
      if (get().conflict) return;
      const key = baseKey(d);
      try {
        const baseVersion = bases.has(key) ? (bases.get(key) ?? null) : d.base;
        const rec = await api['progress.set']({ measureId: d.measureId, periodId: d.periodId, status: d.status, narrative: d.narrative, baseVersion });
        bases.set(key, rec.version);
        const cur = get().draft;
        if (cur && cur.measureId === d.measureId) set({ save: 'saved', draft: { ...cur, carriedFrom: null, base: rec.version } });
        await refreshDetail(d.measureId);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'stale_version') {
          await showConflict(d).catch((err: unknown) => void reportError(err));
          return;
        }
        reportError(e);
        if (get().draft?.measureId === d.measureId) set({ save: 'error' });
      }
    });
    return saveChain;
  }

  return {
    plans: [],
    sections: [],
    filters: NO_FILTERS,
    queryInput: '',
    rows: [],
    loading: false,
    cursor: 0,
    selectedId: null,
    detail: null,
    draft: null,
    save: 'idle',
    conflict: null,

    async resolveConflict(merged) {
      const c = get().conflict;
      const d = get().draft;
      if (!c || !d || d.measureId !== c.measureId) return set({ conflict: null });
      const base = c.theirs?.version ?? null;
      bases.set(baseKey(c), base);
      set({ conflict: null });
      if (!merged) {
        set({ draft: { ...d, status: c.theirs?.status ?? d.status, narrative: c.theirs?.narrative ?? '', base }, save: 'idle' });
        await refreshDetail(d.measureId);
        return;
      }
      const next = { ...d, ...merged, base };
      set({ draft: next });
      await persist(next);
    },

    async loadTree() {
      try {
        const [plans, sections] = await Promise.all([api['plans.list']({}), api['sections.list']({})]);
        set({ plans, sections });
      } catch (e) {
        reportError(e);
      }
    },

    async loadRows() {
      const periodId = periodNow();
      if (!periodId) return;
      const f = get().filters;
      const seq = ++rowsSeq;
      set({ loading: true });
      try {
        const rows = await api['measures.list']({
          periodId,
          ...(f.planId ? { planId: f.planId } : {}),
          ...(f.sectionId ? { sectionId: f.sectionId } : {}),
          ...(f.departmentId ? { departmentId: f.departmentId } : {}),
          ...(f.status ? { status: f.status } : {}),
          ...(f.overdue ? { overdue: true } : {}),
          ...(f.query.trim() ? { query: f.query.trim() } : {}),
        });
        if (seq !== rowsSeq) return; // a newer filter has been asked for meanwhile
        const sel = get().selectedId;
        const at = sel ? rows.findIndex((r) => r.id === sel) : -1;
        set({ rows, loading: false, cursor: at >= 0 ? at : Math.min(get().cursor, Math.max(rows.length - 1, 0)) });
      } catch (e) {
        if (seq === rowsSeq) set({ loading: false });
        reportError(e);
      }
    },

    setFilters(patch) {
      set((s) => ({ filters: { ...s.filters, ...patch }, cursor: 0 }));
      void get().loadRows();
    },

    typeQuery(q) {
      set({ queryInput: q });
      clearTimeout(queryTimer);
      queryTimer = setTimeout(() => {
        if (get().filters.query !== q) get().setFilters({ query: q });
      }, SEARCH_DEBOUNCE_MS);
    },

    toggleMine() {
      const dept = useSession.getState().info?.user?.departmentId ?? null;
      if (!dept) return;
      get().setFilters({ departmentId: get().filters.departmentId === dept ? null : dept });
    },

    showPlan(planId, sectionId = null) {
      get().setFilters({ planId, sectionId });
    },

    showOnly(patch) {
      get().closeDetail();
      clearTimeout(queryTimer);
      set({ queryInput: '' });
      get().setFilters({ ...NO_FILTERS, ...patch });
    },

    moveCursor(to) {
      const n = get().rows.length;
      if (n === 0) return;
      set({ cursor: Math.max(0, Math.min(n - 1, to)) });
    },

    async open(id) {
      if (get().selectedId === id && get().detail) return;
      await get().flush();
      const at = get().rows.findIndex((r) => r.id === id);
      set({ selectedId: id, save: 'idle', conflict: null, ...(at >= 0 ? { cursor: at } : {}) });
      if (useApp.getState().route.screen === 'checklist') useApp.getState().replaceParam(id);
      const periodId = periodNow();
      const seq = ++detailSeq;
      try {
        const detail = await api['measures.get']({ id, periodId });
        if (seq !== detailSeq) return;
        set({ detail, draft: draftFrom(detail, periodId) });
      } catch (e) {
        if (seq === detailSeq) set({ selectedId: null, detail: null, draft: null });
        reportError(e);
      }
    },

    async focusMeasure(id) {
      await get().flush();
      const periodId = periodNow();
      try {
        const detail = await api['measures.get']({ id, periodId });
        set({ selectedId: id, detail, draft: draftFrom(detail, periodId), save: 'idle' });
        // A link opens its measure without narrowing the list to its plan (the next search would silently miss the
        // others): the filters the person chose stay if the measure is among their rows, else the list shows everything.
        await get().loadRows();
        if (!get().rows.some((r) => r.id === id) && get().selectedId === id) {
          clearTimeout(queryTimer);
          set({ filters: NO_FILTERS, queryInput: '' });
          await get().loadRows();
        }
      } catch (e) {
        reportError(e);
      }
    },

    closeDetail() {
      void get().flush();
      detailSeq++;
      set({ selectedId: null, detail: null, draft: null, save: 'idle', conflict: null });
      useApp.getState().replaceParam(null);
    },

    setStatus(status) {
      const d = get().draft;
      if (!d || d.status === status) return;
      clearTimeout(narrativeTimer);
      const next = { ...d, status };
      set({ draft: next });
      void persist(next);
    },

    editNarrative(text) {
      const d = get().draft;
      if (!d) return;
      set({ draft: { ...d, narrative: text }, save: 'idle' });
      clearTimeout(narrativeTimer);
      narrativeTimer = setTimeout(() => void get().flush(), NARRATIVE_DEBOUNCE_MS);
    },

    /** Saves the narrative now if it differs from what is stored (on blur, before leaving the measure). */
    async flush() {
      clearTimeout(narrativeTimer);
      const { draft: d, detail, conflict } = get();
      if (!d || !detail || detail.id !== d.measureId || conflict) return saveChain;
      const rec = detail.progress.find((p) => p.periodId === d.periodId);
      if ((rec?.narrative ?? '') === d.narrative) return saveChain;
      return persist(d);
    },
  };
});

/** A new quarter was picked: rows and the open measure are read again for it. */
useSession.subscribe((s, prev) => {
  if (s.periodId === prev.periodId || !prev.periodId) return;
  const c = useChecklist.getState();
  void c.flush().then(() => {
    void c.loadRows();
    const id = useChecklist.getState().selectedId;
    if (id) {
      useChecklist.setState({ detail: null, draft: null });
      void useChecklist.getState().open(id);
    }
  });
});
