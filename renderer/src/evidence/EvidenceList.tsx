// Rows of evidence files: name, what it is, quarter, size, and preview / download / details / replace / remove; earlier versions in a fold.
import { useState } from 'react';
import type { EvidenceItem } from '../../../shared/api/evidence';
import { formatDay, formatQuarter } from '../format';
import { useEvidence } from './store';
import { evidenceFileUrl } from './transfer';
import { SignedLink } from '../components/SignedLink';
import { Facts } from './Preview';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../shared/sizes';
import { canPreview, typeName } from './kinds';

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

/** The earlier versions of a replaced file, newest first: still downloadable, never counted. */
function History({ versions }: { versions: EvidenceItem[] }) {
  const { t } = useTranslation('evidence');
  const openPreview = useEvidence((s) => s.openPreview);
  return (
    <details className="ev-history" data-testid="evidence-history">
      <summary>
        {t('history')}({versions.length})
      </summary>
      <ul className="ev-history-list">
        {versions.map((v) => (
          <li key={v.id} data-testid="evidence-history-row" data-evidence-id={v.id}>
            <span className="ev-name" title={v.name}>
              {v.name}
            </span>
            <span className="muted small">{formatSize(v.size)}</span>
            <span className="muted small">{formatDay(v.docDate ?? v.addedAt)}</span>
            {canPreview(v) && (
              <button type="button" className="link-button" onClick={() => openPreview(v)}>
                {t('preview')}
              </button>
            )}
            <SignedLink className="link-button" path={evidenceFileUrl(v.sha256, true)} download={v.name} data-testid="evidence-history-download">
              {t('download')}
            </SignedLink>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Row({ item, showMeasure, versions, replaceable, changeable }: { item: EvidenceItem; showMeasure: boolean; versions: EvidenceItem[]; replaceable: boolean; changeable: boolean }) {
  const { t } = useTranslation('evidence');
  const [open, setOpen] = useState(false);
  const busy = useEvidence((s) => s.busy);
  const { openPreview, remove, goToMeasure, replace } = useEvidence.getState();
  const previewable = canPreview(item);
  return (
    <li className="ev-row" data-testid="evidence-row" data-evidence-id={item.id} data-sha256={item.sha256} data-kind={item.kind} data-period={item.periodId}>
      <div className="ev-row-main">
        <span className={`ev-kind ev-kind-${item.kind}`}>{typeName(item)}</span>
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
        {replaceable && (
          <label className={busy ? 'link-button disabled' : 'link-button'} title={t('replaceHint')}>
            {t('replace')}
            <input
              type="file"
              className="sr-only"
              disabled={busy}
              data-testid="evidence-replace-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void replace(item, file);
              }}
            />
          </label>
        )}
        {changeable && (
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
        )}
      </div>
      {open && (
        <>
          <Facts item={item} />
          {changeable && <EditMeta item={item} onDone={() => setOpen(false)} />}
        </>
      )}
      {versions.length > 0 && <History versions={versions} />}
    </li>
  );
}

/** Earlier versions of each current file (by its id), walked back through what each one replaced, newest first. */
export function versionsOf(all: readonly EvidenceItem[]): Map<string, EvidenceItem[]> {
  const replacedBy = new Map<string, EvidenceItem[]>();
  for (const i of all) if (i.supersededBy) replacedBy.set(i.supersededBy, [...(replacedBy.get(i.supersededBy) ?? []), i]);
  const out = new Map<string, EvidenceItem[]>();
  for (const i of all) {
    if (i.supersededBy) continue;
    const chain: EvidenceItem[] = [];
    const seen = new Set([i.id]);
    let frontier = [i.id];
    while (frontier.length) {
      const older = frontier.flatMap((id) => replacedBy.get(id) ?? []).filter((v) => !seen.has(v.id));
      older.sort((a, b) => b.addedAt.localeCompare(a.addedAt));
      for (const v of older) seen.add(v.id);
      chain.push(...older);
      frontier = older.map((v) => v.id);
    }
    if (chain.length) out.set(i.id, chain);
  }
  return out;
}

export function EvidenceList<T extends EvidenceItem>({
  items,
  showMeasure = false,
  versions,
  replaceable = false,
  changeable = true,
}: {
  items: T[];
  showMeasure?: boolean;
  versions?: ReadonlyMap<string, EvidenceItem[]>;
  replaceable?: boolean;
  /** Offers removing files and editing what is said of them (false where the signed-in user may not record), for all or per file. */
  changeable?: boolean | ((item: T) => boolean);
}) {
  return (
    <ul className="ev-list" data-testid="evidence-list">
      {items.map((i) => (
        <Row key={i.id} item={i} showMeasure={showMeasure} versions={versions?.get(i.id) ?? []} replaceable={replaceable} changeable={typeof changeable === 'function' ? changeable(i) : changeable} />
      ))}
    </ul>
  );
}
