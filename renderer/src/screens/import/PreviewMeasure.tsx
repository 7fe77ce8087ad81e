// One parsed measure in the preview, with an inline form to correct what the parser got wrong.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedMeasure } from '../../../../shared/outline/types';
import { useImporter, withEdit, type MeasureEdit } from '../../stores/importer';
import { splitUnits } from './group';
import { DoubtTags } from '../../corrections/DoubtTags';
import type { Doubt } from '../../../../shared/outline/doubts';

interface Props {
  index: number;
  parsed: ParsedMeasure;
  edit: MeasureEdit | undefined;
  doubts: Doubt[];
  known: ReadonlySet<string>;
}

export function PreviewMeasure({ index, parsed, edit, doubts, known }: Props) {
  const { t } = useTranslation();
  const editing = useImporter((s) => s.editing === index);
  const startEdit = useImporter((s) => s.startEdit);
  const m = withEdit(parsed, edit);
  const label = m.path[m.path.length - 1] ?? String(index + 1);

  return (
    <li className={edit ? 'preview-measure edited' : 'preview-measure'} data-testid="import-measure" data-index={index}>
      <span className="measure-number">{label}</span>
      {editing ? (
        <EditForm index={index} parsed={parsed} current={m} />
      ) : (
        <div className="preview-measure-body">
          <div className="preview-measure-title">
            <span data-testid="import-measure-title">{m.title}</span>
            {edit && <span className="tag tag-info">{t('import.edited')}</span>}
            <DoubtTags doubts={doubts} measure={m} known={known} />
            <button type="button" className="link-button" onClick={() => startEdit(index)} data-testid="import-edit">
              {t('import.edit')}
            </button>
          </div>
          <dl className="facts">
            <dt>{t('measure.lead')}</dt>
            <dd data-testid="import-measure-lead">{m.lead.join('、') || t('measure.noUnits')}</dd>
            <dt>{t('measure.responsible')}</dt>
            <dd>{m.responsible.join('、') || t('measure.noUnits')}</dd>
            <dt>{t('measure.deadline')}</dt>
            <dd>{m.deadline ?? t('measure.noDeadline')}</dd>
            {m.targets.length > 0 && (
              <>
                <dt>{t('measure.targets')}</dt>
                <dd>
                  {m.targets.map((x, i) => (
                    <span key={i} className="tag">
                      {x}
                    </span>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </div>
      )}
    </li>
  );
}

function EditForm({ index, parsed, current }: { index: number; parsed: ParsedMeasure; current: ParsedMeasure }) {
  const { t } = useTranslation();
  const saveEdit = useImporter((s) => s.saveEdit);
  const startEdit = useImporter((s) => s.startEdit);
  const [title, setTitle] = useState(current.title);
  const [lead, setLead] = useState(current.lead.join('、'));
  const [responsible, setResponsible] = useState(current.responsible.join('、'));
  const [deadline, setDeadline] = useState(current.deadline ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('import.titleRequired'));
      return;
    }
    // Only what differs from the parser's result is sent, so a later re-parse keeps its own values.
    const edit: MeasureEdit = {};
    const leadList = splitUnits(lead);
    const respList = splitUnits(responsible);
    if (title.trim() !== parsed.title) edit.title = title.trim();
    if (leadList.join('、') !== parsed.lead.join('、')) edit.lead = leadList;
    if (respList.join('、') !== parsed.responsible.join('、')) edit.responsible = respList;
    if ((deadline.trim() || null) !== parsed.deadline) edit.deadline = deadline.trim() || null;
    saveEdit(index, edit);
  };

  return (
    <form className="edit-form" onSubmit={submit} data-testid="import-edit-form">
      <label className="field">
        <span>{t('import.editTitle')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} autoFocus data-testid="edit-title" />
      </label>
      <label className="field">
        <span>{t('import.editLead')}</span>
        <input value={lead} onChange={(e) => setLead(e.target.value)} placeholder={t('import.unitsHint')} data-testid="edit-lead" />
      </label>
      <label className="field">
        <span>{t('import.editResponsible')}</span>
        <input value={responsible} onChange={(e) => setResponsible(e.target.value)} placeholder={t('import.unitsHint')} data-testid="edit-responsible" />
      </label>
      <label className="field">
        <span>{t('import.editDeadline')}</span>
        <input value={deadline} onChange={(e) => setDeadline(e.target.value)} maxLength={100} data-testid="edit-deadline" />
      </label>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="edit-save">
          {t('app.save')}
        </button>
        <button type="button" onClick={() => startEdit(null)} data-testid="edit-cancel">
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
