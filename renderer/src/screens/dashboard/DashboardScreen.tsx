// Statistics for the chosen quarter: totals, charts by section and by department, overdue and due-soon lists.
import { RectificationSummary } from '../../inspections/RectificationSummary';
import { Options } from '../../components/Options';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureRow } from '../../../../shared/model';
import { useDashboard } from '../../stores/dashboard';
import { useSession } from '../../stores/session';
import { useChecklist, type Filters } from '../../stores/checklist';
import { useApp } from '../../stores/app';
import { formatDay, formatQuarter, joinUnits } from '../../format';
import { ChartLegend, StackedBarChart, type ChartRow } from '../../components/StackedBarChart';
import { headingText } from '../import/group';
import { completionRate } from '../../../../shared/report/charts';
import { BelowTargetList } from '../../daily/BelowTargetList';
import { PlanTag, planTitleOf, useSeveralPlans } from '../../components/PlanTag';

export function DashboardScreen() {
  const { t } = useTranslation();
  const data = useDashboard((s) => s.data);
  const planId = useDashboard((s) => s.planId);
  const setPlan = useDashboard((s) => s.setPlan);
  const plans = useChecklist((s) => s.plans);
  const periodId = useSession((s) => s.periodId);
  const severalPlans = useSeveralPlans(planId);

  useEffect(() => {
    void useDashboard.getState().load();
    if (useChecklist.getState().plans.length === 0) void useChecklist.getState().loadTree();
  }, [periodId]);

  /** A bar opens the checklist filtered to its section or department. */
  const showInChecklist = (patch: Partial<Filters>): void => {
    useChecklist.getState().showOnly(patch);
    useApp.getState().go('checklist');
  };

  const totals = data?.totals;
  const sectionRows: ChartRow[] = (data?.bySection ?? []).map((s) => ({
    key: s.sectionId ?? `plan:${s.planId}`,
    // Areas of two plans are often named alike (一、依法全面履行政府职能): each bar says whose it is.
    label: severalPlans ? `${planTitleOf(s.planId)} · ${headingText(s.label, s.heading)}` : headingText(s.label, s.heading),
    counts: s,
  }));
  const deptRows: ChartRow[] = (data?.byDepartment ?? []).map((d) => ({ key: d.departmentId, label: d.name, counts: d }));
  const percent = totals ? completionRate(totals).replace('%', '') : '0';

  return (
    <div className="page dashboard" data-testid="dashboard">
      <div className="page-head">
        <h1>{t('dashboard.title', { quarter: formatQuarter(periodId) })}</h1>
        <label className="field inline">
          <span>{t('dashboard.plan')}</span>
          <select value={planId ?? ''} onChange={(e) => setPlan(e.target.value || null)} data-testid="dashboard-plan">
            <option value="">{t('dashboard.allPlans')}</option>
            <Options items={plans} value={(p) => p.id} label={(p) => p.title} />
          </select>
        </label>
      </div>
      {totals && totals.total === 0 && <p className="muted">{t('dashboard.empty')}</p>}
      {totals && totals.total > 0 && (
        <>
          <div className="totals" data-testid="dashboard-totals">
            <Stat label={t('dashboard.total')} value={totals.total} id="total" />
            <Stat label={t('status.done')} value={totals.done} id="done" />
            <Stat label={t('status.inProgress')} value={totals.inProgress} id="inProgress" />
            <Stat label={t('status.notStarted')} value={totals.notStarted} id="notStarted" />
            <Stat label={t('status.notApplicable')} value={totals.notApplicable} id="notApplicable" />
            <Stat label={t('dashboard.overdueCount')} value={totals.overdue} id="overdue" danger={totals.overdue > 0} />
            <div className="stat-note muted">{t('dashboard.percentDone', { percent })}</div>
          </div>
          <ChartLegend />
          <div className="charts">
            <StackedBarChart
              title={t('dashboard.bySection')}
              rows={sectionRows}
              testId="chart-sections"
              empty={t('dashboard.noData')}
              onSelect={(key) => {
                const s = data?.bySection.find((x) => (x.sectionId ?? `plan:${x.planId}`) === key);
                if (s) showInChecklist({ planId: s.planId, sectionId: s.sectionId });
              }}
            />
            <StackedBarChart
              title={t('dashboard.byDepartment')}
              rows={deptRows}
              testId="chart-departments"
              empty={t('dashboard.noUnits')}
              onSelect={(key) => showInChecklist({ departmentId: key })}
            />
          </div>
          <div className="due-lists">
            <DueList title={t('dashboard.overdueList')} empty={t('dashboard.noneOverdue')} rows={data?.overdue ?? []} kind="overdue" showPlan={severalPlans} />
            <DueList title={t('dashboard.dueSoonList')} empty={t('dashboard.noneDueSoon')} rows={data?.dueSoon ?? []} kind="due-soon" showPlan={severalPlans} />
            <RectificationSummary />
            <BelowTargetList planId={planId} />
          </div>
        </>
      )}
    </div>
  );
}

function Stat({ label, value, id, danger }: { label: string; value: number; id: string; danger?: boolean }) {
  return (
    <div className={danger ? 'stat danger' : 'stat'} data-testid={`stat-${id}`} data-value={value}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

function DueList({ title, empty, rows, kind, showPlan }: { title: string; empty: string; rows: MeasureRow[]; kind: 'overdue' | 'due-soon'; showPlan: boolean }) {
  const { t } = useTranslation();
  return (
    <section className={`due-list ${kind}`} data-testid={`list-${kind}`}>
      <h2>
        {t('app.paren', { text: title, inner: rows.length })}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {rows.map((m) => (
            <li key={m.id}>
              <a href={`#/checklist/${encodeURIComponent(m.id)}`} className="due-item" data-testid={`${kind}-item`}>
                <span className="measure-number">{m.number}</span>
                <span className="due-title">{m.title}</span>
                {showPlan && <PlanTag planId={m.planId} />}
                <span className="due-meta">
                  {m.deadline}
                  {m.deadlineDate && t('app.paren', { text: '', inner: formatDay(m.deadlineDate) })} · {joinUnits(m.lead) || t('measure.noUnits')}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
