// Dates, quarters and statuses as the screens show them (2024年3月5日, 2024年第三季度); sizes are in shared/sizes.ts.
import { i18n } from './i18n/index';
import { currentQuarter, nextQuarter, parseQuarterId, previousQuarter, type Quarter } from '../../shared/periods';
import type { Status } from '../../shared/model';
import { assertNever } from '../../shared/errors';

/** "2024-03-05" (or a timestamp) → 2024年3月5日. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return i18n.t('date.day', { year: m[1], month: Number(m[2]), day: Number(m[3]) });
}

/** A stored UTC timestamp in local time: 2024年3月5日 14:03. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return i18n.t('date.time', {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hh: pad(d.getHours()),
    mm: pad(d.getMinutes()),
  });
}

/** "2024-Q3" → 2024年第三季度. */
export function formatQuarter(periodId: string | null | undefined): string {
  if (!periodId) return '';
  const q = parseQuarterId(periodId);
  if (!q) return periodId;
  const names = i18n.t('date.quarterNames');
  return i18n.t('date.quarter', { year: q.year, q: names[q.quarter - 1] ?? String(q.quarter) });
}

/** A stored value as a person reads it when it is a date, a timestamp or a quarter (2024-09-30 → 2024年9月30日); else as is. */
export function plainValue(v: string): string {
  if (/^\d{4}-Q[1-4]$/.test(v)) return formatQuarter(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatTime(v);
  return v;
}

/** Quarters offered: the next one back to ten years ago, newest first, always including the chosen one. */
export function quarterOptions(selected: string): string[] {
  const ids: string[] = [];
  let q: Quarter = nextQuarter(currentQuarter());
  for (let i = 0; i < 45; i++) {
    ids.push(q.id);
    q = previousQuarter(q);
  }
  if (selected && parseQuarterId(selected) && !ids.includes(selected)) ids.push(selected);
  return ids;
}

export type StatusKey = 'notStarted' | 'inProgress' | 'done' | 'notApplicable';

export function statusKey(s: Status): StatusKey {
  switch (s) {
    case '未开始':
      return 'notStarted';
    case '推进中':
      return 'inProgress';
    case '已完成':
      return 'done';
    case '不适用':
      return 'notApplicable';
    default:
      return assertNever(s);
  }
}

export function statusLabel(s: Status): string {
  return i18n.t(`status.${statusKey(s)}`);
}

/** Unit names as a clerk reads them: 区司法局、区法制办. */
export function joinUnits(units: readonly { name: string }[]): string {
  return units.map((u) => u.name).join('、');
}
