// Deleting a plan from the checklist's tree: one button, then a confirmation that says what is kept.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/model';
import { useSession } from '../stores/session';
import { mayDeletePlan } from '../../../shared/api/roles';
import { deletePlan } from './plans';

export function PlanDelete({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation('daily');
  const user = useSession((s) => s.info?.user);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  // The server decides; the button is only offered to those it would allow.
  if (!user || !mayDeletePlan(user, plan.importedBy)) return null;
  if (!asking) {
    return (
      <button type="button" className="link-button plan-delete" onClick={() => setAsking(true)} data-testid="plan-delete">
        {t('deletePlan')}
      </button>
    );
  }
  return (
    <div className="confirm-box" role="alertdialog" aria-label={t('deletePlan')} data-testid="plan-delete-confirm">
      <p>{t('deleteConfirm', { title: plan.title, count: plan.measureCount })}</p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          disabled={busy}
          autoFocus
          onClick={() => {
            setBusy(true);
            void deletePlan(plan).finally(() => {
              setBusy(false);
              setAsking(false);
            });
          }}
          data-testid="plan-delete-yes"
        >
          {t('deleteYes')}
        </button>
        <button type="button" onClick={() => setAsking(false)} data-testid="plan-delete-no">
          {t('deleteNo')}
        </button>
      </div>
    </div>
  );
}
