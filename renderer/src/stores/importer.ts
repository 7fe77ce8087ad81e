// Import: read a chosen file, show the parser's preview, keep the user's corrections, commit them.
import { create } from 'zustand';
import { api } from '../api/client';
import type { ImportPreview } from '../../../shared/api/ledger';
import type { JobStatus } from '../../../shared/api/jobs';
import { waitForJob } from '../api/jobs';
import type { ParsedMeasure } from '../../../shared/outline/types';
import { i18n } from '../i18n/index';
import { formatSize } from '../../../shared/sizes';
import { messageOf, reportError, useApp } from './app';
import { useChecklist } from './checklist';
import { useSession } from './session';
import { notifyImported } from '../daily/plans';

/** A correction to one parsed measure; only the fields the user changed are present. */
export interface MeasureEdit {
  title?: string;
  lead?: string[];
  responsible?: string[];
  deadline?: string | null;
}

export type ImportPhase = 'idle' | 'reading' | 'parsing' | 'ready' | 'committing';

interface ImporterState {
  phase: ImportPhase;
  fileName: string | null;
  preview: ImportPreview | null;
  documentIndex: number;
  /** Corrections by document index, then by measure index within it. */
  edits: Record<number, Record<number, MeasureEdit>>;
  /** Measure being edited inline in the preview. */
  editing: number | null;
  error: string | null;
  /** The reading job while a file is read and parsed on the host, for the progress bar and cancel. */
  job: JobStatus | null;
  cancelReading(): Promise<void>;
  chooseFile(file: File | null | undefined): Promise<void>;
  selectDocument(index: number): void;
  startEdit(index: number | null): void;
  saveEdit(index: number, edit: MeasureEdit): void;
  /** `anyway`: import although a plan with the same measures exists. */
  commit(anyway?: boolean): Promise<void>;
  /** One click on a built-in outline: the whole ledger, no preview. */
  applyTemplate(templateId: string): Promise<void>;
  /** The template being imported, while it is. */
  templateBusy: string | null;
  reset(): void;
}

/** Same limit as the API's (50 MiB of file is about 70 MB of base64). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** The measure as it will be imported: the parsed one with the user's corrections applied. */
export function withEdit(m: ParsedMeasure, e: MeasureEdit | undefined): ParsedMeasure {
  if (!e) return m;
  return {
    ...m,
    ...(e.title !== undefined ? { title: e.title } : {}),
    ...(e.lead !== undefined ? { lead: e.lead } : {}),
    ...(e.responsible !== undefined ? { responsible: e.responsible } : {}),
    ...(e.deadline !== undefined ? { deadline: e.deadline } : {}),
  };
}

const IDLE = { phase: 'idle' as ImportPhase, fileName: null, preview: null, job: null, documentIndex: 0, edits: {}, editing: null, error: null, templateBusy: null };

export const useImporter = create<ImporterState>((set, get) => ({
  ...IDLE,

  async chooseFile(file) {
    if (!file) {
      set({ error: i18n.t('import.noFile') });
      return;
    }
    set({ ...IDLE, phase: 'reading', fileName: file.name });
    if (file.size > MAX_FILE_BYTES) {
      set({ phase: 'idle', error: i18n.t('import.tooLarge', { name: file.name, size: formatSize(file.size) }) });
      return;
    }
    let dataBase64: string;
    try {
      dataBase64 = await readBase64(file);
    } catch {
      set({ phase: 'idle', error: i18n.t('import.readFailed', { name: file.name }) });
      return;
    }
    set({ phase: 'parsing' });
    try {
      const started = await api['import.preview']({ fileName: file.name, dataBase64 });
      set({ job: started });
      const job = await waitForJob(started, (j) => {
        if (get().job?.id === j.id) set({ job: j });
      });
      if (get().job?.id !== job.id) return; // another file was chosen meanwhile
      if (job.state === 'cancelled') {
        set({ ...IDLE });
        return;
      }
      if (job.state !== 'done') {
        set({ phase: 'idle', job: null, error: job.error?.message ?? i18n.t('import.readFailed', { name: file.name }) });
        return;
      }
      const preview = job.result as ImportPreview;
      set({ phase: 'ready', job: null, preview, documentIndex: preview.defaultDocument });
    } catch (e) {
      // Bad files are expected; their message belongs next to the drop zone, not in a toast.
      set({ phase: 'idle', error: messageOf(e) });
    }
  },

  async cancelReading() {
    const job = get().job;
    if (!job || job.state !== 'running') return;
    try {
      await api['jobs.cancel']({ jobId: job.id });
    } catch (e) {
      reportError(e);
    }
  },

  selectDocument(index) {
    set({ documentIndex: index, editing: null });
  },

  startEdit(index) {
    set({ editing: index });
  },

  saveEdit(index, edit) {
    const doc = get().documentIndex;
    set((s) => {
      const forDoc = { ...(s.edits[doc] ?? {}) };
      if (Object.keys(edit).length > 0) forDoc[index] = edit;
      else delete forDoc[index]; // changed back to what the parser found
      return { edits: { ...s.edits, [doc]: forDoc }, editing: null };
    });
  },

  async commit(anyway = false) {
    const { preview, documentIndex, edits } = get();
    if (!preview) return;
    set({ phase: 'committing', error: null });
    try {
      const done = await api['import.commit']({
        token: preview.token,
        documentIndex,
        ...(anyway ? { anyway: true } : {}),
        edits: Object.entries(edits[documentIndex] ?? {}).map(([i, e]) => ({ index: Number(i), ...e })),
      });
      set({ ...IDLE });
      notifyImported(i18n.t('import.done', { title: done.title, count: done.measureCount }), { id: done.planId, title: done.title });
      await afterImport(done.planId);
    } catch (e) {
      // The commit button is at the foot of a long preview: the banner, not the top of the page, is where this is seen.
      reportError(e);
      set({ phase: 'ready' });
    }
  },

  async applyTemplate(templateId) {
    if (get().templateBusy) return;
    set({ templateBusy: templateId });
    try {
      const done = await api['import.template']({ templateId });
      useApp.getState().notify('info', i18n.t('import.done', { title: done.title, count: done.measureCount }));
      await afterImport(done.planId);
    } catch (e) {
      reportError(e);
    } finally {
      set({ templateBusy: null });
    }
  },

  reset() {
    set({ ...IDLE });
  },
}));

/** A plan now exists: refresh what depends on plans and show its checklist. */
async function afterImport(planId: string): Promise<void> {
  await useSession.getState().load();
  useChecklist.getState().showOnly({ planId });
  useApp.getState().go('checklist');
  await useChecklist.getState().loadTree();
}
