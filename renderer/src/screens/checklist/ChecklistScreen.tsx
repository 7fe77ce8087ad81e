// The ledger: plan tree | filters + measure list | detail. Ctrl+F searches; the URL names the open measure.
import { useEffect, useRef } from 'react';
import { useApp } from '../../stores/app';
import { useChecklist } from '../../stores/checklist';
import { useSession } from '../../stores/session';
import { PlanTree } from './PlanTree';
import { FilterBar } from './FilterBar';
import { MeasureList } from './MeasureList';
import { MeasureDetail } from './MeasureDetail';
import { TemplateOffer } from './TemplateOffer';

export function ChecklistScreen() {
  const hasPlans = useSession((s) => s.info?.hasPlans ?? false);
  const param = useApp((s) => s.route.param);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!hasPlans) return;
    const c = useChecklist.getState();
    void c.loadTree();
    // A measure named in the URL (reload, dashboard link) is opened by the effect below, which loads rows too.
    if (!useApp.getState().route.param || c.selectedId === useApp.getState().route.param) void c.loadRows();
    return () => void useChecklist.getState().flush();
  }, [hasPlans]);

  useEffect(() => {
    if (!hasPlans || !param) return;
    if (useChecklist.getState().selectedId !== param) void useChecklist.getState().focusMeasure(param);
  }, [hasPlans, param]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'Escape' && document.activeElement === searchRef.current) {
        listRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!hasPlans) return <TemplateOffer />;

  return (
    <div className="checklist">
      <PlanTree />
      <div className="list-pane">
        <FilterBar searchRef={searchRef} />
        <MeasureList listRef={listRef} />
      </div>
      <MeasureDetail />
    </div>
  );
}
