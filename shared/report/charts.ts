// Completion charts as self-contained SVG (presentation attributes only, no style attributes), for the preview, PDF and .docx.
import type { ChartBar, ChartSpec } from './types';
import { xmlEscape } from './xml';

const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', SimHei, sans-serif";

const CHART_COLORS = {
  done: '#2e7d32',
  inProgress: '#1565c0',
  notStarted: '#b0b7bf',
  notApplicable: '#e0e0e0',
} as const;

const LEGEND: [keyof typeof CHART_COLORS, string][] = [
  ['done', '已完成'],
  ['inProgress', '推进中'],
  ['notStarted', '未开始'],
  ['notApplicable', '不适用'],
];

/** Labels longer than this are cut with an ellipsis so the bars keep their room. */
const LABEL_CHARS = 14;

function shortLabel(s: string): string {
  const chars = [...s];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : s;
}

/** The one rule: 不适用 counts in neither the numerator nor the denominator. */
export function completionRate(f: { total: number; done: number; notApplicable: number }): string {
  const counted = f.total - f.notApplicable;
  return `${counted ? Math.round((f.done / counted) * 1000) / 10 : 0}%`;
}

export interface ChartSize {
  width: number;
  height: number;
}

const ROW = 26;
const TOP = 44;
const BOTTOM = 34;
const LABEL_W = 230;
const VALUE_W = 120;

export function chartSize(c: ChartSpec, width = 640): ChartSize {
  return { width, height: TOP + Math.max(1, c.bars.length) * ROW + BOTTOM };
}

/** A horizontal stacked bar per row: done, in progress, not started, not applicable, with the completion rate. */
export function renderChartSvg(c: ChartSpec, width = 640): string {
  const { height } = chartSize(c, width);
  const barW = width - LABEL_W - VALUE_W;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(CHART_FONT)}" font-size="13" role="img" aria-label="${xmlEscape(c.title)}">`,
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold" fill="#222">${xmlEscape(c.title)}</text>`);
  c.bars.forEach((b: ChartBar, i) => {
    const y = TOP + i * ROW;
    out.push(`<text x="${LABEL_W - 8}" y="${y + 17}" text-anchor="end" fill="#222">${xmlEscape(shortLabel(b.label))}</text>`);
    out.push(`<rect x="${LABEL_W}" y="${y + 4}" width="${barW}" height="${ROW - 8}" fill="#f3f4f6"/>`);
    let x = LABEL_W;
    for (const [key] of LEGEND) {
      const n = b[key];
      if (!n || !b.total) continue;
      const w = (n / b.total) * barW;
      out.push(`<rect x="${x.toFixed(2)}" y="${y + 4}" width="${w.toFixed(2)}" height="${ROW - 8}" fill="${CHART_COLORS[key]}"><title>${xmlEscape(`${b.label} ${n}`)}</title></rect>`);
      x += w;
    }
    out.push(`<text x="${LABEL_W + barW + 8}" y="${y + 17}" fill="#222">${b.done}/${b.total - b.notApplicable}(${completionRate(b)})</text>`);
  });
  const ly = height - 14;
  let lx = LABEL_W;
  for (const [key, name] of LEGEND) {
    out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${CHART_COLORS[key]}"/>`);
    out.push(`<text x="${lx + 16}" y="${ly}" fill="#444">${name}</text>`);
    lx += 76;
  }
  out.push('</svg>');
  return out.join('');
}
