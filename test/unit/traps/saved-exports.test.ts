// Saving an export where the person chooses: the copy is made by the shell's saver, and only files saved this run are opened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newExport } from '../../../electron/services/reports/exports';
import { revealExport, saveExport, setExportSaver, type ExportSaver } from '../../../electron/services/reports/saved-exports';

const dirs: string[] = [];
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-saved-'));
  dirs.push(d);
  return d;
};

afterEach(() => {
  setExportSaver(null);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A saver that copies into `target` (or is cancelled) and records what it was asked to open. */
function fakeSaver(target: string | null): ExportSaver & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    async save(source, fileName) {
      if (!target) return null;
      const to = path.join(target, fileName);
      fs.copyFileSync(source, to);
      return to;
    },
    async open(file) {
      opened.push(`open:${file}`);
    },
    showInFolder(file) {
      opened.push(`folder:${file}`);
    },
  };
}

function anExport(dataDir: string): { exportId: string; path: string } {
  const e = newExport(dataDir, '大渡口区2024年第三季度法治政府建设推进情况.docx');
  fs.mkdirSync(path.dirname(e.path), { recursive: true });
  fs.writeFileSync(e.path, 'PK report');
  return e;
}

describe('saved exports', () => {
  it('copy the export where the person chose, then open it or its folder', async () => {
    const dataDir = tmp();
    const chosen = tmp();
    const saver = fakeSaver(chosen);
    setExportSaver(saver);
    const e = anExport(dataDir);
    const r = await saveExport(dataDir, e.exportId);
    const expected = path.join(chosen, '大渡口区2024年第三季度法治政府建设推进情况.docx');
    expect(r).toEqual({ saved: true, path: expected });
    expect(fs.readFileSync(expected, 'utf8')).toBe('PK report');
    await revealExport(e.exportId, 'folder');
    await revealExport(e.exportId, 'open');
    expect(saver.opened).toEqual([`folder:${expected}`, `open:${expected}`]);
  });

  it('open nothing that was not saved this run: a closed dialog, an unknown id, the browser host', async () => {
    const dataDir = tmp();
    const saver = fakeSaver(null);
    setExportSaver(saver);
    const e = anExport(dataDir);
    expect(await saveExport(dataDir, e.exportId)).toEqual({ saved: false });
    await expect(revealExport(e.exportId, 'open')).rejects.toThrow('不是本次运行时保存的');
    await expect(saveExport(dataDir, '00000000-0000-4000-8000-000000000000')).rejects.toThrow('找不到该导出文件');
    expect(saver.opened).toEqual([]);
    setExportSaver(null);
    await expect(saveExport(dataDir, e.exportId)).rejects.toThrow('下载列表');
  });
});
