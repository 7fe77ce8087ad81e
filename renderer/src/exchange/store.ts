// The exchange screen's state: the export form and its job, the chosen package with its preview and import, the overview.
import { hostSecret, SECRET_HEADER } from '../api/secret';
import { create } from 'zustand';
import { api, ApiError, FORBIDDEN_MESSAGE } from '../api/client';
import { waitForJob } from '../api/jobs';
import { reportError, useApp } from '../stores/app';
import type { Department, PlanSummary } from '../../../shared/model';
import type { JobStatus } from '../../../shared/api/jobs';
import type { ExchangeOverview, ExportDone, ImportDone, PackagePreview } from '../../../shared/api/packages';
import type { Result } from '../../../shared/api/define';
import type { ConflictItem } from '../../../shared/api/exchange';

export type ExportKind = 'ledger' | 'slice' | 'return';

export interface ExportForm {
  kind: ExportKind;
  planId: string;
  departments: string[];
  periodId: string;
  peerReplicaId: string;
  passphrase: string;
}

interface Source {
  uploadId?: string;
  path?: string;
}

interface ExchangeState {
  overview: ExchangeOverview | null;
  conflicts: ConflictItem[];
  plans: PlanSummary[];
  departments: Department[];
  form: ExportForm;
  exportJob: JobStatus | null;
  exportDone: ExportDone | null;
  file: File | null;
  importPassphrase: string;
  source: Source | null;
  busy: 'upload' | 'inspect' | 'import' | null;
  preview: PackagePreview | null;
  importJob: JobStatus | null;
  importDone: ImportDone | null;
  init(periodId: string): Promise<void>;
  refresh(): Promise<void>;
  set(patch: Partial<ExportForm>): void;
  startExport(): Promise<void>;
  cancelExport(): Promise<void>;
  choose(file: File | null): void;
  setImportPassphrase(p: string): void;
  inspect(): Promise<void>;
  confirmImport(): Promise<void>;
  importReceipt(file: File): Promise<void>;
}

declare global {
  interface Window {
    fazhiFiles?: { pathForFile(file: File): string };
  }
}

/** Electron hands over the file's path; a browser sends the bytes to the loopback host first. */
async function toSource(file: File): Promise<Source> {
  if (window.fazhi && window.fazhiFiles) return { path: window.fazhiFiles.pathForFile(file) };
  const res = await fetch('/exchange/upload', { method: 'PUT', body: file, headers: { 'Content-Type': 'application/octet-stream', [SECRET_HEADER]: hostSecret() ?? '' } });
  if (res.status === 401 || res.status === 403) throw new ApiError({ code: 'forbidden', message: FORBIDDEN_MESSAGE });
  const body = (await res.json()) as Result<{ uploadId: string }>;
  if (!body.ok) throw new ApiError(body.error);
  return { uploadId: body.value.uploadId };
}

function failed(job: JobStatus, fallback: string): ApiError {
  return new ApiError(job.error ?? { code: 'internal', message: fallback });
}

export const useExchange = create<ExchangeState>((set, get) => ({
  overview: null,
  conflicts: [],
  plans: [],
  departments: [],
  form: { kind: 'slice', planId: '', departments: [], periodId: '', peerReplicaId: '', passphrase: '' },
  exportJob: null,
  exportDone: null,
  file: null,
  importPassphrase: '',
  source: null,
  busy: null,
  preview: null,
  importJob: null,
  importDone: null,
  async init(periodId) {
    set((s) => ({ form: { ...s.form, periodId: s.form.periodId || periodId } }));
    try {
      const [plans, departments] = await Promise.all([api['plans.list']({}), api['departments.list']({})]);
      set({ plans, departments });
    } catch (e) {
      reportError(e);
    }
    await get().refresh();
  },
  async refresh() {
    try {
      const [overview, conflicts] = await Promise.all([api['exchange.overview']({}), api['conflicts.list']({ open: true })]);
      set({ overview, conflicts });
    } catch (e) {
      reportError(e);
    }
  },
  set(patch) {
    set((s) => ({ form: { ...s.form, ...patch } }));
  },
  async startExport() {
    const f = get().form;
    set({ exportDone: null });
    try {
      let job = await api['exchange.export']({
        kind: f.kind,
        ...(f.kind === 'slice' && f.planId ? { planIds: [f.planId] } : {}),
        ...(f.kind === 'slice' && f.departments.length ? { departments: f.departments } : {}),
        ...(f.kind === 'slice' && f.periodId ? { periods: [f.periodId] } : {}),
        ...(f.kind === 'return' ? { peerReplicaId: f.peerReplicaId } : {}),
        ...(f.passphrase ? { passphrase: f.passphrase } : {}),
      });
      set({ exportJob: job });
      job = await waitForJob(job, (j) => set({ exportJob: j }));
      set({ exportJob: job });
      if (job.state === 'done') set({ exportDone: job.result as ExportDone });
      else if (job.state === 'failed') throw failed(job, '导出失败。请重试。');
    } catch (e) {
      reportError(e);
    }
    await get().refresh();
  },
  async cancelExport() {
    const job = get().exportJob;
    if (job?.state === 'running') await api['jobs.cancel']({ jobId: job.id }).catch(reportError);
  },
  choose(file) {
    set({ file, source: null, preview: null, importDone: null, importJob: null });
  },
  setImportPassphrase(importPassphrase) {
    set({ importPassphrase, preview: null });
  },
  async inspect() {
    const { file } = get();
    if (!file) return;
    set({ preview: null, importDone: null });
    try {
      set({ busy: 'upload' });
      const source = get().source ?? (await toSource(file));
      set({ source, busy: 'inspect' });
      const job = await waitForJob(await api['exchange.inspect']({ source, ...(get().importPassphrase ? { passphrase: get().importPassphrase } : {}) }));
      if (job.state !== 'done') throw failed(job, '校验交换包失败。请重试。');
      set({ preview: job.result as PackagePreview });
    } catch (e) {
      reportError(e);
    } finally {
      set({ busy: null });
    }
  },
  async confirmImport() {
    const { source, importPassphrase } = get();
    if (!source) return;
    set({ busy: 'import' });
    try {
      let job = await api['exchange.import']({ source, ...(importPassphrase ? { passphrase: importPassphrase } : {}) });
      set({ importJob: job });
      job = await waitForJob(job, (j) => set({ importJob: j }));
      if (job.state !== 'done') throw failed(job, '导入失败,未作任何修改。请重试。');
      set({ importDone: job.result as ImportDone, preview: null });
    } catch (e) {
      reportError(e);
    } finally {
      set({ busy: null });
    }
    await get().refresh();
  },
  async importReceipt(file) {
    try {
      const r = await api['exchange.importReceipt']({ source: await toSource(file) });
      useApp.getState().notify('info', r.new ? '回执已登记。' : '该回执此前已登记。');
    } catch (e) {
      reportError(e);
    }
    await get().refresh();
  },
}));
