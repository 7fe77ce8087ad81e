// One measure in the preview, with the corrections a clerk makes before committing: edit, split, merge, add, delete.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedMeasure } from '../../../../shared/outline/types';
import { useImporter, type MeasureEdit } from '../../stores/importer';
import type { DraftMeasure } from './draft';
import { splitUnits } from './group';
import { DoubtTags } from '../../corrections/DoubtTags';
import type { Doubt } from '../../../../shared/outline/doubts';

interface Props {
  index: number;
  item: DraftMeasure;
  /** The measure after it in the list, which "merge with next" folds in. */
  hasNext: boolean;
  doubts: Doubt[];
  known: ReadonlySet<string>;
  suggestedNumber: string;
}

export function PreviewMeasure({ index, item, hasNext, doubts, known, suggestedNumber }: Props) {
  const { t } = useTranslation();
  const tc = useTranslation('corrections').t;
  const editing = useImporter((s) => s.editing === item.key);
  const adding = useImporter((s) => s.adding === item.key);
  const { startEdit, startAdd, mergeNext, remove } = useImporter.getState();
  const m = item.measure;
  const label = m.path[m.path.length - 1] ?? String(index + 1);

  return (
    <li className={item.change ? 'preview-measure edited' : 'preview-measure'} data-testid="import-measure" data-index={index} data-change={item.change ?? ''}>
      <span className="measure-number">{label}</span>
      {editing ? (
        <EditForm itemKey={item.key} current={m} />
      ) : (
        <div className="preview-measure-body">
          <div className="preview-measure-title">
            <span data-testid="import-measure-title">{m.title}</span>
            {item.change && <span className="tag tag-info">{tc(`preview.changes.${item.change}`)}</span>}
            <DoubtTags doubts={doubts} measure={m} known={known} />
          </div>
          <dl className="facts">
            <dt>{t('measure.lead')}</dt>
            <dd data-testid="import-measure-lead">{m.lead.join('、') || t('measure.noUnits')}</dd>
            <dt>{t('measure.responsible')}</dt>
            <dd data-testid="import-measure-responsible">{m.responsible.join('、') || t('measure.noUnits')}</dd>
            <dt>{t('measure.deadline')}</dt>
            <dd data-testid="import-measure-deadline">{m.deadline ?? t('measure.noDeadline')}</dd>
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
          <div className="correction-bar">
            <button type="button" className="link-button" onClick={() => startEdit(item.key)} data-testid="import-edit">
              {t('import.edit')}
            </button>
            {hasNext && (
              <button type="button" className="link-button" onClick={() => mergeNext(item.key)} data-testid="import-merge-next">
                {tc('preview.mergeNext')}
              </button>
            )}
            <button type="button" className="link-button" onClick={() => startAdd(item.key)} data-testid="import-add-after">
              {tc('addAfter')}
            </button>
            <button type="button" className="link-button danger" onClick={() => remove(item.key)} data-testid="import-delete">
              {tc('preview.remove')}
            </button>
          </div>
        </div>
      )}
      {adding && <AddForm afterKey={item.key} suggestedNumber={suggestedNumber} />}
    </li>
  );
}

function EditForm({ itemKey, current }: { itemKey: number; current: ParsedMeasure }) {
  const { t } = useTranslation();
  const tc = useTranslation('corrections').t;
  const { saveEdit, startEdit, split } = useImporter.getState();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [title, setTitle] = useState(current.title);
  const [text, setText] = useState(current.text);
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
    // Only what differs is recorded, so an unchanged measure keeps no "edited" tag.
    const edit: MeasureEdit = {};
    const leadList = splitUnits(lead);
    const respList = splitUnits(responsible);
    if (title.trim() !== current.title) edit.title = title.trim();
    if (text.trim() !== current.text) edit.text = text.trim();
    if (leadList.join('、') !== current.lead.join('、')) edit.lead = leadList;
    if (respList.join('、') !== current.responsible.join('、')) edit.responsible = respList;
    if ((deadline.trim() || null) !== current.deadline) edit.deadline = deadline.trim() || null;
    saveEdit(itemKey, edit);
  };

  const splitAtCursor = (): void => {
    const at = textRef.current?.selectionStart ?? 0;
    if (text !== current.text || !current.text.slice(0, at).trim() || !current.text.slice(at).trim()) {
      setError(tc('splitHint'));
      return;
    }
    split(itemKey, at);
  };

  return (
    <form className="edit-form" onSubmit={submit} data-testid="import-edit-form">
      <label className="field">
        <span>{t('import.editTitle')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} autoFocus data-testid="edit-title" />
      </label>
      <label className="field">
        <span>{tc('text')}</span>
        <textarea ref={textRef} value={text} onChange={(e) => setText(e.target.value)} rows={4} maxLength={20000} data-testid="edit-text" />
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
        <button type="button" onClick={splitAtCursor} data-testid="edit-split">
          {tc('split')}
        </button>
        <button type="button" onClick={() => startEdit(null)} data-testid="edit-cancel">
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddForm({ afterKey, suggestedNumber }: { afterKey: number; suggestedNumber: string }) {
  const { t } = useTranslation();
  const tc = useTranslation('corrections').t;
  const { add, startAdd } = useImporter.getState();
  const [number, setNumber] = useState(suggestedNumber);
  const [title, setTitle] = useState('');
  const [lead, setLead] = useState('');
  const [responsible, setResponsible] = useState('');
  const [deadline, setDeadline] = useState('');

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!title.trim() || !number.trim()) return;
    add(afterKey, { number: number.trim(), title: title.trim(), lead: splitUnits(lead), responsible: splitUnits(responsible), deadline: deadline.trim() || null });
  };

  return (
    <form className="edit-form block" onSubmit={submit} data-testid="import-add-form" aria-label={tc('addLabel')}>
      <label className="field">
        <span>{tc('title')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} autoFocus data-testid="add-title" />
      </label>
      <label className="field">
        <span>{tc('number')}</span>
        <input value={number} onChange={(e) => setNumber(e.target.value)} required maxLength={50} data-testid="add-number" />
      </label>
      <label className="field">
        <span>{tc('lead')}</span>
        <input value={lead} onChange={(e) => setLead(e.target.value)} placeholder={tc('unitsHint')} data-testid="add-lead" />
      </label>
      <label className="field">
        <span>{tc('responsible')}</span>
        <input value={responsible} onChange={(e) => setResponsible(e.target.value)} placeholder={tc('unitsHint')} data-testid="add-responsible" />
      </label>
      <label className="field">
        <span>{tc('deadline')}</span>
        <input value={deadline} onChange={(e) => setDeadline(e.target.value)} maxLength={100} data-testid="add-deadline" />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="add-save">
          {tc('add')}
        </button>
        <button type="button" onClick={() => startAdd(null)}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
