// The virtualized list of measures: only the rows on screen exist, so 5,000 scroll like 50.
import { memo, useCallback, useEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { MeasureRow } from '../../../../shared/model';
import { useChecklist } from '../../stores/checklist';
import { formatDay, joinUnits, statusKey, statusLabel } from '../../format';
import { BelowTargetTag } from '../../daily/TargetFigures';
import { PlanTag, useSeveralPlans } from '../../components/PlanTag';

export const ROW_HEIGHT = 58;

export function MeasureList({ listRef }: { listRef: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const rows = useChecklist((s) => s.rows);
  const cursor = useChecklist((s) => s.cursor);
  const selectedId = useChecklist((s) => s.selectedId);
  const moveCursor = useChecklist((s) => s.moveCursor);
  const open = useChecklist((s) => s.open);
  const severalPlans = useSeveralPlans(useChecklist((s) => s.filters.planId));
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(Math.min(cursor, rows.length - 1), { align: 'auto' });
  }, [cursor, rows, virtualizer]);

  const onKeyDown = (e: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: cursor + 1, ArrowUp: cursor - 1, PageDown: cursor + page, PageUp: cursor - page, Home: 0, End: rows.length - 1 };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      moveCursor(to);
    } else if (e.key === 'Enter' && rows[cursor]) {
      e.preventDefault();
      void open(rows[cursor].id);
    }
  };

  // One handler for all rows (rows are memoized, so scrolling re-renders only the rows that appear).
  const onRowClick = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      const index = Number(e.currentTarget.dataset.index);
      const row = useChecklist.getState().rows[index];
      if (!row) return;
      moveCursor(index);
      void open(row.id);
    },
    [moveCursor, open],
  );

  if (rows.length === 0) {
    return (
      <div className="list-empty muted" data-testid="measure-list-empty">
        {t('checklist.empty')}
      </div>
    );
  }

  const active = rows[cursor];
  return (
    <div
      ref={(el) => {
        scrollRef.current = el;
        listRef.current = el;
      }}
      className="measure-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('checklist.listLabel')}
      aria-activedescendant={active ? `measure-${active.id}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="measure-list"
    >
      <div className="measure-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          return (
            <Row key={row.id} row={row} index={v.index} top={v.start} active={v.index === cursor} selected={row.id === selectedId} showPlan={severalPlans} onClick={onRowClick} />
          );
        })}
      </div>
    </div>
  );
}

interface RowProps {
  row: MeasureRow;
  index: number;
  top: number;
  active: boolean;
  selected: boolean;
  /** Rows of several plans are on screen: each names its own. */
  showPlan: boolean;
  onClick: (e: MouseEvent<HTMLDivElement>) => void;
}

const Row = memo(function Row({ row, index, top, active, selected, showPlan, onClick }: RowProps) {
  const { t } = useTranslation();
  const cls = ['measure-row', active ? 'active' : '', selected ? 'selected' : '', row.overdue ? 'overdue' : row.dueSoon ? 'due-soon' : ''];
  return (
    <div
      id={`measure-${row.id}`}
      role="option"
      aria-selected={selected}
      className={cls.filter(Boolean).join(' ')}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={onClick}
      data-testid="measure-row"
      data-index={index}
      data-measure-id={row.id}
      data-status={row.status}
    >
      <div className="measure-row-line">
        <span className="measure-number">{row.number}</span>
        <span className="measure-title" data-testid="measure-row-title" title={row.title}>
          {row.title}
        </span>
        <span className={`status status-${statusKey(row.status)}`}>{statusLabel(row.status)}</span>
      </div>
      <div className="measure-row-line meta">
        {showPlan && <PlanTag planId={row.planId} />}
        <span className="units" title={joinUnits(row.lead)}>
          {t('measure.lead')}:{joinUnits(row.lead) || t('measure.noUnits')}
        </span>
        {row.deadline && (
          <span className="deadline" title={row.deadlineDate ? formatDay(row.deadlineDate) : undefined}>
            {t('measure.deadline')}:{row.deadline}
          </span>
        )}
        {row.overdue && <span className="tag tag-danger">{t('measure.overdue')}</span>}
        {row.dueSoon && <span className="tag tag-warn">{t('measure.dueSoon')}</span>}
        <BelowTargetTag measureId={row.id} />
      </div>
    </div>
  );
});
