// A finished export handed to the person: saved where they choose (Electron) or downloaded (browser), said in a notice,
// and kept in their list of exported files across screens and restarts.
import { api } from '../api/client';
import { signPath } from '../api/secret';
import { i18n } from '../i18n/index';
import { reportError, useApp, type NoticeAction } from '../stores/app';
import { saveSetting, savedSettings } from '../daily/settings';
import type { ReportFormat, ReportKind } from '../../../shared/report/types';

export interface ExportedFile {
  exportId: string;
  fileName: string;
  format: ReportFormat;
  kind: ReportKind;
  /** When it was exported (ISO timestamp). */
  at: string;
  /** Electron: where the person saved it. */
  savedPath?: string;
}

const MAX_KEPT = 20;

export const inElectron = (): boolean => typeof window !== 'undefined' && window.fazhi !== undefined;

export const downloadPath = (f: Pick<ExportedFile, 'exportId'>): string => `/exports/${f.exportId}`;

export function keptExports(): ExportedFile[] {
  const raw = savedSettings()['report.exported'];
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? (list as ExportedFile[]).filter((x) => typeof x?.exportId === 'string' && typeof x.fileName === 'string') : [];
  } catch {
    return [];
  }
}

/** Newest first; the same export saved again replaces its entry. */
export function keepExport(f: ExportedFile): ExportedFile[] {
  const list = [f, ...keptExports().filter((x) => x.exportId !== f.exportId)].slice(0, MAX_KEPT);
  saveSetting('report.exported', JSON.stringify(list));
  return list;
}

/** The browser's own download of the file: a same-origin link with the Chinese name, clicked once. */
async function download(f: ExportedFile): Promise<void> {
  const a = document.createElement('a');
  a.href = await signPath(downloadPath(f));
  a.download = f.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

export function revealActions(f: ExportedFile): NoticeAction[] {
  const reveal = (how: 'open' | 'folder') => async () => {
    try {
      await api['reports.reveal']({ exportId: f.exportId, how });
    } catch (e) {
      reportError(e);
    }
  };
  return [
    { label: i18n.t('reports:open'), testId: 'export-open', run: reveal('open') },
    { label: i18n.t('reports:openFolder'), testId: 'export-open-folder', run: reveal('folder') },
  ];
}

/** Saves (Electron: the save dialog) or downloads (browser) the file and says where it went; the entry as kept. */
export async function deliverExport(f: ExportedFile): Promise<ExportedFile> {
  const notify = useApp.getState().notify;
  if (!inElectron()) {
    await download(f);
    notify('info', i18n.t('reports:downloaded', { name: f.fileName }));
    keepExport(f);
    return f;
  }
  let saved: { saved: boolean; path?: string | undefined };
  try {
    saved = await api['reports.save']({ exportId: f.exportId });
  } catch (e) {
    reportError(e);
    keepExport(f);
    return f;
  }
  if (!saved.saved || !saved.path) {
    notify('info', i18n.t('reports:notSaved', { name: f.fileName }));
    keepExport(f);
    return f;
  }
  const kept = { ...f, savedPath: saved.path };
  notify('info', i18n.t('reports:savedTo', { name: f.fileName, path: saved.path }), revealActions(kept));
  keepExport(kept);
  return kept;
}

