// The import preview's warning that this outline is already a plan, with the ways forward.
import { useTranslation } from 'react-i18next';
import type { PreviewDocument } from '../../../shared/api/ledger';
import { useImporter } from '../stores/importer';
import { useChecklist } from '../stores/checklist';
import { useApp } from '../stores/app';
import { formatDay } from '../format';

export function DuplicateNotice({ dup }: { dup: NonNullable<PreviewDocument['duplicateOf']> }) {
  const { t } = useTranslation('daily');
  const phase = useImporter((s) => s.phase);
  const commit = useImporter((s) => s.commit);
  const reset = useImporter((s) => s.reset);
  const vars = { date: formatDay(dup.importedAt), title: dup.title };
  const openExisting = () => {
    reset();
    useChecklist.getState().showOnly({ planId: dup.planId });
    useApp.getState().go('checklist');
  };
  const text = dup.deleted ? t('dupDeleted', vars) : dup.kind === 'file' ? t('dupFile', vars) : t('dupContent', vars);
  return (
    <div className="warning duplicate-notice" role="alert" data-testid="import-duplicate" data-kind={dup.kind}>
      <p>{text}</p>
      {dup.kind === 'content' && <p className="small">{t('revisionHint')}</p>}
      {!dup.deleted && (
        <div className="button-row">
          <button type="button" className="primary" onClick={openExisting} data-testid="import-open-existing">
            {t('openExisting')}
          </button>
          {dup.kind === 'content' && (
            <button type="button" disabled={phase === 'committing'} onClick={() => void commit(true)} data-testid="import-anyway">
              {t('importAnyway')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
