// The conflicts merges found and no supervisor has resolved yet, read-only (resolving belongs to the conflicts panel of the exchange core).
import { formatQuarter } from '../format';
import { useTranslation } from 'react-i18next';
import { useExchange } from './store';

function shown(json: string): string {
  try {
    const v = JSON.parse(json) as unknown;
    return typeof v === 'string' ? v : json;
  } catch {
    return json;
  }
}

export function OpenConflicts() {
  const { t } = useTranslation('exchange');
  const conflicts = useExchange((x) => x.conflicts);
  if (conflicts.length === 0) return null;
  return (
    <section className="exchange-card" data-testid="exchange-conflicts">
      <h2>{t('openConflicts', { n: conflicts.length })}</h2>
      <ul>
        {conflicts.map((c) => (
          <li key={c.id} data-testid="exchange-conflict" data-field={c.field}>
            {c.measureNumber ?? ''} {c.measureTitle ?? ''} · {c.reviewId ? t('inReview', { name: c.reviewName ?? c.reviewId }) : formatQuarter(c.periodId)} · {t(`fields.${c.field}`)}:{t('kept', { value: shown(c.kept === 'mine' ? c.mine.value : c.theirs.value) })}
            {t('other', { value: shown(c.kept === 'mine' ? c.theirs.value : c.mine.value) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
