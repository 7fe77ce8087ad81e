// A horizontal stacked bar chart in plain SVG: one bar per row, segments 已完成/推进中/未开始/不适用 with counts.
import { useTranslation } from 'react-i18next';
import type { StatusCounts } from '../../../shared/model';
import type { StatusKey } from '../format';

export interface ChartRow {
  key: string;
  label: string;
  counts: StatusCounts;
}

/** Segment order: what is finished first, so the bars read left to right as progress. */
export const SEGMENTS: { key: StatusKey; field: keyof StatusCounts }[] = [
  { key: 'done', field: 'done' },
  { key: 'inProgress', field: 'inProgress' },
  { key: 'notStarted', field: 'notStarted' },
  { key: 'notApplicable', field: 'notApplicable' },
];

const WIDTH = 640;
const LABEL_W = 210;
const TOTAL_W = 44;
const BAR_W = WIDTH - LABEL_W - TOTAL_W;
const ROW_H = 26;
const BAR_H = 18;
const LABEL_CHARS = 15;

function shorten(s: string): string {
  return s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s;
}

interface Props {
  title: string;
  rows: ChartRow[];
  testId: string;
  onSelect?: (key: string) => void;
  /** Shown instead of bars when there are none. */
  empty: string;
}

export function StackedBarChart({ title, rows, testId, onSelect, empty }: Props) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.counts.total));
  const height = rows.length * ROW_H + 4;
  const summary = (r: ChartRow): string =>
    t('dashboard.chartSummary', {
      name: r.label,
      total: r.counts.total,
      done: r.counts.done,
      inProgress: r.counts.inProgress,
      notStarted: r.counts.notStarted,
      notApplicable: r.counts.notApplicable,
    });

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {rows.length === 0 && <p className="chart-empty muted">{empty}</p>}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="list" aria-label={title} className="chart-svg">
        {rows.map((r, i) => {
          const y = i * ROW_H + 2;
          let x = LABEL_W;
          return (
            <g
              key={r.key}
              role="listitem"
              aria-label={summary(r)}
              className={onSelect ? 'chart-row clickable' : 'chart-row'}
              data-testid="chart-row"
              data-key={r.key}
              data-done={r.counts.done}
              data-in-progress={r.counts.inProgress}
              data-total={r.counts.total}
              onClick={onSelect ? () => onSelect(r.key) : undefined}
              // A bar that opens the checklist is reached by Tab and opened by Enter or Space, as a button is.
              tabIndex={onSelect ? 0 : undefined}
              onKeyDown={
                onSelect
                  ? (e) => {
                      if (e.key !== 'Enter' && e.key !== ' ') return;
                      e.preventDefault();
                      onSelect(r.key);
                    }
                  : undefined
              }
            >
              <title>{summary(r)}</title>
              <text x={LABEL_W - 8} y={y + BAR_H / 2} className="chart-label" textAnchor="end" dominantBaseline="central">
                {shorten(r.label)}
              </text>
              <rect x={LABEL_W} y={y} width={BAR_W} height={BAR_H} className="chart-track" />
              {SEGMENTS.map((s) => {
                const n = r.counts[s.field];
                if (!n) return null;
                const w = (n / max) * BAR_W;
                const seg = (
                  <g key={s.key}>
                    <rect x={x} y={y} width={w} height={BAR_H} className={`seg seg-${s.key}`} />
                    {w >= 18 && (
                      <text x={x + w / 2} y={y + BAR_H / 2} className={`seg-count seg-count-${s.key}`} textAnchor="middle" dominantBaseline="central">
                        {n}
                      </text>
                    )}
                  </g>
                );
                x += w;
                return seg;
              })}
              <text x={WIDTH - TOTAL_W + 6} y={y + BAR_H / 2} className="chart-total" dominantBaseline="central">
                {r.counts.total}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function ChartLegend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t('dashboard.legend')}>
      {SEGMENTS.map((s) => (
        <li key={s.key}>
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" className={`seg seg-${s.key}`} />
          </svg>
          {t(`status.${s.key}`)}
        </li>
      ))}
    </ul>
  );
}
