// An empty store: offer the built-in outlines as one-click ledgers, or the import screen.
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { useImporter } from '../../stores/importer';
import { useApp } from '../../stores/app';

export function TemplateOffer() {
  const { t } = useTranslation();
  const templates = useSession((s) => s.info?.templates ?? []);
  const busy = useImporter((s) => s.templateBusy);
  const applyTemplate = useImporter((s) => s.applyTemplate);
  const go = useApp((s) => s.go);

  return (
    <div className="page" data-testid="template-offer">
      <section className="card">
        <h1>{t('templates.title')}</h1>
        <p>{t('templates.body')}</p>
        <ul className="template-list">
          {templates.map((tpl) => (
            <li key={tpl.id} className="template" data-testid="template-item" data-measure-count={tpl.measureCount}>
              <div>
                <div className="template-title">{tpl.title}</div>
                <div className="muted">{t('templates.measures', { count: tpl.measureCount })}</div>
              </div>
              <button type="button" className="primary" disabled={busy !== null} onClick={() => void applyTemplate(tpl.id)} data-testid="template-use">
                {busy === tpl.id ? t('templates.loading') : t('templates.use')}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => go('import')} data-testid="template-import-file">
          {t('templates.importFile')}
        </button>
      </section>
    </div>
  );
}
