// Import: a drop zone and file picker, then the parsed preview to check, correct and commit.
import { useTranslation } from 'react-i18next';
import { useImporter } from '../../stores/importer';
import { DropZone } from './DropZone';
import { Preview } from './Preview';
import { DeletedPlans } from '../../daily/DeletedPlans';

const STEPS = ['read', 'parse', 'store'] as const;
function isStep(s: string): s is (typeof STEPS)[number] {
  return (STEPS as readonly string[]).includes(s);
}

export function ImportScreen() {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('security');
  const phase = useImporter((s) => s.phase);
  const preview = useImporter((s) => s.preview);
  const error = useImporter((s) => s.error);
  const fileName = useImporter((s) => s.fileName);
  const job = useImporter((s) => s.job);
  const cancelReading = useImporter((s) => s.cancelReading);

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
            <div className="progress-line" role="status" data-testid="import-busy">
              {phase === 'reading' ? t('import.reading') : t('import.parsing', { name: fileName ?? '' })}
              {job && (
                <>
                  <progress max={1} value={job.progress ?? undefined} data-testid="import-progress" />
                  {isStep(job.step) && <span className="muted"> {ts(`readingStep.${job.step}`)}</span>}
                  <button type="button" onClick={() => void cancelReading()} data-testid="import-cancel">
                    {ts('cancelReading')}
                  </button>
                </>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
