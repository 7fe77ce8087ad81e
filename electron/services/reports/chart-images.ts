// Charts of the .docx as PNG pictures, rasterised by @resvg/resvg-js with one CJK font file of the system.
import fs from 'node:fs';
import { chartSize, renderChartSvg } from '../../../shared/report/charts';
import type { ReportDoc } from '../../../shared/report/types';

export type ChartImages = Map<string, { png: Uint8Array; width: number; height: number }>;

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
  const family = { defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' };
  fontOptions = found.length ? { loadSystemFonts: false, fontFiles: found, ...family } : { loadSystemFonts: true, ...family };
  return fontOptions;
}

/** Each chart of the document at twice its size. The native module is loaded on first use, not when the app starts. */
export async function rasterizeCharts(doc: ReportDoc): Promise<ChartImages> {
  const charts = doc.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : []));
  const images: ChartImages = new Map();
  if (!charts.length) return images;
  const { renderAsync } = await import('@resvg/resvg-js');
  // renderAsync lays text out on the thread pool, so the charts of one report render side by side.
  const rendered = await Promise.all(charts.map((c) => renderAsync(renderChartSvg(c), { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: resvgFonts() })));
  charts.forEach((c, i) => images.set(c.id, { png: rendered[i]!.asPng(), ...chartSize(c) }));
  return images;
}
