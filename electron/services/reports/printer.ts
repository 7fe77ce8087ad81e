// Printing HTML to PDF behind a small interface: headless Chromium here, webContents.printToPDF in Electron.
import type { Browser } from 'playwright-core';
import { AppError } from '../../../shared/errors';

export interface PdfOptions {
  landscape: boolean;
}

export interface ReportPrinter {
  /** Prints a self-contained HTML document on A4 with the page number "— n —" at the foot. */
  pdf(html: string, opts: PdfOptions): Promise<Buffer>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChromiumOptions {
  executablePath?: string;
  /** The browser is closed after this long without work, so a host does not keep it running for nothing. */
  idleMs?: number;
}

/** Headless Chromium through playwright-core: launched on first use, reused while work keeps coming, one context per job. */
export function chromiumPrinter(opts: ChromiumOptions = {}): ReportPrinter {
  const executablePath = opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const idleMs = opts.idleMs ?? 60_000;
  let browser: Promise<Browser> | null = null;
  let busy = 0;
  let idle: NodeJS.Timeout | null = null;

  const open = (): Promise<Browser> => {
    browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS }))
      .catch((e: unknown) => {
        browser = null;
        throw new AppError('internal', '无法启动用于生成 PDF 的浏览器组件。请确认已安装 Chromium,或改为导出 Word 文件。', e instanceof Error ? e.message : String(e));
      });
    return browser;
  };
  const close = async (): Promise<void> => {
    if (idle) clearTimeout(idle);
    idle = null;
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.close();
  };
  async function busyWhile<T>(fn: () => Promise<T>): Promise<T> {
    busy++;
    if (idle) clearTimeout(idle);
    try {
      return await fn();
    } finally {
      if (--busy === 0 && idleMs > 0) {
        idle = setTimeout(() => void close(), idleMs);
        idle.unref();
      }
    }
  }
  return {
    pdf: (html, o) =>
      busyWhile(async () => {
        const ctx = await (await open()).newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await ctx.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          return await page.pdf({
            format: 'A4',
            landscape: o.landscape,
            printBackground: true,
            // Margins and the page numbers ("— 1 —", odd pages right, even left) come from the document's @page rules.
            preferCSSPageSize: true,
          });
        } finally {
          await ctx.close();
        }
      }),
    close,
  };
}
