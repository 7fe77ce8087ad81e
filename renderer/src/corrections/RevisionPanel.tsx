// Importing a parsed file as a revision of an existing plan: compare, see what is added, changed and removed, commit.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { RevisionPreview } from '../../../shared/api/corrections';
import { reportError, useApp } from '../stores/app';
import { useChecklist } from '../stores/checklist';
import { useImporter } from '../stores/importer';
import { useSession } from '../stores/session';

export function RevisionPanel({ token, documentIndex }: { token: string; documentIndex: number }) {
  const { t } = useTranslation('corrections');
  const plans = useChecklist((s) => s.plans);
  const [planId, setPlanId] = useState('');
  const [diff, setDiff] = useState<RevisionPreview | null>(null);
  const [busy, setBusy] = useState(false);
  if (plans.length === 0) return null;

  const compare = async (): Promise<void> => {
    setBusy(true);
    try {
      setDiff(await api['import.revisionPreview']({ token, documentIndex, planId }));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  const commit = async (): Promise<void> => {
    setBusy(true);
    try {
      const done = await api['import.commitRevision']({ token, documentIndex, planId });
      useApp.getState().notify('info', t('revision.done', { added: done.added, changed: done.changed, removed: done.removed }));
      useImporter.getState().reset();
      await useSession.getState().load();
      useChecklist.getState().showOnly({ planId });
      useApp.getState().go('checklist');
      await useChecklist.getState().loadTree();
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="revision-diff" data-testid="revision-panel">
      <legend>{t('revision.asRevision')}</legend>
      <select
        value={planId}
        onChange={(e) => {
          setPlanId(e.target.value);
          setDiff(null);
        }}
        aria-label={t('revision.choosePlan')}
        data-testid="revision-plan"
      >
        <option value="">{t('revision.choosePlan')}</option>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>{' '}
      <button type="button" disabled={!planId || busy} onClick={() => void compare()} data-testid="revision-compare">
        {t('revision.preview')}
      </button>
      {diff && diff.planId === planId && (
        <div data-testid="revision-diff" data-added={diff.added.length} data-changed={diff.changed.length} data-removed={diff.removed.length}>
          <p>{t('revision.summary', { title: diff.planTitle, added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length, unchanged: diff.unchanged })}</p>
          {diff.added.length > 0 && (
            <>
              <strong>{t('revision.added')}</strong>
              <ul>
                {diff.added.map((a) => (
                  <li key={a.index} data-testid="revision-added">
                    {a.number} {a.title}
                  </li>
                ))}
              </ul>
            </>
          )}
          {diff.changed.length > 0 && (
            <>
              <strong>{t('revision.changed')}</strong>
              <ul>
                {diff.changed.map((c) => (
                  <li key={c.measureId} data-testid="revision-changed">
                    {c.number} {c.newTitle}
                    <span className="muted">({c.changed.map((f) => t(`revision.fields.${f}`)).join('、')})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {diff.removed.length > 0 && (
            <>
              <strong>{t('revision.removed')}</strong>
              <ul>
                {diff.removed.map((r) => (
                  <li key={r.measureId} data-testid="revision-removed">
                    {r.number} {r.title}
                    {(r.records > 0 || r.evidence > 0) && <span className="muted">{t('revision.removedRecords', r)}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="primary" disabled={busy} onClick={() => void commit()} data-testid="revision-commit">
            {t('revision.commit')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
