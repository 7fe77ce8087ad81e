// 备份与恢复: where backups go, back up now, and each backup with its size, verify and restore (after a confirmation).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LockSettings } from '../screens/UnlockScreen';
import { useBackup } from './store';
import { formatTime } from '../format';
import { formatSize } from '../../../shared/sizes';
import type { BackupInfo } from '../../../shared/api/backup';
import './backup.css';

function FolderBox() {
  const { t } = useTranslation('backup');
  const listing = useBackup((s) => s.listing);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  if (!listing) return null;
  const save = async (folder: string | null) => {
    if (await useBackup.getState().setFolder(folder)) setEditing(false);
  };
  return (
    <div className="bk-folder" data-testid="backup-folder" data-chosen={listing.chosen}>
      <p>
        <strong>{t('folder')}:</strong> <code data-testid="backup-folder-path">{listing.folder}</code> <span className="muted small">{listing.chosen ? t('folderChosen') : t('folderDefault')}</span>
      </p>
      {listing.unavailable && <p className="inline-error" data-testid="backup-folder-unavailable">{listing.unavailable}</p>}
      {editing ? (
        <form
          className="bk-folder-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(value.trim());
          }}
        >
          <input aria-label={t('folderPath')} placeholder={t('folderPath')} value={value} onChange={(e) => setValue(e.target.value)} data-testid="backup-folder-input" />
          <button type="submit" className="button primary" disabled={!value.trim()} data-testid="backup-folder-save">
            {t('save')}
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setValue(listing.folder);
              setEditing(true);
            }}
            data-testid="backup-folder-change"
          >
            {t('change')}
          </button>{' '}
          {listing.chosen && (
            <button type="button" className="button" onClick={() => void save(null)} data-testid="backup-folder-default">
              {t('useDefault')}
            </button>
          )}
        </p>
      )}
      <p className="muted small">{t('folderHint')}</p>
    </div>
  );
}

function Row({ b }: { b: BackupInfo }) {
  const { t } = useTranslation('backup');
  const job = useBackup((s) => s.job);
  const jobName = useBackup((s) => s.jobName);
  const report = useBackup((s) => s.verified[b.name]);
  const safety = useBackup((s) => s.safety);
  const confirming = useBackup((s) => s.confirming === b.name);
  const { verify, ask, restore } = useBackup.getState();
  const busy = job !== null;
  const mine = jobName === b.name && job;
  return (
    <>
      <tr data-testid="backup-row" data-name={b.name} data-reason={b.reason} data-safety={safety === b.name}>
        <td>{formatTime(b.createdAt)}</td>
        <td>
          {t(`reasons.${b.reason}`)}
          {safety === b.name && <span className="tag"> {t('safety')}</span>}
        </td>
        <td className="num">{b.measures}</td>
        <td className="num">
          {b.evidenceFiles}
          {b.missingFiles > 0 && <span className="inline-error small"> {t('missingFiles', { n: b.missingFiles })}</span>}
        </td>
        <td className="num">
          {formatSize(b.dbBytes + b.evidenceBytes)} <span className="muted small">{t('added', { size: formatSize(b.addedBytes) })}</span>
        </td>
        <td className="bk-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void verify(b.name)} data-testid="backup-verify">
            {t('verify')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => ask(b.name)} data-testid="backup-restore">
            {t('restore')}
          </button>
        </td>
      </tr>
      {(mine || report || confirming) && (
        <tr className="bk-detail">
          <td colSpan={6}>
            {mine && (
              <span>
                <progress max={1} value={mine.progress ?? undefined} aria-label={mine.kind === 'backup.restore' ? t('restoring') : t('verifying')} />{' '}
                <span className="muted small">{mine.step}</span>
              </span>
            )}
            {report && !mine && (
              <p className={report.ok ? 'bk-ok' : 'inline-error'} data-testid="backup-verify-report" data-ok={report.ok}>
                {report.ok ? t('verifyOk', { n: report.checkedFiles }) : t('verifyBad', { problem: report.problems[0]?.detail ?? '' })}
              </p>
            )}
            {confirming && (
              <div className="bk-confirm" role="alertdialog" aria-label={t('restore')} data-testid="backup-restore-confirm">
                <p>{t('restoreConfirm', { name: b.name, when: formatTime(b.createdAt) })}</p>
                <button type="button" className="button primary" onClick={() => void restore(b.name)} data-testid="backup-restore-yes">
                  {t('restoreYes')}
                </button>{' '}
                <button type="button" className="button" onClick={() => ask(null)}>
                  {t('cancel')}
                </button>
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

export function BackupScreen() {
  const { t } = useTranslation('backup');
  const listing = useBackup((s) => s.listing);
  const job = useBackup((s) => s.job);
  const jobName = useBackup((s) => s.jobName);
  useEffect(() => {
    void useBackup.getState().load();
  }, []);
  const creating = job !== null && jobName === null;
  return (
    <div className="bk-screen">
      <section className="card bk-card">
        <h2>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
        <FolderBox />
        <div className="bk-toolbar">
          <button type="button" className="button primary" disabled={job !== null} onClick={() => void useBackup.getState().create()} data-testid="backup-create">
            {t('create')}
          </button>
          {creating && (
            <>
              <progress max={1} value={job.progress ?? undefined} aria-label={t('creating')} data-testid="backup-progress" />
              <span className="muted small">{job.step || t('creating')}</span>
            </>
          )}
          {listing && (
            <span className="muted small" data-testid="backup-total" data-count={listing.backups.length}>
              {t('total', { n: listing.backups.length, size: formatSize(listing.totalBytes) })}
            </span>
          )}
        </div>
        <p className="muted small">{t('rotation')}</p>
        {listing && listing.backups.length === 0 && <p data-testid="backup-none">{t('none')}</p>}
        {listing && listing.backups.length > 0 && (
          <table className="bk-table" data-testid="backup-list">
            <thead>
              <tr>
                <th>{t('when')}</th>
                <th>{t('reason')}</th>
                <th className="num">{t('measures')}</th>
                <th className="num">{t('files')}</th>
                <th className="num">{t('size')}</th>
                <th>{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {listing.backups.map((b) => (
                <Row key={b.name} b={b} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <LockSettings />
    </div>
  );
}
