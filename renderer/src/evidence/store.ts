// The evidence domain's state: a measure's files and the attach queue, the ledger-wide list, 缺佐证, verification.
import { create } from 'zustand';
import { api, ApiError } from '../api/client';
import { waitForJob } from '../api/jobs';
import { reportError, useApp } from '../stores/app';
import { i18n } from '../i18n/index';
import type { EvidenceItem, ListedEvidence, EvidenceKindName, EvidenceSort, MissingEvidenceRow, VerifyReport, CleanupReport, AttachResult } from '../../../shared/api/evidence';
import type { JobStatus } from '../../../shared/api/jobs';
import { attachMode, attachPaths, uploadFile, type FileMetaInput, type Target, type Transfer } from './transfer';
import { formatSize } from '../../../shared/sizes';

/** `t` for the evidence namespace outside React; follows the app's current language. */
const tr = i18n.getFixedT(null, 'evidence');

export interface PendingFile {
  key: number;
  file: File;
  meta: FileMetaInput;
}

export interface Upload {
  key: number;
  name: string;
  size: number;
  progress: number | null;
  step: string;
}

export interface ScreenFilters {
  planId: string;
  sectionId: string;
  departmentId: string;
  /** '' for every quarter. */
  periodId: string;
  kind: EvidenceKindName | '';
  sort: EvidenceSort;
}

interface EvidenceState {
  maxBytes: number;
  /** The measure the panel shows, and its files in every quarter (earlier versions of replaced files too). */
  measureId: string | null;
  measureItems: EvidenceItem[];
  pending: PendingFile[];
  /** The measure the pending files were chosen on; they stay with it when another measure is opened. */
  pendingFor: string | null;
  uploads: Upload[];
  busy: boolean;
  /** The ledger-wide screen. */
  filters: ScreenFilters;
  items: ListedEvidence[];
  loading: boolean;
  missing: MissingEvidenceRow[];
  missingPeriod: string;
  verifyJob: JobStatus | null;
  report: VerifyReport | null;
  cleanup: CleanupReport | null;
  preview: EvidenceItem | null;
  loadConfig(): Promise<void>;
  loadMeasure(measureId: string): Promise<void>;
  /** Chosen or dropped files are attached at once; their fields can be filled in afterwards. */
  addFiles(files: File[], target?: Target): void;
  setMeta(key: number, patch: Partial<FileMetaInput>): void;
  dropPending(key: number | null): void;
  attach(target: Target): Promise<boolean>;
  cancelAttach(): void;
  remove(item: EvidenceItem): Promise<void>;
  /** Attaches `file` as the newer version of `item`; the old file stays in the history. */
  replace(item: EvidenceItem, file: File): Promise<boolean>;
  /** Attaches a file already in the store to a record. */
  reuse(sourceId: string, target: Target): Promise<boolean>;
  update(item: EvidenceItem, meta: FileMetaInput): Promise<boolean>;
  setFilters(patch: Partial<ScreenFilters>): void;
  loadScreen(): Promise<void>;
  loadMissing(periodId: string): Promise<void>;
  verify(): Promise<void>;
  cancelVerify(): void;
  runCleanup(): Promise<void>;
  openPreview(item: EvidenceItem | null): void;
  goToMeasure(measureId: string): void;
}

let pendingKey = 1;
let active: Transfer | null = null;
let cancelRequested = false;
let screenSeq = 0;
let configLoaded = false;

function notifyWarnings(r: AttachResult): void {
  for (const w of r.warnings) useApp.getState().notify('info', w);
}

/** Duplicates and warnings at once; the count of added files once at the end of a batch. */
function notifyResult(r: AttachResult): number {
  for (const name of r.duplicates) useApp.getState().notify('info', tr('duplicate', { name }));
  notifyWarnings(r);
  return r.items.length;
}

