// The dashboard's list of figures below target this quarter, each naming its plan when several are shown.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { useApp } from '../stores/app';
import { useTargets } from './targets';

export function BelowTargetList({ planId }: { planId: string | null }) {
  const { t } = useTranslation('daily');
  const periodId = useSession((s) => s.periodId);
  const all = useTargets((s) => s.below);
  useEffect(() => {
    void useTargets.getState().loadBelow(periodId, true);
  }, [periodId]);
  const rows = planId ? all.filter((b) => b.planId === planId) : all;
  const manyPlans = new Set(rows.map((r) => r.planId)).size > 1;
  return (
    <section className="due-list below-target" data-testid="list-below-target" data-count={rows.length}>
      <h2>{t('belowList')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('noneBelow')}</p>
      ) : (
        <ul>
          {rows.map((b) => (
            <li key={`${b.measureId}|${b.target}`}>
              <button type="button" className="link-button" onClick={() => useApp.getState().go('checklist', b.measureId)} data-testid="below-target-item">
                {manyPlans && <span className="muted">{b.planTitle} › </span>}
                {b.number} {b.title}
              </button>
              <span className="small">{t('belowLine', { target: b.target, actual: b.actual })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
