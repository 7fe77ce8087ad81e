// The official document layout of GB/T 9704-2012 in Word units: A4, margins, fonts, sizes, exact line spacing.

/** 1 mm in twentieths of a point. */
const MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * MM);

export const A4 = { width: 11906, height: 16838 } as const;

export const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

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

/** Exact line pitch of the body: 29 pt gives 22 lines on the 225 mm text block. */
export const LINE = 580;
export const TITLE_LINE = 700;

/** Two characters of 三号 for the first-line indent. */
export const INDENT_2CH = 640;

export function font(name: string): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}
