// Asks for a password: to sign in as a user who has one, or to set the signed-in user's own.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';

export function PasswordDialog() {
  const { t } = useTranslation('security');
  const info = useSession((s) => s.info);
  const passwordFor = useSession((s) => s.passwordFor);
  const error = useSession((s) => s.signInError);
  const [password, setPassword] = useState('');
  const [current, setCurrent] = useState('');
  if (!info || !passwordFor) return null;
  const setting = passwordFor === 'set-own';
  const who = setting ? info.user : info.users.find((u) => u.id === passwordFor);
  const close = () => {
    setPassword('');
    setCurrent('');
    useSession.getState().askPassword(null);
  };
  const submit = async () => {
    const s = useSession.getState();
    if (setting) await s.setOwnPassword(password, current);
    else await s.signIn(password);
    if (!useSession.getState().passwordFor) {
      setPassword('');
      setCurrent('');
    }
  };
  return (
    <div className="ev-overlay" onClick={close}>
      <form
        className="ev-dialog narrow"
        role="dialog"
        aria-modal="true"
        aria-label={setting ? t('setTitle') : t('signInTitle', { name: who?.name ?? '' })}
        data-testid="password-dialog"
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{setting ? t('setTitle') : t('signInTitle', { name: who?.name ?? '' })}</h2>
        {setting && info.user && info.withPassword.includes(info.user.id) && (
          <label className="field">
            <span>{t('current')}</span>
            <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="password-current" />
          </label>
        )}
        <label className="field">
          <span>{setting ? t('newPassword') : t('password')}</span>
          <input
            type="password"
            autoFocus
            autoComplete={setting ? 'new-password' : 'current-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="password-input"
          />
        </label>
        {error && (
          <p className="inline-error" role="alert" data-testid="password-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="password-submit">
            {setting ? t('save') : t('signIn')}
          </button>
          <button type="button" onClick={close} data-testid="password-cancel">
            {t('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