export const useEvidence = create<EvidenceState>((set, get) => ({
  maxBytes: 4 * 1024 ** 3,
  measureId: null,
  measureItems: [],
  pending: [],
  pendingFor: null,
  uploads: [],
  busy: false,
  filters: { planId: '', sectionId: '', departmentId: '', periodId: '', kind: '', sort: 'date-desc' },
  items: [],
  loading: false,
  missing: [],
  missingPeriod: '',
  verifyJob: null,
  report: null,
  cleanup: null,
  preview: null,

  async loadConfig() {
    // The limit is fixed while the host runs: one read, not one per opened measure.
    if (configLoaded) return;
    try {
      set({ maxBytes: (await api['evidence.config']({})).maxBytes });
      configLoaded = true;
    } catch (e) {
      reportError(e);
    }
  },

  async loadMeasure(measureId) {
    // Pending files are not dropped here: they belong to the measure they were chosen on (pendingFor).
    if (get().measureId !== measureId) set({ measureId, measureItems: [] });
    try {
      const items = await api['evidence.list']({ measureId, sort: 'date-desc', withHistory: true });
      if (get().measureId === measureId) set({ measureItems: items });
    } catch (e) {
      reportError(e);
    }
  },

  addFiles(files, target) {
    const { maxBytes } = get();
    const ok: PendingFile[] = [];
    for (const file of files) {
      // Checked here too so a clerk hears at once, not after a long upload; the host checks again.
      if (file.size > maxBytes) {
        useApp.getState().notify('error', tr('tooLarge', { name: file.name, size: formatSize(file.size), max: formatSize(maxBytes) }));
        continue;
      }
      if (file.size === 0) {
        // An empty file is never evidence (the host refuses it too): said at once, never queued.
        useApp.getState().notify('error', tr('emptyWarning', { name: file.name }));
        continue;
      }
      ok.push({ key: pendingKey++, file, meta: { description: '', docNumber: '', docDate: '' } });
    }
    if (ok.length === 0) return;
    set((s) => ({ pending: [...s.pending, ...ok], ...(target ? { pendingFor: target.measureId } : {}) }));
    if (target) void get().attach(target);
  },

  setMeta(key, patch) {
    set((s) => ({ pending: s.pending.map((p) => (p.key === key ? { ...p, meta: { ...p.meta, ...patch } } : p)) }));
  },

  dropPending(key) {
    set((s) => {
      const pending = key === null ? [] : s.pending.filter((p) => p.key !== key);
      return { pending, pendingFor: pending.length ? s.pendingFor : null };
    });
  },

  async attach(target) {
    const files = get().pending;
    if (files.length === 0 || get().busy) return false;
    const started = new Set(files.map((p) => p.key));
    cancelRequested = false;
    set({ busy: true, uploads: files.map((p) => ({ key: p.key, name: p.file.name, size: p.file.size, progress: 0, step: '' })) });
    const progress = (key: number | null, fraction: number | null, step = ''): void =>
      set((s) => ({ uploads: s.uploads.map((u) => (key === null || u.key === key ? { ...u, progress: fraction, step } : u)) }));
    let attachedAny = false;
    let added = 0;
    try {
      if (attachMode() === 'paths') {
        active = attachPaths(files, target, (f, step) => progress(null, f, step));
        added += notifyResult(await active.promise);
        attachedAny = true;
        set({ pending: [] });
      } else {
        // One upload at a time: each file is complete or absent, and cancel stops the current one and the rest.
        for (const p of files) {
          if (cancelRequested) break;
          active = uploadFile(p.file, target, p.meta, (f) => progress(p.key, f));
          const r = await active.promise;
          attachedAny = true;
          progress(p.key, 1);
          added += notifyResult(r);
          set((s) => ({ pending: s.pending.filter((x) => x.key !== p.key) }));
        }
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') useApp.getState().notify('info', tr('cancelled'));
      else reportError(e);
    } finally {
      if (added) useApp.getState().notify('info', tr('added', { n: added }));
      active = null;
      set((s) => ({ busy: false, uploads: [], pendingFor: s.pending.length ? s.pendingFor : null }));
      if (get().measureId === target.measureId) await get().loadMeasure(target.measureId);
    }
    // Files chosen while this batch was saving go next.
    if (!cancelRequested && get().pending.some((p) => !started.has(p.key))) await get().attach(target);
    return attachedAny;
  },

  cancelAttach() {
    cancelRequested = true;
    active?.cancel();
  },

  async remove(item) {
    try {
      await api['evidence.remove']({ id: item.id });
      useApp.getState().notify('info', tr('removed', { name: item.name }));
      if (get().measureId === item.measureId) await get().loadMeasure(item.measureId);
      set((s) => ({ items: s.items.filter((i) => i.id !== item.id), preview: s.preview?.id === item.id ? null : s.preview }));
      // Its measure may now lack evidence.
      if (get().missingPeriod) await get().loadMissing(get().missingPeriod);
    } catch (e) {
      reportError(e);
    }
  },

  async replace(item, file) {
    if (get().busy) return false;
    if (file.size === 0) {
      useApp.getState().notify('error', tr('emptyWarning', { name: file.name }));
      return false;
    }
    if (file.size > get().maxBytes) {
      useApp.getState().notify('error', tr('tooLarge', { name: file.name, size: formatSize(file.size), max: formatSize(get().maxBytes) }));
      return false;
    }
    const target: Target = { measureId: item.measureId, periodId: item.periodId, replaces: item.id };
    const meta = { description: '', docNumber: '', docDate: '' };
    cancelRequested = false;
    set({ busy: true, uploads: [{ key: 0, name: file.name, size: file.size, progress: 0, step: '' }] });
    const progress = (fraction: number | null, step = ''): void => set((s) => ({ uploads: s.uploads.map((u) => ({ ...u, progress: fraction, step })) }));
    try {
      active = attachMode() === 'paths' ? attachPaths([{ file, meta }], target, progress) : uploadFile(file, target, meta, progress);
      const r = await active.promise;
      // One notice: a file the quarter already holds is not added twice, and it still takes the old one's place.
      notifyWarnings(r);
      if (r.items.length || r.duplicates.length) useApp.getState().notify('info', tr('replaced', { old: item.name, name: file.name }));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') useApp.getState().notify('info', tr('cancelled'));
      else reportError(e);
      return false;
    } finally {
      active = null;
      set({ busy: false, uploads: [] });
      if (get().measureId === item.measureId) await get().loadMeasure(item.measureId);
      set((s) => ({ items: s.items.filter((i) => i.id !== item.id) }));
    }
  },

  async reuse(sourceId, target) {
    try {
      const r = await api['evidence.reuse']({ sourceId, measureId: target.measureId, periodId: target.periodId });
      const n = notifyResult(r);
      if (n) useApp.getState().notify('info', tr('added', { n }));
      if (get().measureId === target.measureId) await get().loadMeasure(target.measureId);
      if (get().missingPeriod) await get().loadMissing(get().missingPeriod);
      return n > 0;
    } catch (e) {
      reportError(e);
      return false;
    }
  },

  async update(item, meta) {
    try {
      const next = await api['evidence.update']({ id: item.id, description: meta.description, docNumber: meta.docNumber, docDate: meta.docDate });
      const swap = <T extends EvidenceItem>(list: T[]): T[] => list.map((i) => (i.id === next.id ? { ...i, ...next } : i));
      set((s) => ({ measureItems: swap(s.measureItems), items: swap(s.items) }));
      return true;
    } catch (e) {
      reportError(e);
      return false;
    }
  },

  setFilters(patch) {
    set((s) => ({ filters: { ...s.filters, ...patch } }));
    void get().loadScreen();
  },

  async loadScreen() {
    const f = get().filters;
    const seq = ++screenSeq;
    set({ loading: true });
    try {
      const items = await api['evidence.list']({
        planId: f.planId || undefined,
        sectionId: f.sectionId || undefined,
        departmentId: f.departmentId || undefined,
        periodId: f.periodId || undefined,
        kind: f.kind || undefined,
        sort: f.sort,
      });
      if (seq === screenSeq) set({ items, loading: false });
    } catch (e) {
      if (seq === screenSeq) set({ loading: false });
      reportError(e);
    }
  },

  async loadMissing(periodId) {
    const f = get().filters;
    try {
      const missing = await api['evidence.missing']({ periodId, planId: f.planId || undefined, departmentId: f.departmentId || undefined });
      set({ missing, missingPeriod: periodId });
    } catch (e) {
      reportError(e);
    }
  },

  async verify() {
    if (get().verifyJob?.state === 'running') return;
    try {
      const started = await api['evidence.verify']({});
      set({ verifyJob: started, report: null });
      const job = await waitForJob(started, (j) => set({ verifyJob: j }));
      if (job.state === 'done') set({ report: job.result as VerifyReport });
      else if (job.state === 'cancelled') useApp.getState().notify('info', tr('cancelled'));
      else if (job.error) reportError(new ApiError(job.error));
    } catch (e) {
      reportError(e);
    }
  },

  cancelVerify() {
    const job = get().verifyJob;
    if (job?.state === 'running') void api['jobs.cancel']({ jobId: job.id }).catch(reportError);
  },

  async runCleanup() {
    try {
      const r = await api['evidence.cleanup']({});
      set({ cleanup: r });
      useApp.getState().notify('info', r.removedFiles ? tr('cleanupDone', { n: r.removedFiles, size: formatSize(r.freedBytes) }) : tr('cleanupNone'));
    } catch (e) {
      reportError(e);
    }
  },

  openPreview(item) {
    set({ preview: item });
  },

  goToMeasure(measureId) {
    useApp.getState().go('checklist', measureId);
  },
}));

// Closing or reloading the window with files not yet added asks first (the browser shows its own question).
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (useEvidence.getState().pending.length > 0) e.preventDefault();
  });
}
