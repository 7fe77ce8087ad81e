// The preview dialog: images and PDFs drawn in the app, plain text decoded (UTF-8, else GB18030), the words of Word and
// Excel files read by the host, the rest downloaded.
import { useCallback, useEffect, useState } from 'react';
import type { EvidenceItem } from '../../../shared/api/evidence';
import { formatQuarter, formatTime, formatDay } from '../format';
import { useEvidence } from './store';
import { evidenceFileUrl } from './transfer';
import { SignedLink } from '../components/SignedLink';
import { useSignedUrl } from '../api/useSignedUrl';
import { PdfView } from './PdfView';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../shared/sizes';
import { api } from '../api/client';
import { messageOf } from '../stores/app';
import { useSession } from '../stores/session';
import { hasTextPreview, typeName } from './kinds';

const TEXT_LIMIT = 2 * 1024 * 1024;

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function TextView({ url, onError }: { url: string; onError(): void }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    void fetch(url, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        const bytes = new Uint8Array(await r.arrayBuffer());
        if (!gone) setText(decode(bytes.subarray(0, TEXT_LIMIT)));
      })
      .catch(() => !gone && onError());
    return () => {
      gone = true;
    };
  }, [url, onError]);
  return (
    <pre className="ev-text" data-testid="text-view">
      {text ?? ''}
    </pre>
  );
}

/** The words of a .docx or .xlsx, extracted by the host's reader worker. */
function OfficeTextView({ id }: { id: string }) {
  const { t } = useTranslation('evidence');
  const [state, setState] = useState<{ text: string; truncated: boolean } | { error: string } | null>(null);
  useEffect(() => {
    let gone = false;
    setState(null);
    api['evidence.text']({ id })
      .then((r) => !gone && setState(r))
      .catch((e: unknown) => !gone && setState({ error: messageOf(e) }));
    return () => {
      gone = true;
    };
  }, [id]);
  if (!state) return <p className="muted">{t('textLoading')}</p>;
  if ('error' in state) return <p className="inline-error">{state.error}</p>;
  return (
    <>
      {state.truncated && <p className="muted small">{t('textTruncated')}</p>}
      <pre className="ev-text" data-testid="office-text-view">
        {state.text || t('textEmpty')}
      </pre>
    </>
  );
}

export function Facts({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation('evidence');
  // Format and hash are for checking a file, not for recording work: supervisors find them in a fold.
  const supervisor = useSession((s) => s.info?.user?.role === 'supervisor');
  return (
    <>
      <dl className="facts ev-facts" data-testid="evidence-facts">
        <dt>{t('measure')}</dt>
        <dd>
          {item.measureNumber} {item.measureTitle}
        </dd>
        <dt>{t('quarter')}</dt>
        <dd>{formatQuarter(item.periodId)}</dd>
        {item.docNumber && (
          <>
            <dt>{t('docNumber')}</dt>
            <dd>{item.docNumber}</dd>
          </>
        )}
        {item.docDate && (
          <>
            <dt>{t('docDate')}</dt>
            <dd>{formatDay(item.docDate)}</dd>
          </>
        )}
        {item.description && (
          <>
            <dt>{t('description')}</dt>
            <dd>{item.description}</dd>
          </>
        )}
        <dt>{t('size')}</dt>
        <dd>{formatSize(item.size)}</dd>
        <dt>{t('type')}</dt>
        <dd>{typeName(item)}</dd>
        <dt>{t('addedBy')}</dt>
        <dd>
          {item.addedByName ?? ''} {formatTime(item.addedAt)}
        </dd>
      </dl>
      {supervisor && (
        <details className="ev-tech" data-testid="evidence-tech">
          <summary>{t('tech')}</summary>
          <dl className="facts">
            <dt>{t('mime')}</dt>
            <dd>{item.mime}</dd>
            <dt>{t('sha256')}</dt>
            <dd className="ev-hash" data-testid="evidence-sha256">
              {item.sha256}
            </dd>
          </dl>
        </details>
      )}
    </>
  );
}

export function PreviewDialog() {
  const { t } = useTranslation('evidence');
  const item = useEvidence((s) => s.preview);
  const close = useEvidence((s) => s.openPreview);
  const [failed, setFailed] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const url = useSignedUrl(item ? evidenceFileUrl(item.sha256) : '');

  useEffect(() => {
    setFailed(false);
    if (!item) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') close(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [item, close]);

  if (!item) return null;
  let body;
  if (!url) body = null;
  else if (failed) body = <p className="inline-error">{t('previewFailed')}</p>;
  else if (item.kind === 'image') body = <img className="ev-image" src={url} alt={item.name} data-testid="image-view" onError={onError} />;
  else if (item.kind === 'pdf') body = <PdfView url={url} onError={onError} />;
  else if (item.kind === 'text') body = <TextView url={url} onError={onError} />;
  else if (hasTextPreview(item)) body = <OfficeTextView id={item.id} />;
  else body = <p className="muted">{t('noPreview')}</p>;

  return (
    <div className="ev-overlay" onClick={() => close(null)}>
      <div className="ev-dialog" role="dialog" aria-modal="true" aria-label={item.name} data-testid="evidence-preview" data-kind={item.kind} onClick={(e) => e.stopPropagation()}>
        <div className="ev-dialog-head">
          <h2 className="ev-name">{item.name}</h2>
          <SignedLink className="button" path={evidenceFileUrl(item.sha256, true)} download={item.name} data-testid="preview-download">
            {t('download')}
          </SignedLink>
          <button type="button" className="button" onClick={() => close(null)} data-testid="preview-close">
            {t('close')}
          </button>
        </div>
        <div className="ev-dialog-body">{body}</div>
        <Facts item={item} />
      </div>
    </div>
  );
}
