// The selected quarter's record: status saved at once, narrative saved when typing pauses or on leaving the box.
import { useTranslation } from 'react-i18next';
import { STATUSES, type Status } from '../../../../shared/model';
import { useChecklist } from '../../stores/checklist';
import { formatQuarter, statusLabel } from '../../format';
import { StaleMerge } from '../../daily/StaleMerge';

/** `readOnly`: the signed-in user may not record on this measure (MeasureDetail.recordRefusal says why). */
export function ProgressEditor({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const draft = useChecklist((s) => s.draft);
  const save = useChecklist((s) => s.save);
  const setStatus = useChecklist((s) => s.setStatus);
  const editNarrative = useChecklist((s) => s.editNarrative);
  const flush = useChecklist((s) => s.flush);
  if (!draft) return null;
  const saveText = { idle: '', saving: t('detail.saving'), saved: t('detail.saved'), error: t('detail.saveFailed') }[save];

  return (
    <section className="block editor" data-testid="progress-editor" data-period={draft.periodId}>
      <div className="editor-head">
        <h3>{t('detail.progressFor', { quarter: formatQuarter(draft.periodId) })}</h3>
        <span className={`save-state save-${save}`} role="status" data-testid="progress-save-state" data-state={save}>
          {saveText}
        </span>
      </div>
      <label className="field inline">
        <span>{t('measure.status')}</span>
        <select value={draft.status} disabled={readOnly} onChange={(e) => setStatus(e.target.value as Status)} data-testid="progress-status">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <StaleMerge />
      {draft.carriedFrom && <p className="muted small">{t('detail.carried', { quarter: formatQuarter(draft.carriedFrom) })}</p>}
      <label className="field">
        <span>{t('detail.narrative')}</span>
        <textarea
          value={draft.narrative}
          rows={5}
          readOnly={readOnly}
          maxLength={20000}
          placeholder={readOnly ? '' : t('detail.narrativeHint')}
          onChange={(e) => editNarrative(e.target.value)}
          onBlur={() => void flush()}
          data-testid="progress-narrative"
        />
      </label>
    </section>
  );
}
