// The official document layout of GB/T 9704-2012 in Word units: A4, margins, fonts, sizes, exact line spacing.

/** 1 mm in twentieths of a point. */
const MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * MM);

export const A4 = { width: 11906, height: 16838 } as const;

export const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

/** Landscape pages (the ledger) keep less paper at the edges so that a plan's table is a handful of pages. */
export const LANDSCAPE_MARGINS = { top: mm(20), bottom: mm(18), left: mm(18), right: mm(18) } as const;

/** The footer sits so that the page number's line is about 7 mm below the text block. */
export const FOOTER_DISTANCE = mm(23);

/** Font names as Word and WPS on Windows know them; fontTable.xml gets altNames for PCs without the _GB2312 fonts. */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

export const ALT_NAMES: Record<string, string> = {
  方正小标宋简体: '宋体',
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
};

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 21 } as const;

/** Lines and characters of a full page: 22 × 28 (GB/T 9704 5.2.2). */
export const GRID = { lines: 22, chars: 28 } as const;

const TEXT_HEIGHT = A4.height - MARGINS.top - MARGINS.bottom;
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** Exact line pitch of the body and of the document grid: the 225 mm text block divided by 22, rounded down so 22 fit. */
export const LINE = Math.floor(TEXT_HEIGHT / GRID.lines);

/**
 * Characters condensed by this many twips (w:spacing in the run defaults) so that the 156 mm line holds 28 三号
 * characters, not the 27 that 16 pt ones would. A grid of characters (linesAndChars with charSpace) does the same in
 * Word, but LibreOffice then gives each 16 pt character two cells (18 or 14 to the line); condensing works in both.
 */
export const CHAR_SPACING = Math.floor(TEXT_WIDTH / GRID.chars) - SIZES.body * 10;
export const TITLE_LINE = 700;

/** Two characters of 三号 for the first-line indent. */
export const INDENT_2CH = 640;

export function font(name: string): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}
