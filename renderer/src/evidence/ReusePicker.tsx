// Attaching a file already in the store to this measure: found by name, 文号 or date, added without copying it again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { reportError } from '../stores/app';
import { formatDay, formatQuarter } from '../format';
import type { EvidencePick } from '../../../shared/api/evidence';
import { formatSize } from '../../../shared/sizes';
import { useEvidence } from './store';
import { typeName } from './kinds';

/** Typing pauses this long before the search runs, so each keystroke does not ask the host. */
const TYPING_MS = 250;

export function ReusePicker({ measureId, periodId }: { measureId: string; periodId: string }) {
  const { t } = useTranslation('evidence');
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<EvidencePick[] | null>(null);
  const [adding, setAdding] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let gone = false;
    const timer = setTimeout(() => {
      api['evidence.pick']({ query, excludeMeasureId: measureId, limit: 30 })
        .then((r) => !gone && setFound(r))
        .catch((e: unknown) => !gone && reportError(e));
    }, TYPING_MS);
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [open, query, measureId]);

  if (!open) {
    return (
      <button type="button" className="button ev-pick-open" onClick={() => setOpen(true)} data-testid="evidence-pick-open">
        {t('pickOpen')}
      </button>
    );
  }
  return (
    <div className="ev-pick" data-testid="evidence-picker">
      <div className="ev-pick-head">
        <input
          type="search"
          aria-label={t('pickLabel')}
          placeholder={t('pickPlaceholder')}
          value={query}
          maxLength={200}
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
          data-testid="evidence-pick-query"
        />
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('pickClose')}
        </button>
      </div>
      {found && found.length === 0 && <p className="muted small">{t('pickNone')}</p>}
      <ul className="ev-pick-list" aria-busy={found === null}>
        {(found ?? []).map((f) => (
          <li key={f.sha256} className="ev-pick-row" data-testid="evidence-pick-row" data-evidence-id={f.id}>
            <div className="ev-row-main">
              <span className={`ev-kind ev-kind-${f.kind}`}>{typeName(f)}</span>
              <span className="ev-name" title={f.name}>
                {f.name}
              </span>
              <span className="muted small">{formatSize(f.size)}</span>
              <span className="muted small">{f.docDate ? formatDay(f.docDate) : formatQuarter(f.periodId)}</span>
            </div>
            <div className="small">
              {f.docNumber && <span className="tag">{f.docNumber}</span>}{' '}
              <span className="muted">
                {f.measureNumber} {f.measureTitle} · {t('pickUses', { n: f.uses })}
              </span>
            </div>
            <button
              type="button"
              className="button small"
              disabled={adding !== null}
              data-testid="evidence-pick-use"
              onClick={() => {
                setAdding(f.id);
                void useEvidence
                  .getState()
                  .reuse(f.id, { measureId, periodId })
                  .then((ok) => {
                    setAdding(null);
                    if (ok) setFound((list) => (list ?? []).filter((x) => x.sha256 !== f.sha256));
                  });
              }}
            >
              {t('pickUse')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
