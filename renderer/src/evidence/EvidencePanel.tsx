// The evidence block of a measure's detail pane: this quarter's files, earlier ones, and adding more.
import { useEffect } from 'react';
import { useSession } from '../stores/session';
import { formatQuarter } from '../format';
import { useEvidence } from './store';
import { AttachForm } from './AttachForm';
import { EvidenceList, versionsOf } from './EvidenceList';
import { ReusePicker } from './ReusePicker';
import { PreviewDialog } from './Preview';
import { useTranslation } from 'react-i18next';
import './evidence.css';

/** `mayRecord`: the signed-in user may add and replace files here (MeasureDetail.recordRefusal is null); otherwise they are listed only. */
export function EvidencePanel({ measureId, mayRecord, periodId: periodProp }: { measureId: string; mayRecord: boolean; periodId?: string | undefined }) {
  const { t } = useTranslation('evidence');
  const sessionPeriod = useSession((s) => s.periodId);
  const periodId = periodProp ?? sessionPeriod;
  const shownFor = useEvidence((s) => s.measureId);
  const items = useEvidence((s) => s.measureItems);
  const adding = useEvidence((s) => s.pendingFor === measureId && s.pending.length > 0);

  useEffect(() => {
    void useEvidence.getState().loadConfig();
  }, []);
  useEffect(() => {
    void useEvidence.getState().loadMeasure(measureId);
  }, [measureId]);

  const all = shownFor === measureId ? items : [];
  // Earlier versions of replaced files are listed under their newer version, never on their own.
  const versions = versionsOf(all);
  const mine = all.filter((i) => !i.supersededBy);
  const now = mine.filter((i) => i.periodId === periodId);
  const other = mine.filter((i) => i.periodId !== periodId);
  return (
    <section className="block ev-panel" data-testid="evidence-panel" data-count={now.length}>
      <h3>
        {t('panelTitle')} <span className="muted small">{formatQuarter(periodId)}</span>
      </h3>
      {now.length > 0 ? <EvidenceList items={now} versions={versions} replaceable={mayRecord} changeable={mayRecord} /> : !adding && <p className="muted">{t('none')}</p>}
      {mayRecord && <AttachForm measureId={measureId} periodId={periodId} />}
      {mayRecord && <ReusePicker measureId={measureId} periodId={periodId} />}
      {other.length > 0 && (
        <details className="ev-other">
          <summary>
            {t('otherQuarters')}({other.length})
          </summary>
          <EvidenceList items={other} versions={versions} replaceable={mayRecord} changeable={mayRecord} />
        </details>
      )}
      <PreviewDialog />
    </section>
  );
}
