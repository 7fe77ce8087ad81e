// What the department shows the inspectors for one measure: text, units, workflow status, targets, narrative, evidence previews.
import { useTranslation } from 'react-i18next';
import type { InspectionFile, ReviewItem } from '../../../shared/inspections/types';
import { evidenceFileUrl } from '../evidence/transfer';
import { useSignedUrl } from '../api/useSignedUrl';
import { SignedLink } from '../components/SignedLink';

export function FilePreview({ f }: { f: InspectionFile }) {
  // File routes take signed links (a link cannot send the host's secret header).
  const view = useSignedUrl(evidenceFileUrl(f.sha256));
  return f.mime.startsWith('image/') ? (
    <a className="insp-thumb" href={view ?? undefined} target="_blank" rel="noreferrer" title={f.name} data-testid="file-preview">
      {view && <img src={view} alt={f.name} loading="lazy" />}
    </a>
  ) : (
    <SignedLink className="insp-file" path={evidenceFileUrl(f.sha256, true)} download={f.name} title={f.name} data-testid="file-preview">
      {f.name}
    </SignedLink>
  );
}

export function MeasurePane({ item }: { item: ReviewItem }) {
  const { t } = useTranslation('inspections');
  return (
    <section className="insp-measure" data-testid="review-measure" data-measure-id={item.measureId}>
      <h2>
        <span className="insp-num">{item.number}</span> {item.title}
      </h2>
      <dl className="insp-facts">
        {item.sectionHeading && (
          <>
            <dt>{t('section')}</dt>
            <dd>{item.sectionHeading}</dd>
          </>
        )}
        <dt>{t('leadUnits')}</dt>
        <dd>{item.lead.join('、') || '—'}</dd>
        <dt>{t('responsible')}</dt>
        <dd>{item.responsible.join('、') || '—'}</dd>
        <dt>{t('deadline')}</dt>
        <dd>{item.deadline ?? '—'}</dd>
        <dt>{t('workflow')}</dt>
        <dd data-testid="workflow-status">{item.status}</dd>
        {item.targets.length > 0 && (
          <>
            <dt>{t('targets')}</dt>
            <dd>{item.targets.join(';')}</dd>
          </>
        )}
      </dl>
      <h3>{t('narrative')}</h3>
      <p className={item.narrative ? 'insp-narrative' : 'muted'}>{item.narrative || t('noNarrative')}</p>
      <h3>{t('evidence')}</h3>
      {item.evidence.length ? (
        <div className="insp-files">
          {item.evidence.map((f) => (
            <FilePreview key={f.evidenceId} f={f} />
          ))}
        </div>
      ) : (
        <p className="muted">{t('noEvidence')}</p>
      )}
    </section>
  );
}
