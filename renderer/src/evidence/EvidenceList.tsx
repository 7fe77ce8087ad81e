// Rows of evidence files: name, what it is, quarter, size, and preview / download / details / remove.
import { useState } from 'react';
import type { EvidenceItem } from '../../../shared/api/evidence';
import { formatDay, formatQuarter } from '../format';
import { useEvidence } from './store';
import { evidenceFileUrl } from './transfer';
import { SignedLink } from '../components/SignedLink';
import { Facts } from './Preview';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../shared/sizes';

function EditMeta({ item, onDone }: { item: EvidenceItem; onDone(): void }) {
  const { t } = useTranslation('evidence');
  const [meta, setMeta] = useState({ description: item.description, docNumber: item.docNumber ?? '', docDate: item.docDate ?? '' });
  const update = useEvidence((s) => s.update);
  return (
    <form
      className="ev-edit"
      data-testid="evidence-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void update(item, meta).then((ok) => ok && onDone());
      }}
    >
      <input placeholder={t('description')} aria-label={t('description')} value={meta.description} maxLength={2000} onChange={(e) => setMeta({ ...meta, description: e.target.value })} />
      <input placeholder={t('docNumber')} aria-label={t('docNumber')} value={meta.docNumber} maxLength={200} onChange={(e) => setMeta({ ...meta, docNumber: e.target.value })} />
      <input type="date" aria-label={t('docDate')} title={t('docDateHint')} value={meta.docDate} onChange={(e) => setMeta({ ...meta, docDate: e.target.value })} />
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="evidence-edit-save">
          {t('save')}
        </button>
      </div>
    </form>
  );
}

function Row({ item, showMeasure }: { item: EvidenceItem; showMeasure: boolean }) {
  const { t } = useTranslation('evidence');
  const [open, setOpen] = useState(false);
  const { openPreview, remove, goToMeasure } = useEvidence.getState();
  const previewable = item.kind === 'image' || item.kind === 'pdf' || item.kind === 'text';
  return (
    <li className="ev-row" data-testid="evidence-row" data-evidence-id={item.id} data-sha256={item.sha256} data-kind={item.kind} data-period={item.periodId}>
      <div className="ev-row-main">
        <span className={`ev-kind ev-kind-${item.kind}`}>{t(`kinds.${item.kind}`)}</span>
        <span className="ev-name" title={item.name} data-testid="evidence-name">
          {item.name}
        </span>
        <span className="muted small">{formatSize(item.size)}</span>
        <span className="muted small">{item.docDate ? formatDay(item.docDate) : formatQuarter(item.periodId)}</span>
      </div>
      {showMeasure && (
        <button type="button" className="link-button ev-measure small" onClick={() => goToMeasure(item.measureId)} data-testid="evidence-measure">
          {item.measureNumber} {item.measureTitle}
        </button>
      )}
      {(item.docNumber || item.description) && (
        <div className="small">
          {item.docNumber && <span className="tag">{item.docNumber}</span>} {item.description}
        </div>
      )}
      <div className="ev-actions">
        {previewable ? (
          <button type="button" className="link-button" onClick={() => openPreview(item)} data-testid="evidence-preview-open">
            {t('preview')}
          </button>
        ) : null}
        <SignedLink className="link-button" path={evidenceFileUrl(item.sha256, true)} download={item.name}>
          {t('download')}
        </SignedLink>
        <button type="button" className="link-button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="evidence-details">
          {t('details')}
        </button>
        <button
          type="button"
          className="link-button ev-danger"
          data-testid="evidence-remove"
          onClick={() => {
            if (window.confirm(t('removeConfirm', { name: item.name }))) void remove(item);
          }}
        >
          {t('remove')}
        </button>
      </div>
      {open && (
        <>
          <Facts item={item} />
          <EditMeta item={item} onDone={() => setOpen(false)} />
        </>
      )}
    </li>
  );
}

export function EvidenceList({ items, showMeasure = false }: { items: EvidenceItem[]; showMeasure?: boolean }) {
  return (
    <ul className="ev-list" data-testid="evidence-list">
      {items.map((i) => (
        <Row key={i.id} item={i} showMeasure={showMeasure} />
      ))}
    </ul>
  );
}
