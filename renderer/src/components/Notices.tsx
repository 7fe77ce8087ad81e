// The banner of errors and confirmations: the API's Chinese sentence, dismissable, never a stack trace.
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/app';

export function Notices() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} data-testid={`notice-${n.kind}`}>
          <span className="notice-text">{n.message}</span>
          {n.actions?.map((a) => (
            <button
              key={a.testId}
              type="button"
              className="notice-action"
              data-testid={a.testId}
              onClick={() => {
                dismiss(n.id);
                void a.run();
              }}
            >
              {a.label}
            </button>
          ))}
          <button type="button" className="link-button" onClick={() => dismiss(n.id)} aria-label={t('app.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
