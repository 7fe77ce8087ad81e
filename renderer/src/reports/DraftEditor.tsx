// The report draft editor: 版头 and 落款 fields, each block editable with its marks (edited, ledger changed), headline figures to insert, save and export.
import { useTranslation } from 'react-i18next';
import { useDraft } from './draft-store';
import type { DraftBlockView, DraftHeader } from '../../../shared/report/draft';
import type { ReportsDict } from '../i18n/reports';

const HEADER_FIELDS: { key: keyof DraftHeader; label: keyof ReportsDict; type?: 'date' }[] = [
  { key: 'mark', label: 'draftMark' },
  { key: 'docNumber', label: 'draftDocNumber' },
  { key: 'signer', label: 'draftSigner' },
  { key: 'recipient', label: 'draftRecipient' },
  { key: 'issuer', label: 'draftIssuer' },
  { key: 'date', label: 'draftDate', type: 'date' },
];

function Block({ b }: { b: DraftBlockView }) {
  const { t } = useTranslation('reports');
  const text = useDraft((s) => s.texts[b.key] ?? b.text);
  const confirm = useDraft((s) => s.confirm);
  const { edit, setFocus, regenerate, cancelConfirm } = useDraft.getState();
  const changed = text !== b.text;
  const edited = b.edited || changed;
  const track = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => setFocus(b.key, e.currentTarget.selectionStart ?? e.currentTarget.value.length);
  const common = {
    value: text,
    onChange: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      edit(b.key, e.currentTarget.value);
      track(e);
    },
    onSelect: track,
    onFocus: track,
    'data-testid': 'draft-text',
    'aria-label': b.key,
  };
  return (
    <div className={`draft-block draft-${b.kind}`} data-testid="draft-block" data-key={b.key} data-kind={b.kind} data-stale={b.stale} data-edited={edited}>
      {b.kind === 'p' ? <textarea rows={Math.min(12, Math.max(2, Math.ceil(text.length / 38)))} {...common} /> : <input type="text" {...common} />}
      <div className="draft-marks">
        {edited && <span className="tag">{t('draftEdited')}</span>}
        {b.stale && (
          <>
            <span className="tag tag-warn" data-testid="draft-stale">{t('draftStale')}</span>
            <button type="button" className="link-button" onClick={() => void regenerate([b.key])} data-testid="draft-regenerate">
              {t('draftRegenerate')}
            </button>
          </>
        )}
      </div>
      {confirm?.includes(b.key) && (
        <div className="draft-confirm" role="alertdialog" data-testid="draft-confirm">
          <span>{t('draftConfirm')}</span>
          <button type="button" onClick={() => void regenerate([b.key], true)} data-testid="draft-confirm-yes">
            {t('draftConfirmYes')}
          </button>
          <button type="button" onClick={cancelConfirm} data-testid="draft-confirm-no">
            {t('draftConfirmNo')}
          </button>
        </div>
      )}
    </div>
  );
}

export function DraftEditor({ onExport }: { onExport: (draftId: string) => void }) {
  const { t } = useTranslation('reports');
  const { draft, header, dirty, saving } = useDraft();
  const { setHeader, save, insert, close } = useDraft.getState();
  if (!draft || !header) return null;
  const status = saving ? t('draftSaving') : dirty ? t('draftUnsaved') : draft.versions.length ? t('draftSaved', { n: draft.versions.length }) : t('draftNeverSaved');
  return (
    <div className="draft-editor" data-testid="draft-editor">
      <div className="draft-bar">
        <strong>{t('draftTitle')}</strong>
        <span className={dirty ? 'tag tag-warn' : 'muted small'} data-testid="draft-status" data-dirty={dirty}>
          {status}
        </span>
        <span className="draft-bar-actions">
          <button type="button" className="primary" disabled={!dirty || saving} onClick={() => void save()} data-testid="draft-save">
            {t('draftSave')}
          </button>
          <button
            type="button"
            disabled={saving}
            onClick={() => void (async () => {
              if (dirty && !(await save())) return;
              onExport(draft.id);
            })()}
            data-testid="draft-export"
          >
            {t('draftExport')}
          </button>
          <button type="button" onClick={() => (!dirty || window.confirm(t('draftLeaveConfirm'))) && close()} data-testid="draft-close">
            {t('draftClose')}
          </button>
        </span>
      </div>
      <p className="muted small">{t('draftHint')}</p>
      <details className="draft-header">
        <summary>{t('draftHeader')}</summary>
        <div className="draft-header-grid">
          {HEADER_FIELDS.map((f) => (
            <label key={f.key}>
              <span>{t(f.label)}</span>
              <input type={f.type ?? 'text'} value={header[f.key]} onChange={(e) => setHeader({ [f.key]: e.currentTarget.value })} data-testid={`draft-${f.key}`} />
            </label>
          ))}
        </div>
      </details>
      {draft.headlines.length > 0 && (
        <div className="draft-headlines" title={t('draftHeadlinesHint')}>
          <span className="muted small">{t('draftHeadlines')}</span>
          {draft.headlines.map((h) => (
            // Keeps the focus (and the caret) in the block being edited.
            <button key={h} type="button" className="chip" onMouseDown={(e) => e.preventDefault()} onClick={() => insert(h)} data-testid="draft-headline">
              {h}
            </button>
          ))}
        </div>
      )}
      <div className="draft-blocks">
        {draft.blocks.map((b) => (
          <Block key={b.key} b={b} />
        ))}
      </div>
    </div>
  );
}
