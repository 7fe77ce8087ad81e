// Rectification tasks on a measure (checklist detail): what the inspectors demanded, the department's answer with evidence, the supervisor's close.
import { formatDay } from '../format';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { reportError } from '../stores/app';
import { useSession } from '../stores/session';
import { useMayCall } from '../stores/may-call';
import type { Rectification } from '../../../shared/inspections/types';
import { attachMode, attachPaths, uploadFile } from '../evidence/transfer';
import { FilePreview } from './MeasurePane';
import './inspections.css';

function Task({ r, onChange, mayRecord }: { r: Rectification; onChange: (list: Rectification[]) => void; mayRecord: boolean }) {
  const { t } = useTranslation('inspections');
  const mayClose = useMayCall('rectifications.close');
  const periodId = useSession((s) => s.periodId);
  const [response, setResponse] = useState(r.response);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<Rectification[]>): Promise<void> => {
    setBusy(true);
    try {
      onChange(await fn());
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };
  const respond = () =>
    run(async () => {
      const target = { measureId: r.measureId, periodId };
      const meta = { description: '整改佐证材料', docNumber: '', docDate: '' };
      const results = !files.length ? [] : attachMode() === 'paths' ? [await attachPaths(files.map((file) => ({ file, meta })), target, () => undefined).promise] : await Promise.all(files.map((f) => uploadFile(f, target, meta, () => undefined).promise));
      const evidenceIds = results.flatMap((x) => x.items.map((i) => i.id));
      setFiles([]);
      return api['rectifications.respond']({ id: r.id, response, evidenceIds });
    });
  return (
    <li className={`insp-task${r.overdue ? ' overdue' : ''}`} data-testid="rectification-task" data-status={r.status} data-id={r.id}>
      <div>
        <strong data-testid="rectification-requirement">{r.requirement}</strong>{' '}
        <span className="tag tag-warn">{r.status}</span> {r.overdue && <span className="tag tag-danger">{t('overdue')}</span>}
      </div>
      <div className="small muted">
        {r.departmentName} · {t('dueOn', { date: formatDay(r.dueOn) })} · {t('taskFrom', { name: r.reviewName })}
      </div>
      {r.response && (
        <p className="small">
          {t('response')}:{r.response} {r.respondedByName && <span className="muted">({t('respondedBy', { name: r.respondedByName })})</span>}
        </p>
      )}
      {r.evidence.length > 0 && (
        <div className="insp-files">
          {r.evidence.map((f) => (
            <FilePreview key={f.evidenceId} f={f} />
          ))}
        </div>
      )}
      {r.closedByName && <p className="small muted">{t('closedBy', { name: r.closedByName })}</p>}
      {/* Supervisors may always record, so the form holds the close button too. */}
      {r.status !== '已销号' && mayRecord && (
        <div className="insp-task-form">
          <label className="field">
            <span>{t('response')}</span>
            <textarea rows={2} value={response} placeholder={t('responsePlaceholder')} onChange={(e) => setResponse(e.target.value)} data-testid="rectification-response" />
          </label>
          <input type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="rectification-files" />
          <button type="button" disabled={busy || !response.trim()} onClick={() => void respond()} data-testid="rectification-respond">
            {t('respond')}
          </button>
          {mayClose && r.status === '已反馈' && (
            <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api['rectifications.close']({ id: r.id }))} data-testid="rectification-close">
              {t('close')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** `mayRecord`: the signed-in user may answer here (MeasureDetail.recordRefusal is null); otherwise the tasks are shown only. */
export function RectificationTasks({ measureId, mayRecord }: { measureId: string; mayRecord: boolean }) {
  const { t } = useTranslation('inspections');
  const [list, setList] = useState<Rectification[]>([]);
  useEffect(() => {
    let live = true;
    api['rectifications.list']({ measureId }).then((l) => live && setList(l), reportError);
    return () => {
      live = false;
    };
  }, [measureId]);
  if (!list.length) return null;
  return (
    <section className="block" data-testid="rectification-tasks">
      <h3>{t('tasks')}</h3>
      <ul className="insp-tasks">
        {list.map((r) => (
          <Task key={r.id} r={r} onChange={setList} mayRecord={mayRecord} />
        ))}
      </ul>
    </section>
  );
}
