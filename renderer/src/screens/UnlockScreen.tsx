// The unlock screen of an encrypted store: the passphrase, and what the encryption does and does not protect.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLock } from '../stores/lock';

export function UnlockScreen() {
  const { t } = useTranslation('lock');
  const { t: tApp } = useTranslation();
  const error = useLock((s) => s.error);
  const busy = useLock((s) => s.busy);
  const minutes = useLock((s) => s.status?.idleMinutes ?? 15);
  const [passphrase, setPassphrase] = useState('');
  const submit = async () => {
    if (await useLock.getState().unlock(passphrase)) setPassphrase('');
  };
  return (
    <main className="center-page" data-testid="unlock-screen">
      <form
        className="card narrow form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1 className="app-name">{tApp('app.title')}</h1>
        <h2>{t('title')}</h2>
        <p>{t('intro')}</p>
        <label className="field">
          <span>{t('passphrase')}</span>
          <input type="password" autoFocus autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="unlock-passphrase" />
        </label>
        {error && (
          <p className="inline-error" role="alert" data-testid="unlock-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || !passphrase} data-testid="unlock-submit">
            {busy ? t('unlocking') : t('unlock')}
          </button>
        </div>
        <p className="muted" data-testid="unlock-protects">{t('protects')}</p>
        <p className="muted" data-testid="unlock-not-protects">{t('notProtects', { minutes })}</p>
        <p className="muted">{t('forgotten')}</p>
      </form>
    </main>
  );
}

const IDLE_CHOICES = [1, 5, 10, 15, 30, 60, 120, 240];

/** Lock now, and the idle time before the app locks itself (shown only for an encrypted store). */
export function LockSettings() {
  const { t } = useTranslation('lock');
  const status = useLock((s) => s.status);
  if (!status?.encrypted) return null;
  const choices = IDLE_CHOICES.includes(status.idleMinutes) ? IDLE_CHOICES : [...IDLE_CHOICES, status.idleMinutes].sort((a, b) => a - b);
  return (
    <section className="card bk-card" data-testid="lock-settings">
      <h2>{t('section')}</h2>
      <p className="muted">{t('protects')}</p>
      <p className="muted">{t('notProtects', { minutes: status.idleMinutes })}</p>
      <label className="field inline">
        <span>{t('idleLabel')}</span>
        <select value={status.idleMinutes} onChange={(e) => void useLock.getState().setIdleMinutes(Number(e.target.value))} data-testid="idle-minutes">
          {choices.map((n) => (
            <option key={n} value={n}>
              {t('idleMinutes', { n })}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
