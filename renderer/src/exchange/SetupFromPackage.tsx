// On a PC with no ledger yet: become a working copy of the office's ledger from a package, before any user exists.
import { formatDay } from '../format';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { useExchange } from './store';

export function SetupFromPackage() {
  const { t } = useTranslation('exchange');
  const { file, importPassphrase, busy, preview, importDone, importJob } = useExchange();
  const s = useExchange.getState();
  if (importDone) return null;
  return (
    <details className="setup-from-package" data-testid="setup-from-package">
      <summary>{t('setupTitle')}</summary>
      <p className="muted small">{t('setupBody')}</p>
      <input type="file" accept=".fzpkg,application/octet-stream" onChange={(e) => s.choose(e.target.files?.[0] ?? null)} data-testid="setup-file" aria-label={t('chooseFile')} />
      <input type="password" autoComplete="off" placeholder={t('passphrase')} value={importPassphrase} onChange={(e) => s.setImportPassphrase(e.target.value)} data-testid="setup-passphrase" aria-label={t('passphrase')} />
      <button type="button" disabled={!file || busy !== null} onClick={() => void s.inspect()} data-testid="setup-inspect">
        {busy ? t('checking') : t('check')}
      </button>
      {busy === 'import' && (
        <p data-testid="setup-busy">
          <progress max={1} value={importJob?.progress ?? undefined} /> {importJob?.step || t('importing')}
        </p>
      )}
      {preview && busy !== 'import' && (
        <div data-testid="setup-preview">
          <p>{t('previewFrom', { label: preview.ledgerTitle || preview.label, at: formatDay(preview.createdAt) })}</p>
          <p>{t('previewCounts', { apply: preview.apply, skip: preview.skip, blobs: preview.counts.blobs })}</p>
          <button
            type="button"
            className="primary"
            disabled={busy !== null}
            onClick={() => void s.confirmImport().then(() => useSession.getState().load())}
            data-testid="setup-confirm"
          >
            {t('confirm')}
          </button>
        </div>
      )}
    </details>
  );
}
