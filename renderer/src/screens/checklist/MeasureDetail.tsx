// The open measure: full text, units, deadline, targets, this quarter's editor, past records, history.
import { useTranslation } from 'react-i18next';
import { useChecklist } from '../../stores/checklist';
import { formatDay, formatQuarter, formatTime, joinUnits, statusKey, statusLabel } from '../../format';
import { ProgressEditor } from './ProgressEditor';
import { History } from './History';
import { EvidencePanel } from '../../evidence/EvidencePanel';
import { CorrectionBar } from '../../corrections/CorrectionBar';
import { RectificationTasks } from '../../inspections/RectificationTasks';
import { TargetFigures } from '../../daily/TargetFigures';

export function MeasureDetail() {
  const { t } = useTranslation();
  const detail = useChecklist((s) => s.detail);
  const selectedId = useChecklist((s) => s.selectedId);
  const closeDetail = useChecklist((s) => s.closeDetail);

  if (!selectedId) {
    return (
      <aside className="detail detail-empty muted" aria-label={t('detail.label')}>
        <p>{t('checklist.selectHint')}</p>
      </aside>
    );
  }
  if (!detail || detail.id !== selectedId) {
    return (
      <aside className="detail muted" aria-label={t('detail.label')} aria-busy="true">
        <p>{t('app.loading')}</p>
      </aside>
    );
  }

  const mayRecord = detail.recordRefusal === null;
  return (
    <aside className="detail" aria-label={t('detail.label')} data-testid="measure-detail" data-measure-id={detail.id}>
      <div className="detail-head">
        <div className="crumbs muted">
          {detail.planTitle}
          {detail.sectionHeading && ` › ${detail.sectionHeading}`}
        </div>
        <button type="button" className="link-button" onClick={closeDetail} aria-label={t('app.close')} data-testid="detail-close">
          ×
        </button>
      </div>
      <h2 className="detail-title" data-testid="detail-title">
        <span className="measure-number">{detail.number}</span> {detail.title}
      </h2>
      <CorrectionBar detail={detail} />
      {detail.recordRefusal && (
        <p className="notice-readonly" role="note" data-testid="record-refusal">
          {detail.recordRefusal}
        </p>
      )}
      <dl className="facts">
        <dt>{t('measure.lead')}</dt>
        <dd data-testid="detail-lead">{joinUnits(detail.lead) || t('measure.noUnits')}</dd>
        <dt>{t('measure.responsible')}</dt>
        <dd data-testid="detail-responsible">{joinUnits(detail.responsible) || t('measure.noUnits')}</dd>
        <dt>{t('measure.deadline')}</dt>
        <dd>
          {detail.deadline ?? t('measure.noDeadline')}
          {detail.deadlineDate && <span className="muted">{t('app.paren', { text: '', inner: formatDay(detail.deadlineDate) })}</span>}
          {detail.overdue && <span className="tag tag-danger">{t('measure.overdue')}</span>}
          {detail.dueSoon && <span className="tag tag-warn">{t('measure.dueSoon')}</span>}
        </dd>
        {detail.targets.length > 0 && (
          <>
            <dt>{t('measure.targets')}</dt>
            <dd>
              <TargetFigures measureId={detail.id} mayRecord={mayRecord} />
            </dd>
          </>
        )}
      </dl>
      <ProgressEditor readOnly={!mayRecord} />
      <RectificationTasks measureId={detail.id} mayRecord={mayRecord} />
      <EvidencePanel measureId={detail.id} mayRecord={mayRecord} />
      <details className="block" open>
        <summary>{t('detail.text')}</summary>
        <p className="full-text" data-testid="detail-text">
          {detail.text}
        </p>
      </details>
      <section className="block">
        <h3>{t('detail.records')}</h3>
        {detail.progress.length === 0 ? (
          <p className="muted">{t('detail.noRecords')}</p>
        ) : (
          <ul className="records">
            {detail.progress.map((p) => (
              <li key={p.id} className="record" data-testid="progress-record" data-period={p.periodId}>
                <div className="record-head">
                  <strong>{formatQuarter(p.periodId)}</strong>
                  <span className={`status status-${statusKey(p.status)}`}>{statusLabel(p.status)}</span>
                </div>
                {p.narrative && <p className="record-text">{p.narrative}</p>}
                <div className="muted small">
                  {t('detail.recordBy', { name: p.updatedByName ?? t('detail.unknownUser'), time: formatTime(p.updatedAt) })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <History entries={detail.history} targets={detail.targets} />
    </aside>
  );
}
