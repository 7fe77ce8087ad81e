// The report screen's state: period, kind and scope chosen, the preview, and exports running as jobs.
import { create } from 'zustand';
import { api, ApiError } from '../api/client';
import { waitForJob } from '../api/jobs';
import { localIsoDate } from '../../../shared/periods';
import { reportError, useApp } from '../stores/app';
import { saveSetting, savedSettings } from '../daily/settings';
import type { ReportPreview, ExportDone } from '../../../shared/api/reports';
import { deliverExport, keptExports, type ExportedFile } from './exported';
import type { JobStatus } from '../../../shared/api/jobs';
import type { Department, PlanSummary, Section } from '../../../shared/model';
import type { ReportFormat, ReportKind } from '../../../shared/report/types';

export type PeriodMode = 'quarter' | 'half' | 'year' | 'range';

/** A line of the exported-files list: an export running now, or a file exported before (no job). */
export interface ExportEntry {
  key: number;
  kind: ReportKind;
  format: ReportFormat;
  job: JobStatus | null;
  file: ExportedFile | null;
}

export interface ReportForm {
  mode: PeriodMode;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  half: 1 | 2;
  from: string;
  to: string;
  kind: ReportKind;
  planId: string;
  sectionIds: string[];
  departmentIds: string[];
  issuer: string;
  date: string;
  evidenceAppendix: boolean;
  charts: boolean;
  grouping: 'area' | 'top';
}

interface ReportsState {
  form: ReportForm;
  plans: PlanSummary[];
  sections: Section[];
  departments: Department[];
  preview: ReportPreview | null;
  /** Why there is no preview (an empty scope), said in place rather than as an error banner. */
  previewNote: string | null;
  loading: boolean;
  exports: ExportEntry[];
  init(periodId: string): Promise<void>;
  set(patch: Partial<ReportForm>): void;
  loadPreview(): Promise<void>;
  /** Exports the report, or the edited draft when `draftId` is given. */
  exportAs(format: ReportFormat, draftId?: string): Promise<void>;
  cancel(key: number): Promise<void>;
  /** Electron: the save dialog again for a file exported before. */
  saveAgain(key: number): Promise<void>;
}

export function periodOf(f: ReportForm): string {
  switch (f.mode) {
    case 'quarter':
      return `${f.year}-Q${f.quarter}`;
    case 'half':
      return `${f.year}-H${f.half}`;
    case 'year':
      return String(f.year);
    case 'range':
      return `${f.from}..${f.to}`;
  }
}

export function request(f: ReportForm) {
  return {
    period: periodOf(f),
    kind: f.kind,
    scope: {
      ...(f.planId ? { planIds: [f.planId] } : {}),
      ...(f.sectionIds.length ? { sectionIds: f.sectionIds } : {}),
      ...(f.departmentIds.length ? { departmentIds: f.departmentIds } : {}),
    },
    ...(f.issuer.trim() ? { issuer: f.issuer.trim() } : {}),
    ...(f.date ? { date: f.date } : {}),
    evidenceAppendix: f.evidenceAppendix,
    charts: f.charts,
    grouping: f.grouping,
  };
}

const today = (): string => localIsoDate(new Date());

/** The issuer and scope this person last chose, where they still exist; otherwise one plan (the first), never all mixed. */
function rememberedScope(plans: PlanSummary[], sections: Section[], departments: Department[]): Partial<ReportForm> {
  const s = savedSettings();
  const list = (v: string | undefined): string[] => (v ? (JSON.parse(v) as string[]) : []);
  const planId = plans.some((p) => p.id === s['report.planId']) ? s['report.planId']! : (plans[0]?.id ?? '');
  return {
    planId,
    ...(s['report.issuer'] !== undefined ? { issuer: s['report.issuer'] } : {}),
    sectionIds: list(s['report.sectionIds']).filter((id) => sections.some((x) => x.id === id && x.planId === planId)),
    departmentIds: list(s['report.departmentIds']).filter((id) => departments.some((d) => d.id === id)),
  };
}

function rememberScope(patch: Partial<ReportForm>): void {
  if (patch.issuer !== undefined) saveSetting('report.issuer', patch.issuer);
  if (patch.planId !== undefined) saveSetting('report.planId', patch.planId);
  if (patch.sectionIds !== undefined) saveSetting('report.sectionIds', JSON.stringify(patch.sectionIds));
  if (patch.departmentIds !== undefined) saveSetting('report.departmentIds', JSON.stringify(patch.departmentIds));
}

