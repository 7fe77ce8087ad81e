// The deleted plans, for a supervisor to restore; shown on the import screen, where a wrong import is mended.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMayCall } from '../stores/may-call';
import { formatDay } from '../format';
import { restorePlan, useDeletedPlans } from './plans';

export function DeletedPlans() {
  const { t } = useTranslation('daily');
  const mayRestore = useMayCall('plans.restore');
  const plans = useDeletedPlans((s) => s.plans);
  const load = useDeletedPlans((s) => s.load);
  useEffect(() => {
    if (mayRestore) void load();
  }, [mayRestore, load]);
  if (!mayRestore || plans.length === 0) return null;
  return (
    <section className="block deleted-plans" data-testid="deleted-plans">
      <h2>{t('deletedPlans')}</h2>
      <ul>
        {plans.map((p) => (
          <li key={p.id} data-testid="deleted-plan" data-plan-id={p.id}>
            <span className="deleted-title">{p.title}</span>
            <span className="muted small">{t('deletedLine', { count: p.measureCount, name: p.deletedByName ?? '', date: formatDay(p.deletedAt) })}</span>
            <button type="button" onClick={() => void restorePlan(p)} data-testid="plan-restore">
              {t('restore')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
