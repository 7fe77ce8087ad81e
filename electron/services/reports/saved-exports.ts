// Where exports were saved this run, and the shell that saves, opens and shows them (Electron supplies one; the host has none).
import { AppError } from '../../../shared/errors';
import type { ExportSaved } from '../../../shared/api/reports';
import { findExport } from './exports';

export interface ExportSaver {
  /** Asks where to save `fileName` and copies `source` there; the chosen path, or null when the dialog was closed. */
  save(source: string, fileName: string): Promise<string | null>;
  open(file: string): Promise<void>;
  showInFolder(file: string): void;
}

let saver: ExportSaver | null = null;
/** Export id → the file this run wrote for it. Only these are ever opened: never a path the page names. */
const savedThisRun = new Map<string, string>();

export function setExportSaver(s: ExportSaver | null): void {
  saver = s;
  savedThisRun.clear();
}

function theSaver(): ExportSaver {
  if (!saver) throw new AppError('validation', '浏览器中导出的文件由浏览器下载,请在浏览器的下载列表中打开它。');
  return saver;
}

export async function saveExport(dataDir: string, exportId: string): Promise<ExportSaved> {
  const s = theSaver();
  const found = findExport(dataDir, exportId);
  if (!found) throw new AppError('not_found', '找不到该导出文件,它可能已被清理。请重新导出。');
  let chosen: string | null;
  try {
    chosen = await s.save(found.path, found.fileName);
  } catch (e) {
    throw new AppError('internal', '报告未能保存到所选位置。请确认该文件夹可以写入、文件未在 Word 中打开,然后重试。', e instanceof Error ? e.message : String(e));
  }
  if (!chosen) return { saved: false };
  savedThisRun.set(exportId, chosen);
  return { saved: true, path: chosen };
}

export async function revealExport(exportId: string, how: 'open' | 'folder'): Promise<null> {
  const s = theSaver();
  const file = savedThisRun.get(exportId);
  if (!file) throw new AppError('not_found', '这个文件不是本次运行时保存的,无法直接打开。请在保存它的文件夹中打开,或重新导出。');
  if (how === 'folder') s.showInFolder(file);
  else await s.open(file);
  return null;
}
