// The verdict form of one measure: verdict buttons (keys 1 2 3 0), findings, the rectification demanded, the inspectors' files.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VERDICTS, type ReviewItem, type Verdict } from '../../../shared/inspections/types';
import { useInspections } from './store';
import { FilePreview } from './MeasurePane';
import { VERDICT_CLASS } from './ReviewItems';

export const VERDICT_KEYS: Record<string, Verdict> = { '1': '符合', '2': '基本符合', '3': '不符合', '0': '未检查' };
const KEY_OF: Record<Verdict, string> = { 符合: '1', 基本符合: '2', 不符合: '3', 未检查: '0' };

/** Ids the screen's keyboard handler focuses. */
export const FIELD = { finding: 'insp-finding', requirement: 'insp-requirement', file: 'insp-file-input' } as const;

function inAMonth(): string {
  const d = new Date();
  d.setMonth(d.getMonth() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function VerdictForm({ item, readOnly }: { item: ReviewItem; readOnly: boolean }) {
  const { t } = useTranslation('inspections');
  const save = useInspections((s) => s.save);
  const state = useInspections((s) => s.saving[item.measureId]);
  const [finding, setFinding] = useState(item.finding);
  const r = item.rectification;
  const [requirement, setRequirement] = useState(r?.requirement ?? '');
  const [department, setDepartment] = useState(r?.departmentName ?? item.lead[0] ?? '');
  const [dueOn, setDueOn] = useState(r?.dueOn ?? inAMonth());

  const saveFinding = (): void => {
    if (finding !== item.finding) void save(item.measureId, { finding });
  };
  const saveDemand = (): void => {
    void save(item.measureId, { rectification: { requirement, departmentId: null, departmentName: department, dueOn } });
  };
  const leaveOnEscape = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key === 'Escape') (e.currentTarget as HTMLElement).blur();
  };

  return (
    <section className="insp-form" data-testid="verdict-form" aria-busy={state === 'saving'}>
      <h3>{t('verdict')}</h3>
      <div className="insp-verdicts" role="radiogroup" aria-label={t('verdict')}>
        {VERDICTS.map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={item.verdict === v}
            className={`verdict-button verdict-${VERDICT_CLASS[v]}${item.verdict === v ? ' chosen' : ''}`}
            disabled={readOnly}
            onClick={() => void save(item.measureId, { verdict: v })}
            data-testid={`verdict-${KEY_OF[v]}`}
          >
            <kbd>{KEY_OF[v]}</kbd> {v}
          </button>
        ))}
      </div>
      <label className="field">
        <span>{t('finding')}</span>
        <textarea
          id={FIELD.finding}
          rows={4}
          value={finding}
          readOnly={readOnly}
          placeholder={t('findingPlaceholder')}
          onChange={(e) => setFinding(e.target.value)}
          onBlur={saveFinding}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.ctrlKey) e.currentTarget.blur();
            else leaveOnEscape(e);
          }}
          data-testid="finding"
        />
      </label>
      <form
        className="insp-rectify"
        onSubmit={(e) => {
          e.preventDefault();
          saveDemand();
          (document.activeElement as HTMLElement | null)?.blur();
        }}
        data-testid="rectify-form"
      >
        <h3>
          {t('rectify')} {r && <span className="tag tag-warn">{r.status}</span>}
        </h3>
        <label className="field">
          <span>{t('requirement')}</span>
          <input id={FIELD.requirement} value={requirement} readOnly={readOnly} onChange={(e) => setRequirement(e.target.value)} onKeyDown={leaveOnEscape} data-testid="rectify-requirement" />
        </label>
        <div className="insp-row">
          <label className="field">
            <span>{t('rectifyDepartment')}</span>
            <input value={department} readOnly={readOnly} onChange={(e) => setDepartment(e.target.value)} onKeyDown={leaveOnEscape} data-testid="rectify-department" />
          </label>
          <label className="field">
            <span>{t('rectifyBy')}</span>
            <input type="date" value={dueOn} readOnly={readOnly} onChange={(e) => setDueOn(e.target.value)} onKeyDown={leaveOnEscape} data-testid="rectify-by" />
          </label>
        </div>
        {!readOnly && (
          <div className="insp-row">
            <button type="submit" disabled={!requirement.trim() || !department.trim()} data-testid="rectify-save">
              {t('saveRectify')}
            </button>
            {r && (
              <button type="button" className="link-button" onClick={() => void save(item.measureId, { rectification: null })} data-testid="rectify-withdraw">
                {t('withdraw')}
              </button>
            )}
          </div>
        )}
      </form>
      <h3>{t('inspectorFiles')}</h3>
      <div className="insp-files" data-testid="inspector-files" data-count={item.inspectorFiles.length}>
        {item.inspectorFiles.map((f) => (
          <span key={f.evidenceId} className="insp-own">
            <FilePreview f={f} />
            {!readOnly && (
              <button type="button" className="link-button small" onClick={() => void useInspections.getState().unlink(item.measureId, f.evidenceId)}>
                {t('remove')}
              </button>
            )}
          </span>
        ))}
      </div>
      {!readOnly && (
        <label className="button">
          {t('attach')}
          <input
            id={FIELD.file}
            type="file"
            multiple
            accept="image/*,application/pdf"
            className="sr-only"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void useInspections.getState().attach(item.measureId, files);
            }}
            data-testid="inspector-file-input"
          />
        </label>
      )}
      <p className="small insp-save" data-testid="save-state" data-state={state ?? 'idle'} role="status">
        {state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'error' ? t('notSaved') : ''}
      </p>
    </section>
  );
}
