// Saving an export in Electron: the system's save dialog, a copy written atomically, the shell to open it or its folder.
import { app, BrowserWindow, dialog, shell } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportSaver } from './services/reports/saved-exports';
import { writeFileAtomic } from './services/reports/atomic';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.docx': { name: 'Word 文档', extensions: ['docx'] },
  '.xlsx': { name: 'Excel 工作簿', extensions: ['xlsx'] },
  '.pdf': { name: 'PDF 文件', extensions: ['pdf'] },
  '.html': { name: '网页文件', extensions: ['html'] },
};

export function electronExportSaver(): ExportSaver {
  let lastDir: string | null = null;
  return {
    async save(source, fileName) {
      const filter = FILTERS[path.extname(fileName)];
      const options = { defaultPath: path.join(lastDir ?? app.getPath('documents'), fileName), filters: filter ? [filter] : [] };
      const win = BrowserWindow.getFocusedWindow();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      // A copy, written whole or not at all: an open Word file of the same name is never left half overwritten.
      await writeFileAtomic(r.filePath, await fs.readFile(source));
      lastDir = path.dirname(r.filePath);
      return r.filePath;
    },
    async open(file) {
      const problem = await shell.openPath(file);
      if (problem) throw new Error(problem);
    },
    showInFolder(file) {
      shell.showItemInFolder(file);
    },
  };
}
