// The dashboard's line on rectifications: how many are open and overdue, and the overdue ones by measure.
import { formatDay } from '../format';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { reportError, useApp } from '../stores/app';
import type { Rectification } from '../../../shared/inspections/types';

export function RectificationSummary() {
  const { t } = useTranslation('inspections');
  const [counts, setCounts] = useState<{ open: number; overdue: number } | null>(null);
  const [overdue, setOverdue] = useState<Rectification[]>([]);
  useEffect(() => {
    Promise.all([api['rectifications.counts']({}), api['rectifications.list']({ overdue: true })]).then(([c, l]) => {
      setCounts(c);
      setOverdue(l);
    }, reportError);
  }, []);
  if (!counts) return null;
  return (
    <section className="due-list" data-testid="rectification-summary" data-open={counts.open} data-overdue={counts.overdue}>
      <h2>{t('dashboardTitle')}</h2>
      {counts.open === 0 ? (
        <p className="muted">{t('noOpen')}</p>
      ) : (
        <p>
          {t('openCount', { n: counts.open })}
          {counts.overdue > 0 && <span className="tag tag-danger">{t('overdueCount', { n: counts.overdue })}</span>}
        </p>
      )}
      <ul>
        {overdue.slice(0, 20).map((r) => (
          <li key={r.id}>
            <button type="button" className="link-button" onClick={() => useApp.getState().go('checklist', r.measureId)}>
              {r.measureNumber} {r.measureTitle}
            </button>
            <span className="small muted">
              {r.requirement} · {r.departmentName} · {formatDay(r.dueOn)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
