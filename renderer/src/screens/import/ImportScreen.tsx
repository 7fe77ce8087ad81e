// Import: a drop zone and file picker, then the parsed preview to check, correct and commit.
import { useTranslation } from 'react-i18next';
import { useImporter } from '../../stores/importer';
import { DropZone } from './DropZone';
import { Preview } from './Preview';
import { DeletedPlans } from '../../daily/DeletedPlans';

export function ImportScreen() {
  const { t } = useTranslation();
  const phase = useImporter((s) => s.phase);
  const preview = useImporter((s) => s.preview);
  const error = useImporter((s) => s.error);
  const fileName = useImporter((s) => s.fileName);

  return (
    <div className="page import-page">
      <h1>{t('import.title')}</h1>
      {error && (
        <div className="inline-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {preview && (phase === 'ready' || phase === 'committing') ? (
        <Preview />
      ) : (
        <>
          <p className="muted">{t('import.intro')}</p>
          <DropZone />
          <DeletedPlans />
          {(phase === 'reading' || phase === 'parsing') && (
            <p className="progress-line" role="status" data-testid="import-busy">
              {phase === 'reading' ? t('import.reading') : t('import.parsing', { name: fileName ?? '' })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
