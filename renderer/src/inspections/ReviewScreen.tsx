// One review on a meeting-room laptop: measures on the left, what the department shows in the middle, the verdict form on the right; keyboard first.
import { formatTime } from '../format';
import { SignedLink } from '../components/SignedLink';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/app';
import { useSession } from '../stores/session';
import { VERDICTS } from '../../../shared/inspections/types';
import { useInspections, type ReviewFilter } from './store';
import { ReviewItems, VERDICT_CLASS } from './ReviewItems';
import { MeasurePane } from './MeasurePane';
import { FIELD, VERDICT_KEYS, VerdictForm } from './VerdictForm';

function isField(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

/** Keys work anywhere on the screen except while typing in a field (Esc leaves the field). */
function onKey(e: KeyboardEvent): void {
  if (e.ctrlKey || e.altKey || e.metaKey || isField(e.target)) return;
  const s = useInspections.getState();
  const d = s.detail;
  if (!d) return;
  const item = d.items[s.visible[s.cursor] ?? -1];
  const readOnly = d.status === '已签署' || d.superseded;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const focus = (id: string): void => {
    e.preventDefault();
    document.getElementById(id)?.focus();
  };
  if (key === 'ArrowDown' || key === 'j') {
    e.preventDefault();
    s.move(s.cursor + 1);
  } else if (key === 'ArrowUp' || key === 'k') {
    e.preventDefault();
    s.move(s.cursor - 1);
  } else if (item && !readOnly && VERDICT_KEYS[key]) {
    e.preventDefault();
    void s.save(item.measureId, { verdict: VERDICT_KEYS[key] });
  } else if (item && !readOnly && key === 'f') focus(FIELD.finding);
  else if (item && !readOnly && key === 'r') focus(FIELD.requirement);
  else if (item && !readOnly && key === 'a') {
    e.preventDefault();
    document.getElementById(FIELD.file)?.click();
  } else if (key === 'Escape') useApp.getState().go('inspections');
}

function Progress() {
  const { t } = useTranslation('inspections');
  const c = useInspections((s) => s.detail?.counts);
  if (!c) return null;
  return (
    <div className="insp-progress" data-testid="review-progress" data-judged={c.total - c.未检查} data-total={c.total}>
      <span>{t('progress', { judged: c.total - c.未检查, total: c.total })}</span>
      <span className="insp-bar" aria-hidden>
        {VERDICTS.map((v) => (
          <span key={v} className={`seg verdict-${VERDICT_CLASS[v]}`} style={{ flexGrow: c[v] }} />
        ))}
      </span>
      {VERDICTS.map((v) => (
        <span key={v} className={`verdict verdict-${VERDICT_CLASS[v]}`} data-testid={`count-${v}`} data-count={c[v]}>
          {v} {c[v]}
        </span>
      ))}
    </div>
  );
}

function Actions() {
  const { t } = useTranslation('inspections');
  const d = useInspections((s) => s.detail);
  const verify = useInspections((s) => s.verify);
  const exports = useInspections((s) => s.exports);
  const userId = useSession((s) => s.info?.user?.id);
  if (!d) return null;
  const st = useInspections.getState();
  const signed = d.status === '已签署';
  return (
    <div className="insp-actions">
      {!signed && !d.superseded && (
        <button type="button" className="primary" disabled={d.leadId !== userId} title={d.leadName ?? ''} onClick={() => window.confirm(t('signConfirm')) && void st.sign()} data-testid="review-sign">
          {t('sign')}
        </button>
      )}
      {d.signature && (
        <span className="small muted" data-testid="review-signature" data-sha256={d.signature.sha256}>
          {t('signedBy', { name: d.signature.signerName, at: formatTime(d.signature.signedAt) })}
        </span>
      )}
      {signed && (
        <button type="button" onClick={() => void st.runVerify()} data-testid="review-verify">
          {t('verify')}
        </button>
      )}
      {signed && !d.superseded && (
        <button type="button" onClick={() => void st.revise()} data-testid="review-revise">
          {t('revise')}
        </button>
      )}
      <button type="button" onClick={() => void st.exportAs('docx')} data-testid="export-docx">
        {t('exportDocx')}
      </button>
      <button type="button" onClick={() => void st.exportAs('pdf')} data-testid="export-pdf">
        {t('exportPdf')}
      </button>
      {exports.map((x) =>
        x.done ? (
          <SignedLink key={x.key} path={x.done.downloadUrl} download={x.done.fileName} data-testid="review-download" data-format={x.format}>
            {t('download', { name: x.done.fileName })}
          </SignedLink>
        ) : (
          <span key={x.key} className="small muted" data-testid="review-exporting" data-state={x.state}>
            {x.state === 'running' ? t('exporting') : t('notSaved')}
          </span>
        ),
      )}
      {verify && (
        <span className={`tag ${verify.ok ? 'tag-info' : 'tag-danger'}`} data-testid="verify-result" data-ok={verify.ok}>
          {verify.ok ? t('verifyOk') : t('verifyChanged', { n: verify.changedMeasures.length, files: verify.damagedFiles.length })}
        </span>
      )}
    </div>
  );
}

export function ReviewScreen({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation('inspections');
  const d = useInspections((s) => s.detail);
  const filter = useInspections((s) => s.filter);
  const shown = useInspections((s) => s.visible.length);
  const item = useInspections((s) => (s.detail ? s.detail.items[s.visible[s.cursor] ?? -1] : undefined));

  useEffect(() => {
    void useInspections.getState().open(reviewId);
  }, [reviewId]);
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!d || d.id !== reviewId) return <p className="muted insp-loading">…</p>;
  const readOnly = d.status === '已签署' || d.superseded;
  const filters: [ReviewFilter, string][] = [
    ['all', t('filterAll')],
    ['unchecked', t('filterUnchecked')],
    ['failed', t('filterFailed')],
  ];
  return (
    <div className="insp-review" data-testid="review-screen" data-status={d.status}>
      <header className="insp-head">
        <button type="button" className="link-button" onClick={() => useApp.getState().go('inspections')}>
          ← {t('back')}
        </button>
        <h1>
          {d.name} <span className="muted small">{t('revision', { n: d.revision })}</span>{' '}
          <span className={`tag ${d.status === '已签署' ? 'tag-info' : 'tag-warn'}`} data-testid="review-status">
            {d.status === '已签署' ? t('signed') : t('inProgress')}
          </span>
          {d.superseded && <span className="tag tag-danger">{t('superseded')}</span>}
        </h1>
        <Progress />
        <div className="insp-filters" role="group">
          {filters.map(([f, label]) => (
            <button key={f} type="button" aria-pressed={filter === f} className={filter === f ? 'chosen' : ''} onClick={() => useInspections.getState().setFilter(f)} data-testid={`filter-${f}`}>
              {label}
            </button>
          ))}
          <span className="small muted">{t('shown', { n: shown })}</span>
        </div>
        <Actions />
      </header>
      {readOnly && <p className="insp-readonly small">{t('readOnly')}</p>}
      <div className="insp-body">
        <ReviewItems />
        {item ? <MeasurePane item={item} /> : <section className="insp-measure" />}
        {item ? <VerdictForm key={item.measureId} item={item} readOnly={readOnly} /> : <section className="insp-form" />}
      </div>
      <footer className="insp-keys small muted">{t('keys')}</footer>
    </div>
  );
}
