// The exported-files list of the report screen: exports running now, then this person's files exported before.
import { useTranslation } from 'react-i18next';
import { SignedLink } from '../components/SignedLink';
import { formatTime } from '../format';
import { useReports, type ExportEntry } from './store';
import { downloadPath, inElectron, revealActions } from './exported';

function FileLine({ x }: { x: ExportEntry }) {
  const { t } = useTranslation('reports');
  const file = x.file!;
  if (!inElectron()) {
    return (
      <>
        <SignedLink path={downloadPath(file)} download={file.fileName} data-testid="report-download">
          {file.fileName}
        </SignedLink>{' '}
        <span className="muted small">{formatTime(file.at)}</span>
      </>
    );
  }
  return (
    <>
      <span data-testid="report-file-name">{file.fileName}</span> <span className="muted small">{formatTime(file.at)}</span>
      {file.savedPath && <div className="muted small">{t('savedAt', { path: file.savedPath })}</div>}
      <div className="reports-export-actions">
        <button type="button" className="link-button" onClick={() => void useReports.getState().saveAgain(x.key)} data-testid="report-download">
          {t('saveAgain')}
        </button>
        {file.savedPath &&
          revealActions(file).map((a) => (
            <button key={a.testId} type="button" className="link-button" onClick={() => void a.run()} data-testid={a.testId}>
              {a.label}
            </button>
          ))}
      </div>
    </>
  );
}

export function ExportedList() {
  const { t } = useTranslation('reports');
  const exports = useReports((x) => x.exports);
  if (exports.length === 0) return null;
  const kept = exports.filter((x) => !x.job).length;
  return (
    <div className="reports-exports" data-testid="report-exports">
      <h2>{t('exports')}</h2>
      {kept > 0 && <p className="muted small">{t('exportsHint', { n: kept })}</p>}
      <ul>
        {exports.map((x) => {
          const state = x.job?.state ?? 'done';
          return (
            <li key={x.key} data-testid="report-export" data-state={state} data-format={x.format} data-kind={x.kind}>
              {x.file ? (
                <FileLine x={x} />
              ) : (
                <span>
                  {t(x.kind)} · {x.format}
                </span>
              )}{' '}
              {x.job?.state === 'running' && (
                <>
                  <progress max={1} value={x.job.progress ?? undefined} /> <span className="muted small">{x.job.step || t('exporting')}</span>{' '}
                  <button type="button" className="link-button" onClick={() => void useReports.getState().cancel(x.key)}>
                    {t('cancel')}
                  </button>
                </>
              )}
              {state === 'failed' && <span className="tag tag-danger">{t('failed')}</span>}
              {state === 'cancelled' && <span className="tag">{t('cancelled')}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
