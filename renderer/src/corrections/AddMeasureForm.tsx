// A measure the parser missed, added right after the open one in the same section.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureDetail } from '../../../shared/model';
import { splitUnits } from '../screens/import/group';
import { useCorrections } from './store';

export function AddMeasureForm({ after, onClose }: { after: MeasureDetail; onClose(): void }) {
  const { t } = useTranslation('corrections');
  const { busy, add } = useCorrections();
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [lead, setLead] = useState('');
  const [deadline, setDeadline] = useState('');

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void add({
      planId: after.planId,
      after: after.id,
      sectionId: after.sectionId,
      number: number.trim(),
      title: title.trim(),
      ...(text.trim() ? { text: text.trim() } : {}),
      lead: splitUnits(lead),
      responsible: [],
      deadline: deadline.trim() || null,
    }).then((ok) => ok && onClose());
  };

  return (
    <form className="edit-form block" onSubmit={submit} data-testid="measure-add-form" aria-label={t('addLabel')}>
      <label className="field">
        <span>{t('title')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} autoFocus data-testid="measure-add-title" />
      </label>
      <label className="field">
        <span>{t('number')}</span>
        <input value={number} onChange={(e) => setNumber(e.target.value)} required maxLength={20} data-testid="measure-add-number" />
      </label>
      <label className="field">
        <span>{t('lead')}</span>
        <input value={lead} onChange={(e) => setLead(e.target.value)} list="department-names" placeholder={t('unitsHint')} data-testid="measure-add-lead" />
      </label>
      <label className="field">
        <span>{t('deadline')}</span>
        <input value={deadline} onChange={(e) => setDeadline(e.target.value)} maxLength={100} />
      </label>
      <label className="field">
        <span>{t('text')}</span>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="measure-add-save">
          {t('add')}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
