// 合并冲突: what merges could not decide alone (keep mine / take theirs / edit), and the audit trail check.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { STATUSES } from '../../../shared/model';
import { VERDICTS } from '../../../shared/inspections/types';
import type { ConflictItem, ConflictSide } from '../../../shared/api/exchange';
import { formatQuarter, formatTime, statusLabel } from '../format';
import { useMayCall } from '../stores/may-call';
import { useApp } from '../stores/app';
import { useConflicts, type Choice } from './conflicts-store';
import './conflicts.css';

function shown(c: ConflictItem, v: string): string {
  return c.field === 'status' && (STATUSES as readonly string[]).includes(v) ? statusLabel(v as (typeof STATUSES)[number]) : v;
}

function fieldLabel(c: ConflictItem, t: TFunction<'conflicts'>): string {
  if (c.field === 'verdict' || c.field === 'finding') {
    return t(c.field === 'verdict' ? 'fieldVerdict' : 'fieldFinding', { review: c.reviewName ?? c.reviewId ?? '', revision: c.reviewRevision ?? 1 });
  }
  return t(c.field === 'status' ? 'fieldStatus' : 'fieldNarrative', { quarter: formatQuarter(c.periodId) });
}

function Side({ c, side, label, kept }: { c: ConflictItem; side: ConflictSide; label: string; kept: boolean }) {
  const { t } = useTranslation('conflicts');
  return (
    <div className={`cf-side${kept ? ' cf-kept' : ''}`} data-testid={`conflict-${label === t('mine') ? 'mine' : 'theirs'}`}>
      <div className="muted small">
        {label}
        {kept && <span className="cf-badge">{t('kept')}</span>} · {t('by', { name: side.authorName ?? t('unknownUser'), time: formatTime(side.at) })}
      </div>
      <div className="cf-value">{side.value === '' ? <span className="muted">{t('empty')}</span> : shown(c, side.value)}</div>
    </div>
  );
}

function Editor({ c, onDone }: { c: ConflictItem; onDone(choice: Choice | null): void }) {
  const { t } = useTranslation('conflicts');
  const [value, setValue] = useState(c.kept === 'mine' ? c.mine.value : c.theirs.value);
  return (
    <div className="cf-edit">
      {c.field === 'status' ? (
        <select value={value} onChange={(e) => setValue(e.target.value)} data-testid="conflict-edit-value">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      ) : c.field === 'verdict' ? (
        <select value={value} onChange={(e) => setValue(e.target.value)} data-testid="conflict-edit-value">
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <textarea rows={4} value={value} onChange={(e) => setValue(e.target.value)} data-testid="conflict-edit-value" />
      )}
      <button type="button" className="button primary" onClick={() => onDone({ value })} data-testid="conflict-edit-save">
        {t('save')}
      </button>
      <button type="button" className="button" onClick={() => onDone(null)}>
        {t('cancel')}
      </button>
    </div>
  );
}

function Conflict({ c, canResolve }: { c: ConflictItem; canResolve: boolean }) {
  const { t } = useTranslation('conflicts');
  const saving = useConflicts((s) => s.saving === c.id);
  const [editing, setEditing] = useState(false);
  const resolve = useConflicts((s) => s.resolve);
  const how = c.resolution ? t(c.resolution.choice === 'mine' ? 'resolvedMine' : c.resolution.choice === 'theirs' ? 'resolvedTheirs' : 'resolvedEdit') : '';
  const field = fieldLabel(c, t);
  return (
    <li className="cf-item" data-testid="conflict" data-id={c.id} data-field={c.field}>
      <div className="cf-head">
        <button type="button" className="link-button" onClick={() => useApp.getState().go('checklist', c.measureId)}>
          {c.measureNumber ?? ''} {c.measureTitle ?? c.measureId}
        </button>
        <span className="muted">{field}</span>
      </div>
      <div className="cf-sides">
        <Side c={c} side={c.mine} label={t('mine')} kept={c.kept === 'mine'} />
        <Side c={c} side={c.theirs} label={t('theirs')} kept={c.kept === 'theirs'} />
      </div>
      {c.resolution ? (
        <p className="muted small" data-testid="conflict-resolved">
          {t('resolved', { how, name: c.resolvedByName ?? t('unknownUser'), time: formatTime(c.resolvedAt) })}
        </p>
      ) : editing ? (
        <Editor
          c={c}
          onDone={(choice) => {
            if (!choice) return setEditing(false);
            void resolve(c.id, choice).then((ok) => ok && setEditing(false));
          }}
        />
      ) : (
        <div className="cf-actions">
          <button type="button" className="button" disabled={!canResolve || saving} onClick={() => void resolve(c.id, 'mine')} data-testid="conflict-keep-mine">
            {t('keepMine')}
          </button>
          <button type="button" className="button" disabled={!canResolve || saving} onClick={() => void resolve(c.id, 'theirs')} data-testid="conflict-take-theirs">
            {t('takeTheirs')}
          </button>
          <button type="button" className="button" disabled={!canResolve || saving} onClick={() => setEditing(true)} data-testid="conflict-edit">
            {t('edit')}
          </button>
        </div>
      )}
    </li>
  );
}

function AuditBox() {
  const { t } = useTranslation('conflicts');
  const { audit, auditing, verifyAudit } = useConflicts();
  return (
    <section className="cf-audit" data-testid="audit-box">
      <h3>{t('auditTitle')}</h3>
      <button type="button" className="button" disabled={auditing} onClick={() => void verifyAudit()} data-testid="audit-verify">
        {t('auditVerify')}
      </button>
      {audit &&
        (audit.ok ? (
          <p data-testid="audit-ok">{t('auditOk')}</p>
        ) : (
          <div data-testid="audit-problems">
            <p className="cf-error">{t('auditBad', { n: audit.problems.length })}</p>
            <ul>
              {audit.problems.map((p) => (
                <li key={`${p.replicaId}${p.hlc}${p.kind}`} className="small">
                  {t(`auditKind.${p.kind}`)} · {p.detail} · {formatTime(p.hlc.slice(0, 24))} · {p.replicaId} #{p.seq ?? '—'}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}

/** The panel: a screen of its own, or a tab of the 交换 screen. */
export function ConflictsPanel() {
  const { t } = useTranslation('conflicts');
  const { items, showResolved, loading, load, setShowResolved } = useConflicts();
  const canResolve = useMayCall('conflicts.resolve');
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="page conflicts" data-testid="conflicts">
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {!canResolve && <p className="muted small">{t('onlySupervisor')}</p>}
      <div className="cf-toolbar">
        <label>
          <input type="checkbox" checked={showResolved} onChange={(e) => void setShowResolved(e.target.checked)} /> {t('showResolved')}
        </label>
        <button type="button" className="button" disabled={loading} onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      {items.length === 0 && !loading ? (
        <p className="muted" data-testid="conflicts-none">
          {showResolved ? t('noneAtAll') : t('none')}
        </p>
      ) : (
        <ul className="cf-list">
          {items.map((c) => (
            <Conflict key={c.id} c={c} canResolve={canResolve} />
          ))}
        </ul>
      )}
      <AuditBox />
    </div>
  );
}
