// The backup screen's state: the listing, the one job running (create, verify or restore), verify results, the restore asked for.
import { create } from 'zustand';
import { api } from '../api/client';
import { waitForJob } from '../api/jobs';
import { reportError, useApp } from '../stores/app';
import { i18n } from '../i18n/index';
import type { BackupInfo, BackupListing, BackupVerifyReport, RestoreResult } from '../../../shared/api/backup';
import type { JobStatus } from '../../../shared/api/jobs';

interface BackupState {
  listing: BackupListing | null;
  job: JobStatus | null;
  /** Which backup the running job is about, for its row's progress. */
  jobName: string | null;
  verified: Record<string, BackupVerifyReport>;
  /** The backup whose restore awaits confirmation. */
  confirming: string | null;
  /** The safety backup of the last restore, marked in the list. */
  safety: string | null;
  load(): Promise<void>;
  create(): Promise<void>;
  verify(name: string): Promise<void>;
  ask(name: string | null): void;
  restore(name: string): Promise<void>;
  setFolder(folder: string | null): Promise<boolean>;
}

const RESTORED_KEY = 'fazhi.backup.restored';

function takeRestored(): RestoreResult | null {
  try {
    const raw = sessionStorage.getItem(RESTORED_KEY);
    sessionStorage.removeItem(RESTORED_KEY);
    return raw ? (JSON.parse(raw) as RestoreResult) : null;
  } catch {
    return null;
  }
}

async function run(set: (p: Partial<BackupState>) => void, job: JobStatus, name: string | null): Promise<JobStatus> {
  set({ job, jobName: name });
  const end = await waitForJob(job, (j) => set({ job: j }));
  set({ job: null, jobName: null });
  if (end.state === 'failed' && end.error) useApp.getState().notify('error', end.error.message);
  return end;
}

export const useBackup = create<BackupState>((set, get) => ({
  listing: null,
  job: null,
  jobName: null,
  verified: {},
  confirming: null,
  safety: null,
  async load() {
    const restored = takeRestored();
    if (restored) {
      set({ safety: restored.safetyBackup });
      useApp.getState().notify('info', i18n.t('backup:restored', { name: restored.restored, safety: restored.safetyBackup }));
    }
    try {
      set({ listing: await api['backup.list']({}) });
    } catch (e) {
      reportError(e);
    }
  },
  async create() {
    try {
      const end = await run(set, await api['backup.create']({}), null);
      if (end.state === 'done') useApp.getState().notify('info', i18n.t('backup:created', { name: (end.result as BackupInfo).name }));
    } catch (e) {
      reportError(e);
    }
    await get().load();
  },
  async verify(name) {
    try {
      const end = await run(set, await api['backup.verify']({ name }), name);
      if (end.state === 'done') set({ verified: { ...get().verified, [name]: end.result as BackupVerifyReport } });
    } catch (e) {
      reportError(e);
    }
  },
  ask(name) {
    set({ confirming: name });
  },
  async restore(name) {
    set({ confirming: null });
    try {
      const end = await run(set, await api['backup.restore']({ name }), name);
      if (end.state === 'done') {
        // Every screen's data came from the store just replaced: start the page over, then say what happened.
        sessionStorage.setItem(RESTORED_KEY, JSON.stringify(end.result));
        location.reload();
        return;
      }
    } catch (e) {
      reportError(e);
    }
    await get().load();
  },
  async setFolder(folder) {
    try {
      set({ listing: await api['backup.setFolder']({ folder }) });
      return true;
    } catch (e) {
      reportError(e);
      return false;
    }
  },
}));
