// A measure's targets with the quarter's actual figure beside each, saved on leaving the box, and the ones below flagged.
// A figure whose save failed stays in its box (the typing is not lost) marked as not saved.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetFigureInfo } from '../../../shared/api/targets';
import { useSession } from '../stores/session';
import { useTargets } from './targets';
import './daily.css';

/** `mayRecord`: the signed-in user may record figures here (MeasureDetail.recordRefusal is null); otherwise they are shown only. */
export function TargetFigures({ measureId, mayRecord }: { measureId: string; mayRecord: boolean }) {
  const { t } = useTranslation('daily');
  const periodId = useSession((s) => s.periodId);
  const figures = useTargets((s) => (s.figuresKey === `${measureId}|${periodId}` ? s.figures : null));
  useEffect(() => {
    void useTargets.getState().loadFigures(measureId, periodId);
  }, [measureId, periodId]);
  if (!figures || figures.length === 0) return null;
  return (
    <div className="target-figures" data-testid="target-figures">
      {figures.map((f) => (
        <TargetRow key={`${periodId}|${f.index}|${f.updatedAt ?? ''}`} measureId={measureId} periodId={periodId} figure={f} label={t('actualFor')} readOnly={!mayRecord} />
      ))}
    </div>
  );
}

function TargetRow({ measureId, periodId, figure, label, readOnly }: { measureId: string; periodId: string; figure: TargetFigureInfo; label: string; readOnly: boolean }) {
  const { t } = useTranslation('daily');
  const [value, setValue] = useState(figure.actual);
  const [unsaved, setUnsaved] = useState(false);
  const save = async (): Promise<void> => {
    if (value.trim() === figure.actual) return setUnsaved(false);
    // A saved figure comes back as a new row (its key names the save), so only a failure is left to show.
    setUnsaved(!(await useTargets.getState().setActual(measureId, periodId, figure.index, value)));
  };
  return (
    <div className="target-row" data-testid="target-row" data-met={figure.met === null ? '' : String(figure.met)}>
      <span className="tag">{figure.target}</span>
      <label className="field inline">
        <span className="small">{label}</span>
        <input
          value={value}
          maxLength={200}
          placeholder={t('actualHint')}
          onChange={(e) => setValue(e.target.value)}
          readOnly={readOnly}
          onBlur={() => void save()}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
          aria-invalid={unsaved}
          aria-label={`${figure.target} ${label}`}
          data-testid="target-actual"
        />
      </label>
      {unsaved && (
        <span className="tag tag-danger" title={t('actualUnsavedHint')} data-testid="target-unsaved">
          {t('actualUnsaved')}
        </span>
      )}
      {figure.met === false && <span className="tag tag-below">{t('below')}</span>}
      {figure.met === true && <span className="tag tag-info">{t('met')}</span>}
    </div>
  );
}

/** The checklist row's flag; loads the quarter's shortfalls once per quarter. */
export function BelowTargetTag({ measureId }: { measureId: string }) {
  const { t } = useTranslation('daily');
  const periodId = useSession((s) => s.periodId);
  const below = useTargets((s) => s.belowIds.has(measureId));
  useEffect(() => {
    void useTargets.getState().loadBelow(periodId);
  }, [periodId]);
  return below ? (
    <span className="tag tag-below" data-testid="row-below-target">
      {t('below')}
    </span>
  ) : null;
}
