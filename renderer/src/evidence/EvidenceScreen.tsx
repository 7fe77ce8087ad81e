// 佐证材料: every file across the ledger with filters and sorting, the measures lacking evidence, integrity check.
import { Options, sectionChoices, sectionOptionLabel } from '../components/Options';
import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../stores/session';
import { useChecklist } from '../stores/checklist';
import { formatQuarter } from '../format';
import { currentQuarter, parseQuarterId, previousQuarter, type Quarter } from '../../../shared/periods';
import { EVIDENCE_KINDS, EVIDENCE_SORTS, type EvidenceKindName, type EvidenceSort } from '../../../shared/api/evidence';
import { useEvidence } from './store';
import { PlanTag, useSeveralPlans } from '../components/PlanTag';
import { EvidenceList } from './EvidenceList';
import { PreviewDialog } from './Preview';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../shared/sizes';
import { useMayCall } from '../stores/may-call';
import './evidence.css';

const PAGE = 200;

function quarters(selected: string): string[] {
  const out: string[] = [];
  let q: Quarter = parseQuarterId(selected) ?? currentQuarter();
  if (q.id < currentQuarter().id) q = currentQuarter();
  for (let i = 0; i < 24; i++) {
    out.push(q.id);
    q = previousQuarter(q);
  }
  if (!out.includes(selected) && parseQuarterId(selected)) out.push(selected);
  return out;
}

