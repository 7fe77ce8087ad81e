// The measure's change log: who changed which field when, old value → new value.
import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from '../../../../shared/model';
import { i18n } from '../../i18n/index';
import { formatQuarter, formatTime } from '../../format';

const SHORT = 60;

/** "status:2024-Q3" → 2024年第三季度状态; unknown fields as stored. */
function fieldLabel(e: ChangeEntry): string {
  const [name, period] = (e.field ?? '').split(':');
  if ((name === 'status' || name === 'narrative') && period) return i18n.t(`detail.historyField.${name}`, { quarter: formatQuarter(period) });
  return e.field ?? e.entity;
}

function actionLabel(action: string): string {
  return action === 'create' || action === 'update' || action === 'delete' || action === 'import' ? i18n.t(`detail.historyAction.${action}`) : action;
}

function Value({ v }: { v: string | null }) {
  const { t } = useTranslation();
  if (v === null || v === '') return <span className="muted">{t('detail.empty')}</span>;
  return <span title={v.length > SHORT ? v : undefined}>{v.length > SHORT ? `${v.slice(0, SHORT)}…` : v}</span>;
}

export function History({ entries }: { entries: ChangeEntry[] }) {
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
              <div>
                <strong>{fieldLabel(e)}</strong>:<Value v={e.oldValue} /> → <Value v={e.newValue} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
