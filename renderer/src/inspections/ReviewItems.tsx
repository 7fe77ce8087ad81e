// The review's measures as a virtualized list with each one's verdict: 5,000 rows cost what the visible ones cost.
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ReviewItem, Verdict } from '../../../shared/inspections/types';
import { useInspections } from './store';

const ROW = 44;

export const VERDICT_CLASS: Record<Verdict, string> = { 符合: 'pass', 基本符合: 'partial', 不符合: 'fail', 未检查: 'none' };

export function ReviewItems() {
  const { t } = useTranslation('inspections');
  const items = useInspections((s) => s.detail?.items);
  const visible = useInspections((s) => s.visible);
  const cursor = useInspections((s) => s.cursor);
  const ref = useRef<HTMLDivElement | null>(null);
  const v = useVirtualizer({ count: visible.length, getScrollElement: () => ref.current, estimateSize: () => ROW, overscan: 6 });
  useEffect(() => {
    if (visible.length) v.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, visible, v]);
  if (!items) return null;
  if (!visible.length) return <p className="muted insp-items-empty">{t('empty')}</p>;
  return (
    <div ref={ref} className="insp-items" role="listbox" aria-label={t('measure')} data-testid="review-items">
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((row) => {
          const item = items[visible[row.index]!]!;
          return <Row key={item.measureId} item={item} index={row.index} top={row.start} active={row.index === cursor} />;
        })}
      </div>
    </div>
  );
}

const Row = memo(function Row({ item, index, top, active }: { item: ReviewItem; index: number; top: number; active: boolean }) {
  return (
    <div
      role="option"
      aria-selected={active}
      className={`insp-item${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW }}
      onClick={() => useInspections.getState().move(index)}
      data-testid="review-item"
      data-measure-id={item.measureId}
      data-verdict={item.verdict}
    >
      <span className="insp-num">{item.number}</span>
      <span className="insp-item-title" title={item.title}>
        {item.title}
      </span>
      <span className={`verdict verdict-${VERDICT_CLASS[item.verdict]}`}>{item.verdict}</span>
    </div>
  );
});
