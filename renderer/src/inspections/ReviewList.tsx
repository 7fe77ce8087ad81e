// Reviews so far (name, revision, status, progress) and the form for a new one: name, scope, dates, inspectors.
import { formatQuarter, quarterOptions } from '../format';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApp, reportError } from '../stores/app';
import { useSession } from '../stores/session';
import { Options } from '../components/Options';
import { MultiPick } from '../components/MultiPick';
import type { PlanSummary } from '../../../shared/model';
import { useInspections } from './store';

function CreateForm() {
  const { t } = useTranslation('inspections');
  const info = useSession((s) => s.info);
  const departments = useSession((s) => s.departments);
  const sessionPeriod = useSession((s) => s.periodId);
  const inspectors = (info?.users ?? []).filter((u) => u.role === 'inspector');
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [name, setName] = useState('');
  const [planId, setPlanId] = useState('');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [periodId, setPeriodId] = useState(sessionPeriod);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [reviewerIds, setReviewerIds] = useState<string[]>(info?.user?.role === 'inspector' ? [info.user.id] : []);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api['plans.list']({}).then(setPlans, reportError);
  }, []);
  const submit = async (): Promise<void> => {
    setBusy(true);
    const r = await useInspections.getState().create({ name, planId: planId || null, departmentIds, periodId, startsOn: startsOn || null, endsOn: endsOn || null, reviewerIds });
    setBusy(false);
    if (r) useApp.getState().go('inspections', r.id);
  };
  return (
    <form
      className="insp-create"
      data-testid="review-create"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('create')}</h2>
      <label className="field">
        <span>{t('name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('namePlaceholder')} data-testid="review-name" required maxLength={200} />
      </label>
      <div className="insp-row">
        <label className="field">
          <span>{t('plan')}</span>
          <select value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="review-plan">
            <option value="">{t('allPlans')}</option>
            <Options items={plans} value={(p) => p.id} label={(p) => p.title} />
          </select>
        </label>
        <div className="field">
          <span>{t('departments')}</span>
          <MultiPick items={departments} value={(d) => d.id} label={(d) => d.name} chosen={departmentIds} onChange={setDepartmentIds} none={t('allDepartments')} some={(n) => `${n}`} testId="review-departments" />
        </div>
        <label className="field">
          <span>{t('period')}</span>
          <select value={periodId} onChange={(e) => setPeriodId(e.target.value)} data-testid="review-period" required>
            {quarterOptions(periodId).map((q) => (
              <option key={q} value={q}>
                {formatQuarter(q)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('startsOn')}</span>
          <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} data-testid="review-starts" />
        </label>
        <label className="field">
          <span>{t('endsOn')}</span>
          <input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} data-testid="review-ends" />
        </label>
      </div>
      <fieldset className="field">
        <legend>{t('reviewers')}</legend>
        {inspectors.length === 0 ? (
          <p className="muted">{t('noInspectors')}</p>
        ) : (
          <div className="insp-reviewers">
            {inspectors.map((u) => (
              <label key={u.id} className="check">
                <input
                  type="checkbox"
                  checked={reviewerIds.includes(u.id)}
                  onChange={(e) => setReviewerIds(e.target.checked ? [...reviewerIds, u.id] : reviewerIds.filter((x) => x !== u.id))}
                  data-testid="review-reviewer"
                />
                {u.name}
                {reviewerIds[0] === u.id && <span className="tag tag-info">{t('lead')}</span>}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || !name.trim() || reviewerIds.length === 0} data-testid="review-create-submit">
        {t('create')}
      </button>
    </form>
  );
}

export function ReviewList() {
  const { t } = useTranslation('inspections');
  const reviews = useInspections((s) => s.reviews);
  useEffect(() => {
    void useInspections.getState().loadReviews();
  }, []);
  return (
    <div className="insp-list-screen">
      <section className="insp-reviews">
        <h1>{t('reviews')}</h1>
        {reviews.length === 0 && <p className="muted">{t('none')}</p>}
        <ul data-testid="review-list">
          {reviews.map((r) => (
            <li key={r.id} data-testid="review-entry" data-status={r.status}>
              <button type="button" className="link-button" onClick={() => useApp.getState().go('inspections', r.id)}>
                {r.name}
              </button>
              <span className="muted small">
                {t('revision', { n: r.revision })} · {r.status === '已签署' ? t('signed') : t('inProgress')}
                {r.superseded ? ` · ${t('superseded')}` : ''} · {t('progress', { judged: r.counts.total - r.counts.未检查, total: r.counts.total })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <CreateForm />
    </div>
  );
}
