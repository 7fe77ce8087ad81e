// The Electron main process: one instance, one secure window, the shared services behind IPC.
import { app, dialog, type BrowserWindow } from 'electron';
import { isAppError } from '../shared/errors';
import path from 'node:path';
import type { AppContext } from './services/context';
import { openContext } from './services/backup';
import { watchIdle } from './services/store-lock';
import { resolveDataDir } from './services/data-dir';
import { registerIpc } from './ipc';
import { applyAppSecurity } from './security';
import { createMainWindow } from './window';
import { APP_ORIGIN, registerScheme, serveRenderer } from './protocol';
import { electronPrinter } from './report-printer';
import { setReportPrinterFactory } from './services/handlers/reports';
import { setExportSaver } from './services/reports/saved-exports';
import { electronExportSaver } from './export-saver';

const dataDirFlag = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerScheme();
  let ctx: AppContext | null = null;
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(async () => {
    const dataDir = resolveDataDir(dataDirFlag);
    try {
      ctx = await openContext(dataDir);
      watchIdle(ctx);
    } catch (e) {
      // A missing drive or a read-only folder: said plainly, and no new empty ledger is made in its place.
      // Without a store there is no app to show; a message in a window says why. A missing drive or a read-only
      // folder is said plainly, and no new empty ledger is made in its place.
      const why = isAppError(e) ? e.message : `原因:${e instanceof Error ? e.message : String(e)}`;
      dialog.showErrorBox(
        '法治台账无法启动',
        `无法打开数据目录:${dataDir}\n\n${why}\n\n请确认该文件夹存在、可以写入且未被其他程序占用(如杀毒软件或网盘同步);如数据目录位于U盘或网络盘,请确认其仍可访问。然后重新启动法治台账。`,
      );
      app.quit();
      return;
    }
    applyAppSecurity(APP_ORIGIN);
    serveRenderer(ctx, path.join(__dirname, '..', 'renderer'));
    registerIpc(ctx, APP_ORIGIN);
    setReportPrinterFactory(electronPrinter);
    setExportSaver(electronExportSaver());
    win = createMainWindow(path.join(__dirname, 'preload.cjs'), `${APP_ORIGIN}/index.html`);
    win.on('closed', () => {
      win = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => ctx?.close());
}