function VerifyBox() {
  const { t } = useTranslation('evidence');
  const job = useEvidence((s) => s.verifyJob);
  const report = useEvidence((s) => s.report);
  const { verify, cancelVerify, runCleanup, goToMeasure } = useEvidence.getState();
  const running = job?.state === 'running';
  const mayClean = useMayCall('evidence.cleanup');
  return (
    <section className="card ev-verify" data-testid="verify-box">
      <div className="ev-verify-head">
        <button type="button" className="button primary" disabled={running} onClick={() => void verify()} data-testid="verify-start">
          {t('verify')}
        </button>
        {mayClean && (
          <button type="button" className="button" disabled={running} onClick={() => void runCleanup()} data-testid="cleanup-start">
            {t('cleanup')}
          </button>
        )}
        {running && (
          <>
            <progress className="ev-progress" max={1} value={job.progress ?? undefined} data-testid="verify-progress" aria-label={t('verifying')} />
            <span className="muted small">{job.step || t('verifying')}</span>
            <button type="button" className="button" onClick={cancelVerify} data-testid="verify-cancel">
              {t('cancel')}
            </button>
          </>
        )}
      </div>
      {report && !running && (
        <div data-testid="verify-report" data-ok={report.ok} data-problems={report.problems.length}>
          {report.ok ? (
            <p className="ev-ok">{t('verifyOk', { n: report.checkedFiles, size: formatSize(report.checkedBytes) })}</p>
          ) : (
            <>
              {report.problems.length > 0 && <p className="inline-error">{t('verifyBad', { n: report.problems.length })}</p>}
              <ul className="ev-problems">
                {report.problems.map((p) =>
                  p.uses.map((u) => (
                    <li key={`${p.sha256}-${u.evidenceId}`} data-testid="verify-problem" data-state={p.state} data-sha256={p.sha256}>
                      <span className="tag tag-danger">{p.state === 'missing' ? t('missingFile') : t('changedFile')}</span> <strong>{u.name}</strong>{' '}
                      <button type="button" className="link-button" onClick={() => goToMeasure(u.measureId)}>
                        {u.measureNumber} {u.measureTitle}
                      </button>{' '}
                      <span className="muted small">{formatQuarter(u.periodId)}</span>
                    </li>
                  )),
                )}
              </ul>
              {report.rowProblems.length > 0 && (
                <>
                  <p className="inline-error">{t('verifyRowsBad', { n: report.rowProblems.length })}</p>
                  <ul className="ev-problems">
                    {report.rowProblems.map((r) => (
                      <li key={r.evidenceId} data-testid="verify-row-problem" data-kind={r.kind}>
                        <span className="tag tag-danger">{t('tamperedRow')}</span> {r.detail}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function MissingList({ periodId }: { periodId: string }) {
  const { t } = useTranslation('evidence');
  const missing = useEvidence((s) => s.missing);
  const missingPeriod = useEvidence((s) => s.missingPeriod);
  const goToMeasure = useEvidence((s) => s.goToMeasure);
  const shown = missingPeriod === periodId ? missing : [];
  const severalPlans = useSeveralPlans(useEvidence((s) => s.filters.planId));
  return (
    <aside className="card ev-missing" data-testid="missing-list" data-count={shown.length} data-period={missingPeriod}>
      <h3>{t('missingTitle', { quarter: formatQuarter(periodId) })}</h3>
      <p className="muted small">{shown.length ? t('missingCount', { n: shown.length }) : t('missingNone')}</p>
      <ul className="ev-missing-list">
        {shown.map((m) => (
          <li key={m.id} data-testid="missing-measure" data-measure-id={m.id}>
            <button type="button" className="link-button" onClick={() => goToMeasure(m.id)} title={t('open')}>
              <span className="measure-number">{m.number}</span> {m.title}
            </button>
            {severalPlans && <PlanTag planId={m.planId} title={m.planTitle} />}
            {m.lead.length > 0 && <span className="muted small"> {m.lead.join('、')}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}

export function EvidenceScreen() {
  const { t } = useTranslation('evidence');
  const periodId = useSession((s) => s.periodId);
  const departments = useSession((s) => s.departments);
  const filters = useEvidence((s) => s.filters);
  const items = useEvidence((s) => s.items);
  const loading = useEvidence((s) => s.loading);
  const plans = useChecklist((s) => s.plans);
  const sections = useChecklist((s) => s.sections);
  const setFilters = useEvidence((s) => s.setFilters);
  const qs = useMemo(() => quarters(periodId), [periodId]);
  const planSections = sectionChoices(sections, filters.planId);
  const total = items.reduce((n, i) => n + i.size, 0);
  // Thousands of files render in pages, so the screen stays quick on an old office PC.
  const [limit, setLimit] = useState(PAGE);

  useEffect(() => {
    void useChecklist.getState().loadTree();
    void useEvidence.getState().loadScreen();
  }, []);
  useEffect(() => {
    void useEvidence.getState().loadMissing(periodId);
  }, [periodId, filters.planId, filters.departmentId]);

  return (
    <div className="page ev-screen" data-testid="evidence-screen">
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      <VerifyBox />
      <div className="ev-columns">
        <section className="ev-main">
          <div className="filter-bar ev-filters">
            <label className="field">
              <span>{t('filters.plan')}</span>
              <select value={filters.planId} onChange={(e) => setFilters({ planId: e.target.value, sectionId: '' })} data-testid="ev-filter-plan">
                <option value="">{t('filters.all')}</option>
                <Options items={plans} value={(p) => p.id} label={(p) => p.title} />
              </select>
            </label>
            <label className="field">
              <span>{t('filters.section')}</span>
              <select value={filters.sectionId} onChange={(e) => setFilters({ sectionId: e.target.value })} data-testid="ev-filter-section">
                <option value="">{t('filters.all')}</option>
                <Options items={planSections} value={(s) => s.id} label={(s) => sectionOptionLabel(s)} />
              </select>
            </label>
            <label className="field">
              <span>{t('filters.department')}</span>
              <select value={filters.departmentId} onChange={(e) => setFilters({ departmentId: e.target.value })} data-testid="ev-filter-department">
                <option value="">{t('filters.all')}</option>
                <Options items={departments} value={(d) => d.id} label={(d) => d.name} />
              </select>
            </label>
            <label className="field">
              <span>{t('filters.quarter')}</span>
              <select value={filters.periodId} onChange={(e) => setFilters({ periodId: e.target.value })} data-testid="ev-filter-quarter">
                <option value="">{t('filters.allQuarters')}</option>
                <Options items={qs} value={(q) => q} label={(q) => formatQuarter(q)} />
              </select>
            </label>
            <label className="field">
              <span>{t('filters.type')}</span>
              <select value={filters.kind} onChange={(e) => setFilters({ kind: e.target.value as EvidenceKindName | '' })} data-testid="ev-filter-kind">
                <option value="">{t('filters.all')}</option>
                <Options items={EVIDENCE_KINDS} value={(k) => k} label={(k) => t(`kinds.${k}`)} />
              </select>
            </label>
            <label className="field">
              <span>{t('filters.sort')}</span>
              <select value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value as EvidenceSort })} data-testid="ev-sort">
                <Options items={EVIDENCE_SORTS} value={(k) => k} label={(k) => t(`sorts.${k}`)} />
              </select>
            </label>
          </div>
          <p className="muted small" data-testid="evidence-count" data-count={items.length} aria-busy={loading}>
            {t('count', { n: items.length, size: formatSize(total) })}
          </p>
          {items.length === 0 && !loading ? <p className="muted">{t('empty')}</p> : <EvidenceList items={items.slice(0, limit)} showMeasure changeable={(i) => i.mayChange} />}
          {items.length > limit && (
            <button type="button" className="button" onClick={() => setLimit(limit + PAGE)} data-testid="evidence-more">
              {t('more', { n: items.length - limit })}
            </button>
          )}
        </section>
        <MissingList periodId={periodId} />
      </div>
      <PreviewDialog />
    </div>
  );
}
