// Where a file is dropped or chosen; the rest of the window ignores drops (see App).
import { useTranslation } from 'react-i18next';
import { useImporter } from '../../stores/importer';
import { FileDropTarget } from '../../components/FileDropTarget';

const ACCEPT = '.docx,.doc,.pdf,.html,.htm,.txt';

export function DropZone() {
  const { t } = useTranslation();
  const chooseFile = useImporter((s) => s.chooseFile);
  const phase = useImporter((s) => s.phase);
  const busy = phase === 'reading' || phase === 'parsing';

  return (
    <FileDropTarget className="dropzone" testId="import-dropzone" disabled={busy} onDrop={(e) => void chooseFile(e.dataTransfer.files[0])}>
      <p className="dropzone-title">{t('import.drop')}</p>
      <p className="muted">{t('import.or')}</p>
      <label className={busy ? 'button primary disabled' : 'button primary'}>
        {t('import.choose')}
        <input
          type="file"
          className="sr-only"
          accept={ACCEPT}
          disabled={busy}
          data-testid="import-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Clearing the input lets the same file be chosen again after a fix.
            e.target.value = '';
            void chooseFile(file);
          }}
        />
      </label>
    </FileDropTarget>
  );
}
