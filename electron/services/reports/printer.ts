// Printing HTML to PDF and SVG charts to PNG, behind a small interface: headless Chromium here, webContents.printToPDF in Electron.
import type { Browser, BrowserContext } from 'playwright-core';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';

export interface PdfOptions {
  landscape: boolean;
}

export interface SvgImage {
  svg: string;
  width: number;
  height: number;
}

export interface ReportPrinter {
  /** Prints a self-contained HTML document on A4 with the page number "— n —" at the foot. */
  pdf(html: string, opts: PdfOptions): Promise<Buffer>;
  /** Renders SVGs to PNG at twice their size, for the .docx. */
  png(images: SvgImage[]): Promise<Buffer[]>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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
  /** Charts are small and many exports have them: one context kept for them saves a context start per export. */
  let chartContext: Promise<BrowserContext> | null = null;
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
    chartContext = null;
    if (b) await (await b.catch(() => null))?.close();
  };
  const newContext = async (options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> =>
    (await open()).newContext({ javaScriptEnabled: false, offline: true, ...options });
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
        const ctx = await newContext({});
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
    png: (images) =>
      busyWhile(async () => {
        chartContext ??= newContext({ deviceScaleFactor: 2, viewport: { width: 1000, height: 800 } }).catch((e: unknown) => {
          chartContext = null;
          throw e;
        });
        const page = await (await chartContext).newPage();
        try {
          const body = images.map((i, n) => `<div id="c${n}">${i.svg}</div>`).join('');
          await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}div{width:max-content;line-height:0}</style></head><body>${body}</body></html>`);
          const out: Buffer[] = [];
          for (let n = 0; n < images.length; n++) out.push(await page.locator(`#c${n} > svg`).screenshot({ type: 'png' }));
          return out;
        } finally {
          await page.close();
        }
      }),
    close,
  };
}

interface ResvgModule {
  renderAsync(svg: string, opts: object): Promise<{ asPng(): Buffer }>;
}

let resvg: Promise<ResvgModule | null> | null = null;

/** CJK fonts by platform; loading one file is far quicker than scanning every system font for each chart. */
const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  '/System/Library/Fonts/PingFang.ttc',
];

let fontOptions: object | null = null;

function resvgFonts(): object {
  if (fontOptions) return fontOptions;
  const found = CJK_FONT_FILES.filter((f) => fs.existsSync(f));
  fontOptions = found.length
    ? { loadSystemFonts: false, fontFiles: found, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' }
    : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' };
  return fontOptions;
}

/**
 * SVG to PNG without a browser, through @resvg/resvg-js with the system's CJK fonts, when that package is installed;
 * null otherwise (the caller then asks Chromium).
 */
export async function resvgRasterize(images: SvgImage[]): Promise<Buffer[] | null> {
  const name = '@resvg/resvg-js';
  resvg ??= (import(/* @vite-ignore */ name) as Promise<ResvgModule>).catch(() => null);
  const mod = await resvg;
  if (!mod) return null;
  // renderAsync lays text out on the thread pool, so the charts of one report render side by side.
  const rendered = await Promise.all(images.map((i) => mod.renderAsync(i.svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: resvgFonts() })));
  return rendered.map((r) => r.asPng());
}
