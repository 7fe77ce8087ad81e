// Choosing files (picker or drop), what the clerk says about each, and the progress bars with cancel.
import type { DragEvent } from 'react';
import { FileDropTarget } from '../components/FileDropTarget';
import { useApp } from '../stores/app';
import { useEvidence } from './store';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../shared/sizes';

export function AttachForm({ measureId, periodId }: { measureId: string; periodId: string }) {
  const { t } = useTranslation('evidence');
  const allPending = useEvidence((s) => s.pending);
  const pendingFor = useEvidence((s) => s.pendingFor);
  // Files chosen on another measure stay with it; here they are named, with the way back.
  const pending = pendingFor === measureId ? allPending : [];
  const elsewhere = pendingFor && pendingFor !== measureId ? allPending.length : 0;
  const uploads = useEvidence((s) => s.uploads);
  const busy = useEvidence((s) => s.busy);
  const maxBytes = useEvidence((s) => s.maxBytes);
  const { addFiles, setMeta, dropPending, attach, cancelAttach } = useEvidence.getState();
  const onDrop = (e: DragEvent): void => {
    // A dropped folder arrives as an entry that is not a file: refuse it with a message, keep the files.
    const folders = new Set(
      [...e.dataTransfer.items]
        .map((i) => i.webkitGetAsEntry?.())
        .filter((en) => en?.isDirectory)
        .map((en) => en!.name),
    );
    for (const name of folders) useApp.getState().notify('error', t('folder', { name }));
    addFiles([...e.dataTransfer.files].filter((f) => !folders.has(f.name)), { measureId, periodId });
  };

  return (
    <div className="ev-attach">
      {elsewhere > 0 && (
        <div className="warning" role="alert" data-testid="evidence-pending-elsewhere">
          {t('pendingElsewhere', { n: elsewhere })}{' '}
          <button type="button" className="link-button" onClick={() => pendingFor && useEvidence.getState().goToMeasure(pendingFor)}>
            {t('pendingBack')}
          </button>
        </div>
      )}
      <FileDropTarget className="dropzone ev-drop" testId="evidence-dropzone" disabled={busy} onDrop={onDrop}>
        <span>{t('drop')}</span>
        <span className="muted">{t('or')}</span>
        <label className={busy ? 'button disabled' : 'button'}>
          {t('choose')}
          <input
            type="file"
            multiple
            className="sr-only"
            disabled={busy}
            data-testid="evidence-file-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              addFiles(files, { measureId, periodId });
            }}
          />
        </label>
        <span className="muted small">{t('chooseHint', { max: formatSize(maxBytes) })}</span>
      </FileDropTarget>

      {pending.length > 0 && (
        <div className="ev-pending" data-testid="evidence-pending">
          <h4>{t('pending')}</h4>
          {pending.map((p) => {
            const up = uploads.find((u) => u.key === p.key);
            return (
              <div key={p.key} className="ev-pending-file" data-testid="pending-file">
                <div className="ev-pending-head">
                  <strong className="ev-name" title={p.file.name}>
                    {p.file.name}
                  </strong>
                  <span className="muted small">{formatSize(p.file.size)}</span>
                  {!busy && (
                    <button type="button" className="link-button" onClick={() => dropPending(p.key)}>
                      {t('removePending')}
                    </button>
                  )}
                </div>
                <div className="ev-meta">
                  <input placeholder={t('description')} aria-label={t('description')} value={p.meta.description} disabled={busy} maxLength={2000} onChange={(e) => setMeta(p.key, { description: e.target.value })} data-testid="pending-description" />
                  <input placeholder={t('docNumber')} aria-label={t('docNumber')} value={p.meta.docNumber} disabled={busy} maxLength={200} onChange={(e) => setMeta(p.key, { docNumber: e.target.value })} data-testid="pending-docnumber" />
                  <input type="date" aria-label={t('docDate')} title={t('docDateHint')} value={p.meta.docDate} disabled={busy} onChange={(e) => setMeta(p.key, { docDate: e.target.value })} data-testid="pending-docdate" />
                </div>
                {up && (
                  <div className="ev-progress-line">
                    <progress className="ev-progress" max={1} value={up.progress ?? undefined} data-testid="upload-progress" aria-label={`${t('uploading')} ${p.file.name}`} />
                    <span className="small muted">{up.progress === null ? '' : `${Math.floor(up.progress * 100)}%`}</span>
                  </div>
                )}
              </div>
            );
          })}
          {busy && uploads[0]?.step && <p className="muted small">{uploads[0].step}</p>}
          <div className="form-actions">
            {busy ? (
              <button type="button" className="button" onClick={cancelAttach} data-testid="attach-cancel">
                {t('cancel')}
              </button>
            ) : (
              <>
                <button type="button" className="button primary" onClick={() => void attach({ measureId, periodId })} data-testid="attach-submit">
                  {t('add', { n: pending.length })}
                </button>
                <button type="button" className="button" onClick={() => dropPending(null)}>
                  {t('clear')}
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
