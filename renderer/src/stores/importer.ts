// Import: read a chosen file, show the parser's preview, keep the user's corrections, commit them.
import { create } from 'zustand';
import { api } from '../api/client';
import type { ImportPreview } from '../../../shared/api/ledger';
import type { JobStatus } from '../../../shared/api/jobs';
import { waitForJob } from '../api/jobs';
import {
  addAfter, editDraft, initialDraft, isChanged, mergeWithNext, removeFromDraft, splitDraft,
  type Draft, type MeasureEdit, type NewMeasure,
} from '../screens/import/draft';
import { i18n } from '../i18n/index';
import { formatSize } from '../../../shared/sizes';
import { messageOf, reportError, useApp } from './app';
import { useChecklist } from './checklist';
import { useSession } from './session';
import { notifyImported } from '../daily/plans';

export type ImportPhase = 'idle' | 'reading' | 'parsing' | 'ready' | 'committing';

interface ImporterState {
  phase: ImportPhase;
  fileName: string | null;
  preview: ImportPreview | null;
  documentIndex: number;
  /** The clerk's corrections by document index; a document nobody touched has none. */
  drafts: Record<number, Draft>;
  /** Key of the measure being edited inline in the preview, or after which one is being added. */
  editing: number | null;
  adding: number | null;
  error: string | null;
  /** The reading job while a file is read and parsed on the host, for the progress bar and cancel. */
  job: JobStatus | null;
  cancelReading(): Promise<void>;
  chooseFile(file: File | null | undefined): Promise<void>;
  selectDocument(index: number): void;
  startEdit(key: number | null): void;
  saveEdit(key: number, edit: MeasureEdit): void;
  split(key: number, offset: number): void;
  mergeNext(key: number): void;
  remove(key: number): void;
  startAdd(key: number | null): void;
  add(afterKey: number, m: NewMeasure): void;
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

/** The selected document's measures as they will be imported. */
export function currentDraft(s: Pick<ImporterState, 'preview' | 'documentIndex' | 'drafts'>): Draft | null {
  const own = s.drafts[s.documentIndex];
  if (own) return own;
  const doc = s.preview?.documents.find((d) => d.index === s.documentIndex);
  return doc ? initialDraft(doc.items) : null;
}

export type { MeasureEdit, NewMeasure } from '../screens/import/draft';

const IDLE = { phase: 'idle' as ImportPhase, fileName: null, preview: null, job: null, documentIndex: 0, drafts: {}, editing: null, adding: null, error: null, templateBusy: null };

export const useImporter = create<ImporterState>((set, get) => {
  /** Applies one correction to the selected document's draft and closes the open form. */
  const change = (f: (d: Draft) => Draft): void => {
    const d = currentDraft(get());
    if (!d) return;
    set((s) => ({ drafts: { ...s.drafts, [s.documentIndex]: f(d) }, editing: null, adding: null }));
  };
  return {
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
    set({ documentIndex: index, editing: null, adding: null });
  },

  startEdit(key) {
    set({ editing: key, adding: null });
  },

  saveEdit(key, edit) {
    change((d) => (Object.keys(edit).length > 0 ? editDraft(d, key, edit) : d));
  },

  split(key, offset) {
    change((d) => splitDraft(d, key, offset));
  },

  mergeNext(key) {
    change((d) => mergeWithNext(d, key));
  },

  remove(key) {
    change((d) => removeFromDraft(d, key));
  },

  startAdd(key) {
    set({ adding: key, editing: null });
  },

  add(afterKey, m) {
    change((d) => addAfter(d, afterKey, m));
  },

  async commit(anyway = false) {
    const { preview, documentIndex } = get();
    if (!preview) return;
    const draft = currentDraft(get());
    set({ phase: 'committing', error: null });
    try {
      const done = await api['import.commit']({
        token: preview.token,
        documentIndex,
        ...(anyway ? { anyway: true } : {}),
        edits: [],
        // The corrected list replaces the parsed one; untouched, the parsed one is imported as it is.
        ...(draft && isChanged(draft) ? { items: draft.items.map((x) => x.measure) } : {}),
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
  };
});

/** A plan now exists: refresh what depends on plans and show its checklist. */
async function afterImport(planId: string): Promise<void> {
  await useSession.getState().load();
  useChecklist.getState().showOnly({ planId });
  useApp.getState().go('checklist');
  await useChecklist.getState().loadTree();
}
