// The exchange (交换) screen: export a package, import one after a preview, import receipts, see who still owes a return.
import { SignedLink } from '../components/SignedLink';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MultiPick } from '../components/MultiPick';
import { Options } from '../components/Options';
import { useSession } from '../stores/session';
import { formatQuarter, formatTime } from '../format';
import { formatSize } from '../../../shared/sizes';
import { useExchange, type ExportKind } from './store';
import { PackageList } from './PackageList';
import { OpenConflicts } from './OpenConflicts';
import './exchange.css';

const KINDS: { id: ExportKind; key: 'kindLedger' | 'kindSlice' | 'kindReturn' }[] = [
  { id: 'slice', key: 'kindSlice' },
  { id: 'ledger', key: 'kindLedger' },
  { id: 'return', key: 'kindReturn' },
];

function quarters(): string[] {
  const y = new Date().getFullYear();
  return [y + 1, y, y - 1, y - 2].flatMap((year) => [4, 3, 2, 1].map((q) => `${year}-Q${q}`));
}

function ExportForm() {
  const { t } = useTranslation('exchange');
  const { form, plans, departments, overview, exportJob, exportDone } = useExchange();
  const set = useExchange((x) => x.set);
  const running = exportJob?.state === 'running';
  const peers = overview?.peers ?? [];
  const ready = form.kind !== 'return' || !!form.peerReplicaId;
  return (
    <section className="exchange-card" data-testid="exchange-export">
      <h2>{t('export')}</h2>
      <fieldset className="field">
        <legend>{t('kind')}</legend>
        {KINDS.map((k) => (
          <label key={k.id} className="radio">
            <input type="radio" name="exchange-kind" checked={form.kind === k.id} onChange={() => set({ kind: k.id })} data-testid={`exchange-kind-${k.id}`} />
            {t(k.key)}
          </label>
        ))}
      </fieldset>
      {form.kind === 'slice' && (
        <fieldset className="field">
          <select value={form.planId} onChange={(e) => set({ planId: e.target.value })} aria-label={t('plan')} data-testid="exchange-plan">
            <option value="">{t('allPlans')}</option>
            <Options items={plans} value={(p) => p.id} label={(p) => p.title} />
          </select>
          <MultiPick
            items={departments}
            value={(d) => d.name}
            label={(d) => d.name}
            chosen={form.departments}
            onChange={(d) => set({ departments: d })}
            none={t('allDepartments')}
            some={(n) => t('someDepartments', { n })}
            testId="exchange-departments"
          />
          <select value={form.periodId} onChange={(e) => set({ periodId: e.target.value })} aria-label={t('period')} data-testid="exchange-period">
            <option value="">{t('allPeriods')}</option>
            <Options items={quarters()} value={(q) => q} label={(q) => formatQuarter(q)} />
          </select>
        </fieldset>
      )}
      {form.kind === 'return' && (
        <label className="field">
          <span>{t('peer')}</span>
          <select value={form.peerReplicaId} onChange={(e) => set({ peerReplicaId: e.target.value })} data-testid="exchange-peer">
            <option value="">{t('choosePeer')}</option>
            <Options items={peers} value={(p) => p.replicaId} label={(p) => p.label || p.replicaId} />
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('passphrase')}</span>
        <input type="password" autoComplete="new-password" value={form.passphrase} onChange={(e) => set({ passphrase: e.target.value })} data-testid="exchange-export-passphrase" />
        <span className="muted small">{t('passphraseHint')}</span>
      </label>
      <div className="exchange-actions">
        <button type="button" className="primary" disabled={running || !ready} onClick={() => void useExchange.getState().startExport()} data-testid="exchange-export-start">
          {t('start')}
        </button>
        {running && (
          <>
            <progress max={1} value={exportJob.progress ?? undefined} /> <span className="muted small">{exportJob.step || t('exporting')}</span>
            <button type="button" className="link-button" onClick={() => void useExchange.getState().cancelExport()} data-testid="exchange-export-cancel">
              {t('cancel')}
            </button>
          </>
        )}
        {exportJob?.state === 'cancelled' && <span className="tag">{t('cancelled')}</span>}
      </div>
      {exportDone && (
        <p data-testid="exchange-export-done">
          {t('exportDone', { ops: exportDone.ops, blobs: exportDone.blobs, size: formatSize(exportDone.size, 'B') })}{' '}
          <SignedLink path={exportDone.downloadUrl} download={exportDone.fileName} data-testid="exchange-download">
            {t('download', { name: exportDone.fileName })}
          </SignedLink>
        </p>
      )}
    </section>
  );
}

function ImportForm() {
  const { t } = useTranslation('exchange');
  const { file, importPassphrase, busy, preview, importJob, importDone } = useExchange();
  const s = useExchange.getState();
  return (
    <section className="exchange-card" data-testid="exchange-import">
      <h2>{t('import')}</h2>
      <label className="field">
        <span>{t('chooseFile')}</span>
        <input type="file" accept=".fzpkg,application/octet-stream" onChange={(e) => s.choose(e.target.files?.[0] ?? null)} data-testid="exchange-import-file" />
      </label>
      <label className="field">
        <span>{t('passphrase')}</span>
        <input type="password" autoComplete="off" value={importPassphrase} onChange={(e) => s.setImportPassphrase(e.target.value)} data-testid="exchange-import-passphrase" />
      </label>
      <div className="exchange-actions">
        <button type="button" disabled={!file || busy !== null} onClick={() => void s.inspect()} data-testid="exchange-inspect">
          {busy === 'upload' || busy === 'inspect' ? t('checking') : t('check')}
        </button>
      </div>
      {preview && (
        <div className="exchange-preview" data-testid="exchange-preview">
          <h3>{t('preview')}</h3>
          <p>{t('previewFrom', { label: preview.label || t(`kindNames.${preview.kind}`), at: formatTime(preview.createdAt) })}</p>
          {preview.clone && <p className="notice-inline">{t('previewClone')}</p>}
          <p data-testid="exchange-preview-counts">{t('previewCounts', { apply: preview.apply, skip: preview.skip, blobs: preview.counts.blobs })}</p>
          {preview.conflicts.length > 0 && <p data-testid="exchange-preview-conflicts">{t('conflicts', { n: preview.conflicts.length })}</p>}
          {preview.refused.length > 0 && <p data-testid="exchange-preview-refused">{t('refused', { n: preview.refused.length })}</p>}
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void s.confirmImport()} data-testid="exchange-confirm">
            {t('confirm')}
          </button>
        </div>
      )}
      {busy === 'import' && importJob && (
        <p>
          <progress max={1} value={importJob.progress ?? undefined} /> <span className="muted small">{importJob.step || t('importing')}</span>
        </p>
      )}
      {importDone && (
        <p data-testid="exchange-import-done">
          {t('importDone', { applied: importDone.applied, conflicts: importDone.conflicts, refused: importDone.refused })}{' '}
          <SignedLink path={importDone.receiptUrl} download={importDone.receiptFileName} data-testid="exchange-receipt-download">
            {t('receiptDownload', { name: importDone.receiptFileName })}
          </SignedLink>
        </p>
      )}
      <label className="field">
        <span>{t('receipt')}</span>
        <input
          type="file"
          accept=".fzpkg,application/octet-stream"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void s.importReceipt(f);
            e.target.value = '';
          }}
          data-testid="exchange-receipt-file"
        />
      </label>
    </section>
  );
}

export function ExchangeScreen() {
  const { t } = useTranslation('exchange');
  const periodId = useSession((x) => x.periodId);
  const overview = useExchange((x) => x.overview);
  useEffect(() => {
    void useExchange.getState().init(periodId);
  }, [periodId]);
  return (
    <div className="page exchange" data-testid="exchange">
      <h1>{t('title')}</h1>
      <div className="exchange-columns">
        <ExportForm />
        <ImportForm />
      </div>
      <OpenConflicts />
      <section className="exchange-card" data-testid="exchange-owed">
        <h2>{t('owed')}</h2>
        {overview && overview.owed.length === 0 && <p className="muted">{t('owedNone')}</p>}
        <ul>
          {overview?.owed.map((o) => (
            <li key={o.packageId} data-testid="exchange-owed-item">
              {t('owedItem', { label: o.label, at: formatTime(o.sentAt) })}
            </li>
          ))}
        </ul>
      </section>
      <PackageList />
    </div>
  );
}