let seq = 0;
let previewTimer: ReturnType<typeof setTimeout> | null = null;
let nextKey = 1;

const keptEntry = (file: ExportedFile): ExportEntry => ({ key: nextKey++, kind: file.kind, format: file.format, job: null, file });

/** Exports of this session not delivered (running, failed, cancelled) stay on top; below them the files kept. */
function withKept(entries: ExportEntry[]): ExportEntry[] {
  return [...entries.filter((x) => x.job && x.job.state !== 'done'), ...keptExports().map(keptEntry)];
}

export const useReports = create<ReportsState>((set, get) => ({
  form: {
    mode: 'quarter',
    year: new Date().getFullYear(),
    quarter: 1,
    half: 1,
    from: `${new Date().getFullYear()}-01-01`,
    to: today(),
    kind: 'quarterly',
    planId: '',
    sectionIds: [],
    departmentIds: [],
    issuer: '',
    // Empty: the report is dated on its reporting deadline, not on the day it is drafted.
    date: '',
    evidenceAppendix: false,
    charts: true,
    grouping: 'area',
  },
  plans: [],
  sections: [],
  departments: [],
  preview: null,
  previewNote: null,
  loading: false,
  exports: [],
  async init(periodId) {
    const m = /^(\d{4})-Q([1-4])$/.exec(periodId);
    if (m) set((s) => ({ form: { ...s.form, year: Number(m[1]), quarter: Number(m[2]) as ReportForm['quarter'] } }));
    try {
      const [plans, sections, departments] = await Promise.all([api['plans.list']({}), api['sections.list']({}), api['departments.list']({})]);
      set((s) => ({ plans, sections, departments, exports: withKept(s.exports) }));
      set((s) => ({ form: { ...s.form, ...rememberedScope(plans, sections, departments) } }));
    } catch (e) {
      reportError(e);
    }
    await get().loadPreview();
  },
  set(patch) {
    set((s) => ({ form: { ...s.form, ...patch } }));
    rememberScope(patch);
    // Typing in the issuer field should not rebuild the report on every key.
    if (previewTimer) clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void get().loadPreview(), 'issuer' in patch ? 400 : 0);
  },
  async loadPreview() {
    const mine = ++seq;
    set({ loading: true });
    try {
      const preview = await api['reports.preview'](request(get().form));
      if (mine === seq) set({ preview, previewNote: null, loading: false });
    } catch (e) {
      if (mine !== seq) return;
      const quiet = e instanceof ApiError && (e.code === 'no_measures' || e.code === 'validation');
      set({ preview: null, previewNote: quiet ? e.message : null, loading: false });
      if (!quiet) reportError(e);
    }
  },
  async exportAs(format, draftId) {
    const f = get().form;
    let job: JobStatus;
    try {
      job = await api['reports.export']({ ...request(f), format, ...(draftId ? { draftId } : {}) });
    } catch (e) {
      reportError(e);
      return;
    }
    const key = nextKey++;
    const update = (patch: Partial<ExportEntry>) => set((s) => ({ exports: s.exports.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));
    set((s) => ({ exports: [{ key, kind: f.kind, format, job, file: null }, ...s.exports] }));
    try {
      job = await waitForJob(job, (j) => update({ job: j }));
    } catch (e) {
      reportError(e);
      return;
    }
    if (job.state === 'done') {
      const done = job.result as ExportDone;
      const file: ExportedFile = { exportId: done.exportId, fileName: done.fileName, format: done.format, kind: f.kind, at: new Date().toISOString() };
      update({ job, file });
      await deliverExport(file);
      // The finished line becomes the kept file's line: one entry per file, newest first.
      set((s) => ({ exports: withKept(s.exports.filter((x) => x.key !== key)) }));
    } else if (job.state === 'failed' && job.error) useApp.getState().notify('error', job.error.message);
  },
  async saveAgain(key) {
    const entry = get().exports.find((x) => x.key === key);
    if (!entry?.file) return;
    await deliverExport(entry.file);
    set((s) => ({ exports: withKept(s.exports) }));
  },
  async cancel(key) {
    const entry = get().exports.find((x) => x.key === key);
    if (!entry?.job || entry.job.state !== 'running') return;
    try {
      await api['jobs.cancel']({ jobId: entry.job.id });
    } catch (e) {
      reportError(e);
    }
  },
}));
