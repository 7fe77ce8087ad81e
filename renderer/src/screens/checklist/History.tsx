// The measure's change log: who changed which field when, old value → new value.
import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from '../../../../shared/model';
import { i18n } from '../../i18n/index';
import { formatQuarter, formatTime, plainValue } from '../../format';
import { wordDiff } from '../../../../shared/word-diff';

const SHORT = 60;

const EVIDENCE_FIELDS = { description: 'evidenceDescription', docNumber: 'evidenceDocNumber', docDate: 'evidenceDocDate', period: 'evidencePeriod' } as const;

/** "status:2024-Q3" → 2024年第三季度状态, "evidence.docNumber:通知.pdf" → 佐证材料“通知.pdf”的文号; unknown fields as stored. */
function fieldLabel(e: ChangeEntry, targets?: readonly string[]): string {
  const field = e.field ?? '';
  const colon = field.indexOf(':');
  const name = colon < 0 ? field : field.slice(0, colon);
  const rest = colon < 0 ? '' : field.slice(colon + 1);
  if ((name === 'status' || name === 'narrative' || name === 'evidence') && rest) return i18n.t(`detail.historyField.${name}`, { quarter: formatQuarter(rest) });
  if (name === 'target' && rest) {
    const [quarter = '', index = '0'] = rest.split(':');
    return i18n.t('daily:historyTarget', { quarter: formatQuarter(quarter), target: targets?.[Number(index)] ?? '' });
  }
  const sub = name.startsWith('evidence.') ? EVIDENCE_FIELDS[name.slice('evidence.'.length) as keyof typeof EVIDENCE_FIELDS] : undefined;
  if (sub) return i18n.t(`detail.historyField.${sub}`, { name: rest });
  return field || e.entity;
}

function actionLabel(action: string): string {
  return action === 'create' || action === 'update' || action === 'delete' || action === 'import' ? i18n.t(`detail.historyAction.${action}`) : action;
}

function Value({ v: stored }: { v: string | null }) {
  const { t } = useTranslation();
  if (stored === null || stored === '') return <span className="muted">{t('detail.empty')}</span>;
  const v = plainValue(stored);
  return <span title={v.length > SHORT ? v : undefined}>{v.length > SHORT ? `${v.slice(0, SHORT)}…` : v}</span>;
}

/** A long text's change shown where it happened: removed words struck through, added ones marked. */
function Diff({ before, after }: { before: string; after: string }) {
  // Texts of tens of thousands of characters are shown whole rather than diffed (the table would be too large).
  if (before.length + after.length > 8000) return <span>{after}</span>;
  return (
    <span className="word-diff" data-testid="history-diff">
      {wordDiff(before, after).map((p, i) =>
        p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'added' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>,
      )}
    </span>
  );
}

export function History({ entries, targets }: { entries: ChangeEntry[]; targets?: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <section className="block">
      <h3>{t('detail.history')}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t('detail.noHistory')}</p>
      ) : (
        <ol className="history" data-testid="history">
          {entries.map((e) => (
            <li key={e.id} className="history-entry" data-testid="history-entry" data-field={e.field ?? ''}>
              <div className="muted small">
                {formatTime(e.at)} · {e.userName ?? t('detail.unknownUser')} · {actionLabel(e.action)}
              </div>
              {(e.oldValue?.length ?? 0) > SHORT || (e.newValue?.length ?? 0) > SHORT ? (
                <div>
                  <strong>{fieldLabel(e, targets)}</strong>:<Diff before={e.oldValue ?? ''} after={e.newValue ?? ''} />
                </div>
              ) : (
                <div>
                  <strong>{fieldLabel(e, targets)}</strong>:<Value v={e.oldValue} /> → <Value v={e.newValue} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
