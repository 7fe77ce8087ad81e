// The open measure's correction form: fields, and the structural fixes (split, merge, add after, delete).
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureDetail } from '../../../shared/model';
import { useChecklist } from '../stores/checklist';
import { useSession } from '../stores/session';
import { splitUnits } from '../screens/import/group';
import { useCorrections } from './store';
import './corrections.css';

const listText = (xs: readonly { asWritten: string }[]): string => xs.map((u) => u.asWritten).join('、');

export function MeasureEditForm({ detail }: { detail: MeasureDetail }) {
  const { t } = useTranslation('corrections');
  const departments = useSession((s) => s.departments);
  const rows = useChecklist((s) => s.rows);
  const { busy, save, split, merge, remove, startEdit } = useCorrections();
  const [title, setTitle] = useState(detail.title);
  const [text, setText] = useState(detail.text);
  const [lead, setLead] = useState(listText(detail.lead));
  const [responsible, setResponsible] = useState(listText(detail.responsible));
  const [deadline, setDeadline] = useState(detail.deadline ?? '');
  const [targets, setTargets] = useState(detail.targets.join('、'));
  const [mergeWith, setMergeWith] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const siblings = rows.filter((r) => r.planId === detail.planId && r.id !== detail.id);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    // Only what changed is sent: each field is its own operation in the history and the exchange.
    const fields: Parameters<typeof save>[1] = {};
    if (title.trim() !== detail.title) fields.title = title.trim();
    if (text.trim() !== detail.text) fields.text = text.trim();
    if (splitUnits(lead).join('、') !== listText(detail.lead)) fields.lead = splitUnits(lead);
    if (splitUnits(responsible).join('、') !== listText(detail.responsible)) fields.responsible = splitUnits(responsible);
    if ((deadline.trim() || null) !== detail.deadline) fields.deadline = deadline.trim() || null;
    if (splitUnits(targets).join('、') !== detail.targets.join('、')) fields.targets = splitUnits(targets);
    if (Object.keys(fields).length === 0) {
      startEdit(null);
      return;
    }
    void save(detail.id, fields);
  };

  const splitAtCursor = (): void => {
    const at = textRef.current?.selectionStart ?? 0;
    if (at <= 0 || at >= detail.text.length || text !== detail.text) {
      window.alert(t('splitHint'));
      return;
    }
    if (window.confirm(t('splitConfirm', { first: detail.text.slice(0, at).slice(-20), second: detail.text.slice(at, at + 20) }))) void split(detail.id, at);
  };

  return (
    <form className="edit-form block" onSubmit={submit} data-testid="measure-edit-form" aria-label={t('formLabel')}>
      <datalist id="department-names">
        {departments.map((d) => (
          <option key={d.id} value={d.name} />
        ))}
      </datalist>
      <label className="field">
        <span>{t('title')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} required autoFocus data-testid="measure-edit-title" />
      </label>
      <label className="field">
        <span>{t('text')}</span>
        <textarea ref={textRef} value={text} onChange={(e) => setText(e.target.value)} rows={6} data-testid="measure-edit-text" />
      </label>
      <label className="field">
        <span>{t('lead')}</span>
        <input value={lead} onChange={(e) => setLead(e.target.value)} list="department-names" placeholder={t('unitsHint')} data-testid="measure-edit-lead" />
      </label>
      <label className="field">
        <span>{t('responsible')}</span>
        <input value={responsible} onChange={(e) => setResponsible(e.target.value)} list="department-names" placeholder={t('unitsHint')} data-testid="measure-edit-responsible" />
      </label>
      <label className="field">
        <span>{t('deadline')}</span>
        <input value={deadline} onChange={(e) => setDeadline(e.target.value)} maxLength={100} data-testid="measure-edit-deadline" />
      </label>
      <label className="field">
        <span>{t('targets')}</span>
        <input value={targets} onChange={(e) => setTargets(e.target.value)} placeholder={t('unitsHint')} data-testid="measure-edit-targets" />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="measure-edit-save">
          {busy ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={() => startEdit(null)} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
      <fieldset className="structure-actions">
        <legend>{t('structure')}</legend>
        <button type="button" onClick={splitAtCursor} disabled={busy} data-testid="measure-split">
          {t('split')}
        </button>
        <span className="merge-pick">
          <select value={mergeWith} onChange={(e) => setMergeWith(e.target.value)} aria-label={t('mergePick')} data-testid="measure-merge-pick">
            <option value="">{t('mergePick')}</option>
            {siblings.map((r) => (
              <option key={r.id} value={r.id}>
                {r.number} {r.title.slice(0, 30)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={busy || !mergeWith}
            onClick={() => {
              if (window.confirm(t('mergeConfirm'))) void merge(detail.id, mergeWith);
            }}
            data-testid="measure-merge"
          >
            {t('merge')}
          </button>
        </span>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t('deleteConfirm', { title: detail.title }))) void remove(detail.id);
          }}
          data-testid="measure-delete"
        >
          {t('delete')}
        </button>
      </fieldset>
    </form>
  );
}
