// Reads the text layer of a PDF with pdf.js, rebuilding lines from item positions; no cleanup (the parser owns that).
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, unreadable } from './errors';
import { LIMITS, limitExceeded, TextBudget } from './limits';
import { checkPdfStreams } from './pdf-streams';

const CORRUPT = '无法读取该 PDF 文件:文件已损坏或不完整。请重新下载或重新导出 PDF 后再导入。';

type PdfJs = typeof PdfJsModule;
let pdfjsPromise: Promise<{ pdfjs: PdfJs; root: string }> | null = null;

/** Loads pdf.js once, lazily: it is large and most imports are Word files. */
function loadPdfJs(): Promise<{ pdfjs: PdfJs; root: string }> {
  pdfjsPromise ??= (async () => {
    // The main process may be bundled to CommonJS, where import.meta.url is empty but __filename exists. Inside an
    // eval'd worker thread (the readers' worker run from source) __filename is '[worker eval]': the module's URL wins.
    const require = createRequire(import.meta.url || __filename);
    const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Node has no Web Worker; pdf.js then runs its "fake worker" in-process by importing this module.
    if (!pdfjs.GlobalWorkerOptions.workerSrc || pdfjs.GlobalWorkerOptions.workerSrc.startsWith('./')) {
      pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(root, 'legacy', 'build', 'pdf.worker.mjs')).href;
    }
    return { pdfjs, root };
  })();
  pdfjsPromise.catch(() => (pdfjsPromise = null));
  return pdfjsPromise;
}

interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * Joins text items into lines: a new line starts at hasEOL or when the baseline moves by more than
 * half the font size. A visible horizontal gap inside a line becomes one space (table columns).
 */
function itemsToLines(items: readonly PositionedText[]): string[] {
  const lines: string[] = [];
  let cur = '';
  let curY = 0;
  let lastEnd = 0;
  // The last character of `cur`, kept apart: testing /\s$/ against the growing line re-scans it (quadratic on one-line pages).
  let curLast = '';
  const flush = () => {
    lines.push(cur);
    cur = '';
  };
  for (const it of items) {
    const size = it.height > 0 ? it.height : 10;
    if (it.str !== '') {
      if (cur !== '' && Math.abs(it.y - curY) > size * 0.5) flush();
      if (cur === '') curY = it.y;
      else if (it.x - lastEnd > size * 0.8 && !/\s/.test(curLast) && !/^\s/.test(it.str)) cur += ' ';
      cur += it.str;
      curLast = it.str[it.str.length - 1]!;
      lastEnd = it.x + it.width;
    }
    if (it.hasEOL) flush();
  }
  if (cur !== '') flush();
  // pdf.js marks an EOL on empty items too; collapse the runs of empty lines this leaves.
  return lines.filter((l, i) => l.trim() !== '' || (i > 0 && lines[i - 1]!.trim() !== ''));
}

function junkShare(text: string): number {
  let junk = 0;
  let total = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    total++;
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) junk++;
  }
  return total ? junk / total : 0;
}

export interface PdfProgress {
  (done: number, total: number): void;
}

export async function readPdf(buf: Uint8Array, onPage?: PdfProgress): Promise<string> {
  // Decoded sizes are checked on the raw bytes first: pdf.js would inflate a stream bomb into gigabytes before we saw a page.
  checkPdfStreams(buf);
  let lib: { pdfjs: PdfJs; root: string };
  try {
    lib = await loadPdfJs();
  } catch (e) {
    throw unreadable('PDF 读取组件加载失败,暂时无法导入 PDF。请改为导入 .docx 或 .txt 格式,或联系管理员。', `pdfjs load: ${describe(e)}`);
  }
  const { pdfjs, root } = lib;
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; hand it a copy so the caller's bytes stay usable.
    data: new Uint8Array(buf),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    // CJK fonts without embedded Unicode maps need the predefined CMaps, or Chinese comes out as garbage.
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    wasmUrl: path.join(root, 'wasm') + path.sep,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      if (e instanceof Error && e.name === 'PasswordException') {
        throw unreadable('该 PDF 设置了打开密码,无法读取。请用 PDF 阅读器输入密码后另存为无密码的 PDF,或导出为 Word 后再导入。', describe(e));
      }
      throw unreadable(CORRUPT, `pdfjs open: ${describe(e)}`);
    }
    if (doc.numPages > LIMITS.maxPdfPages) throw limitExceeded('pages', `${doc.numPages} pages`);
    const budget = new TextBudget();
    const pages: string[] = [];
    let visible = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      onPage?.(n - 1, doc.numPages);
      let items: PositionedText[];
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        items = content.items.flatMap((it) =>
          'str' in it
            ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, height: it.height, hasEOL: it.hasEOL }]
            : [],
        );
        page.cleanup();
      } catch (e) {
        throw unreadable(`无法读取该 PDF 第 ${n} 页:文件已损坏。请重新导出 PDF,或改为导入 Word 文件。`, `pdfjs page ${n}: ${describe(e)}`);
      }
      const lines = itemsToLines(items);
      for (const l of lines) {
        budget.addParagraph();
        budget.addChars(l.length);
        visible += l.replace(/\s/g, '').length;
      }
      pages.push(lines.join('\n'));
    }
    const text = pages.join('\n');
    // A scan carries at most a stray page stamp; an outline has thousands of characters.
    if (visible < Math.max(20, doc.numPages * 5)) {
      throw unreadable(
        '该 PDF 没有可提取的文字,应是扫描件(图片)。请先用文字识别(OCR)转换为 Word 或文本,或找到原始的 Word 文件再导入。',
        `pages=${doc.numPages} visibleChars=${visible}`,
      );
    }
    const junk = junkShare(text);
    if (junk > 0.3) {
      throw unreadable(
        'PDF 中的文字无法识别(字体缺少编码信息,提取出来是乱码)。请用原始的 Word 文件导入,或先把 PDF 转换为 Word 后再导入。',
        `junk share ${junk.toFixed(2)}`,
      );
    }
    return text;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
