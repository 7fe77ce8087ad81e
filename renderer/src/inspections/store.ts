// The inspections store: reviews, the open review and its cursor and filter, saving verdicts, files, sign-off, exports.
import { create } from 'zustand';
import { api } from '../api/client';
import { waitForJob } from '../api/jobs';
import { reportError, useApp } from '../stores/app';
import { attachMode, attachPaths, uploadFile } from '../evidence/transfer';
import type { FeedbackExportDone } from '../../../shared/api/inspections';
import { emptyVerdictCounts, type RectificationDemand, type Review, type ReviewDetail, type ReviewItem, type Verdict, type VerdictCounts, type VerifyResult } from '../../../shared/inspections/types';

export type ReviewFilter = 'all' | 'unchecked' | 'failed';
export type SaveState = 'saving' | 'saved' | 'error';

interface VerdictPatch {
  verdict?: Verdict;
  finding?: string;
  rectification?: RectificationDemand | null;
}

interface InspectionsState {
  reviews: Review[];
  detail: ReviewDetail | null;
  /** Indexes into detail.items that the filter shows; fixed until the filter changes, so judging does not move the list. */
  visible: number[];
  filter: ReviewFilter;
  cursor: number;
  saving: Record<string, SaveState>;
  verify: VerifyResult | null;
  exports: { key: number; state: 'running' | 'done' | 'failed'; done: FeedbackExportDone | null; format: 'docx' | 'pdf' }[];
  loadReviews(): Promise<void>;
  create(a: { name: string; planId: string | null; departmentIds: string[]; periodId: string; startsOn: string | null; endsOn: string | null; reviewerIds: string[] }): Promise<Review | null>;
  open(reviewId: string): Promise<void>;
  setFilter(f: ReviewFilter): void;
  move(to: number): void;
  save(measureId: string, patch: VerdictPatch): Promise<boolean>;
  attach(measureId: string, files: File[]): Promise<void>;
  unlink(measureId: string, evidenceId: string): Promise<void>;
  sign(): Promise<void>;
  runVerify(): Promise<void>;
  revise(): Promise<void>;
  exportAs(format: 'docx' | 'pdf'): Promise<void>;
}

export function countsOf(items: readonly ReviewItem[]): VerdictCounts {
  const c = emptyVerdictCounts();
  for (const i of items) {
    c[i.verdict]++;
    c.total++;
  }
  return c;
}

function visibleFor(items: readonly ReviewItem[], f: ReviewFilter): number[] {
  const out: number[] = [];
  items.forEach((i, n) => {
    if (f === 'all' || (f === 'unchecked' && i.verdict === '未检查') || (f === 'failed' && i.verdict === '不符合')) out.push(n);
  });
  return out;
}

let exportKey = 1;

export const useInspections = create<InspectionsState>((set, get) => {
  const replaceItem = (item: ReviewItem): void => {
    const d = get().detail;
    if (!d) return;
    const items = d.items.map((i) => (i.measureId === item.measureId ? item : i));
    set({ detail: { ...d, items, counts: countsOf(items) } });
  };
  const mark = (measureId: string, s: SaveState): void => set((st) => ({ saving: { ...st.saving, [measureId]: s } }));
  const reload = async (id: string): Promise<void> => {
    const detail = await api['reviews.get']({ reviewId: id });
    set((s) => ({ detail, visible: visibleFor(detail.items, s.filter) }));
  };
  return {
    reviews: [],
    detail: null,
    visible: [],
    filter: 'all',
    cursor: 0,
    saving: {},
    verify: null,
    exports: [],
    async loadReviews() {
      try {
        set({ reviews: await api['reviews.list']({}) });
      } catch (e) {
        reportError(e);
      }
    },
    async create(a) {
      try {
        const r = await api['reviews.create'](a);
        await get().loadReviews();
        return r;
      } catch (e) {
        reportError(e);
        return null;
      }
    },
    async open(reviewId) {
      if (get().detail?.id !== reviewId) set({ detail: null, cursor: 0, saving: {}, verify: null, exports: [] });
      try {
        await reload(reviewId);
      } catch (e) {
        reportError(e);
      }
    },
    setFilter(filter) {
      const d = get().detail;
      set({ filter, cursor: 0, visible: d ? visibleFor(d.items, filter) : [] });
    },
    move(to) {
      const n = get().visible.length;
      if (n) set({ cursor: Math.max(0, Math.min(n - 1, to)) });
    },
    async save(measureId, patch) {
      const d = get().detail;
      if (!d) return false;
      mark(measureId, 'saving');
      try {
        replaceItem(await api['reviews.verdict']({ reviewId: d.id, measureId, ...patch }));
        mark(measureId, 'saved');
        return true;
      } catch (e) {
        mark(measureId, 'error');
        reportError(e);
        return false;
      }
    },
    async attach(measureId, files) {
      const d = get().detail;
      if (!d || !files.length) return;
      mark(measureId, 'saving');
      try {
        const target = { measureId, periodId: d.scope.periodId };
        const meta = { description: '督察现场材料', docNumber: '', docDate: '' };
        const results =
          attachMode() === 'paths'
            ? [await attachPaths(files.map((file) => ({ file, meta })), target, () => undefined).promise]
            : await Promise.all(files.map((f) => uploadFile(f, target, meta, () => undefined).promise));
        const ids = results.flatMap((r) => r.items.map((i) => i.id));
        for (const r of results) for (const w of r.warnings) useApp.getState().notify('info', w);
        if (ids.length) replaceItem(await api['reviews.linkFiles']({ reviewId: d.id, measureId, evidenceIds: ids }));
        mark(measureId, 'saved');
      } catch (e) {
        mark(measureId, 'error');
        reportError(e);
      }
    },
    async unlink(measureId, evidenceId) {
      const d = get().detail;
      if (!d) return;
      try {
        replaceItem(await api['reviews.unlinkFile']({ reviewId: d.id, measureId, evidenceId }));
      } catch (e) {
        reportError(e);
      }
    },
    async sign() {
      const d = get().detail;
      if (!d) return;
      try {
        await api['reviews.sign']({ reviewId: d.id });
        await reload(d.id);
      } catch (e) {
        reportError(e);
      }
    },
    async runVerify() {
      const d = get().detail;
      if (!d) return;
      try {
        set({ verify: await api['reviews.verify']({ reviewId: d.id }) });
      } catch (e) {
        reportError(e);
      }
    },
    async revise() {
      const d = get().detail;
      if (!d) return;
      try {
        const r = await api['reviews.revise']({ reviewId: d.id });
        useApp.getState().go('inspections', r.id);
      } catch (e) {
        reportError(e);
      }
    },
    async exportAs(format) {
      const d = get().detail;
      if (!d) return;
      const key = exportKey++;
      const update = (patch: Partial<InspectionsState['exports'][number]>) => set((s) => ({ exports: s.exports.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));
      set((s) => ({ exports: [{ key, state: 'running' as const, done: null, format }, ...s.exports].slice(0, 10) }));
      try {
        const job = await waitForJob(await api['reviews.export']({ reviewId: d.id, format }));
        if (job.state === 'done') update({ state: 'done', done: job.result as FeedbackExportDone });
        else {
          update({ state: 'failed' });
          if (job.error) useApp.getState().notify('error', job.error.message);
        }
      } catch (e) {
        update({ state: 'failed' });
        reportError(e);
      }
    },
  };
});
