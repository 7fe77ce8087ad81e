// The supervisor's way into correcting the open measure: the edit form, or a new measure after it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureDetail } from '../../../shared/model';
import { useMayCall } from '../stores/may-call';
import { useCorrections } from './store';
import { MeasureEditForm } from './MeasureEditForm';
import { AddMeasureForm } from './AddMeasureForm';
import './corrections.css';

export function CorrectionBar({ detail }: { detail: MeasureDetail }) {
  const { t } = useTranslation('corrections');
  const mayEdit = useMayCall('measures.edit');
  const editing = useCorrections((s) => s.editing === detail.id);
  const startEdit = useCorrections((s) => s.startEdit);
  const [adding, setAdding] = useState(false);
  // The outline is the supervisors' (法制机构) document; the Node side refuses others too.
  if (!mayEdit) return null;
  if (editing) return <MeasureEditForm key={detail.id} detail={detail} />;
  if (adding) return <AddMeasureForm after={detail} onClose={() => setAdding(false)} />;
  return (
    <div className="correction-bar">
      <button type="button" className="link-button" onClick={() => startEdit(detail.id)} data-testid="measure-edit">
        {t('edit')}
      </button>
      <button type="button" className="link-button" onClick={() => setAdding(true)} data-testid="measure-add">
        {t('addAfter')}
      </button>
    </div>
  );
}
