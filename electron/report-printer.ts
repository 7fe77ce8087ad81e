// Report printing inside Electron: an offscreen, script-less window's printToPDF, and charts through resvg.
import { BrowserWindow } from 'electron';
import type { ReportPrinter } from './services/reports/printer';
import { resvgRasterize } from './services/reports/printer';
import { AppError } from '../shared/errors';
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
    async png(images) {
      const out = await resvgRasterize(images);
      if (!out) throw new AppError('internal', '无法生成报告中的图表。请重新安装法治台账,或导出时取消“包含图表”。', 'resvg unavailable');
      return out;
    },
    async close() {},
  };
}
