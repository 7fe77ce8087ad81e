// Report printing inside Electron: an offscreen, script-less window's printToPDF.
import { BrowserWindow } from 'electron';
import type { ReportPrinter } from './services/reports/printer';
import { WEB_PREFERENCES } from './window';

export function electronPrinter(): ReportPrinter {
  return {
    async pdf(html, opts) {
      const win = new BrowserWindow({ show: false, webPreferences: { ...WEB_PREFERENCES, javascript: false, offscreen: true } });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await win.webContents.printToPDF({ pageSize: 'A4', landscape: opts.landscape, printBackground: true, preferCSSPageSize: true });
      } finally {
        win.destroy();
      }
    },
    async close() {},
  };
}
