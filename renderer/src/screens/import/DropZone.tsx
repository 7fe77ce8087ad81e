// Where a file is dropped or chosen; the rest of the window ignores drops (see App).
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImporter } from '../../stores/importer';

const ACCEPT = '.docx,.doc,.pdf,.html,.htm,.txt';

export function DropZone() {
  const { t } = useTranslation();
  const chooseFile = useImporter((s) => s.chooseFile);
  const phase = useImporter((s) => s.phase);
  const [over, setOver] = useState(false);
  const busy = phase === 'reading' || phase === 'parsing';

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    if (!busy) void chooseFile(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={over ? 'dropzone over' : 'dropzone'}
      data-dropzone
      data-testid="import-dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
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
    </div>
  );
}
