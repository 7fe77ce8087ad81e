// Packages sent and received by this PC, with the receipts that came back for each.
import { useTranslation } from 'react-i18next';
import { formatTime } from '../format';
import { useExchange } from './store';

export function PackageList() {
  const { t } = useTranslation('exchange');
  const overview = useExchange((x) => x.overview);
  const packages = overview?.packages ?? [];
  return (
    <section className="exchange-card" data-testid="exchange-packages">
      <h2>{t('packages')}</h2>
      {packages.length === 0 ? (
        <p className="muted">{t('noPackages')}</p>
      ) : (
        <table className="exchange-table">
          <thead>
            <tr>
              <th>{t('colDirection')}</th>
              <th>{t('colKind')}</th>
              <th>{t('colLabel')}</th>
              <th>{t('colAt')}</th>
              <th>{t('colCounts')}</th>
              <th>{t('colReceipt')}</th>
            </tr>
          </thead>
          <tbody>
            {packages.map((p) => (
              <tr key={`${p.direction}-${p.id}`} data-testid="exchange-package" data-direction={p.direction} data-kind={p.kind}>
                <td>{p.direction === 'sent' ? t('sent') : t('received')}</td>
                <td>{t(`kindNames.${p.kind}`)}</td>
                <td>{p.label}</td>
                <td>{formatTime(p.at)}</td>
                <td>
                  {p.ops}/{p.blobs}
                </td>
                <td data-testid="exchange-package-receipt">
                  {p.direction === 'sent' ? (p.receipts.length ? p.receipts.map((r) => t('arrived', { at: formatTime(r.importedAt) })).join(';') : t('notArrived')) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
