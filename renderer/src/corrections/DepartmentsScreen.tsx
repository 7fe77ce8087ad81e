// The departments of the ledger: merge two spellings of one department, rename, mark as collective.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/model';
import { api } from '../api/client';
import { reportError, useApp } from '../stores/app';
import { useSession } from '../stores/session';
import { useMayCall } from '../stores/may-call';
import { useChecklist } from '../stores/checklist';
import './corrections.css';

async function change(work: () => Promise<Department[]>, done: string): Promise<void> {
  try {
    const list = await work();
    useSession.setState({ departments: list });
    useApp.getState().notify('info', done);
    // Unit names show in every checklist row: read them again.
    void useChecklist.getState().loadRows();
  } catch (e) {
    reportError(e);
  }
}

function DepartmentRow({ d, all }: { d: Department; all: Department[] }) {
  const { t } = useTranslation('corrections');
  const [name, setName] = useState(d.name);
  const [into, setInto] = useState('');
  useEffect(() => setName(d.name), [d.name]);
  const target = all.find((x) => x.id === into);
  return (
    <tr data-testid="department-row" data-name={d.name}>
      <td>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && name.trim() !== d.name) void change(() => api['departments.rename']({ id: d.id, name: name.trim() }), t('departments.renamed'));
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('departments.name')} maxLength={100} data-testid="department-name" />
          {name.trim() !== d.name && (
            <button type="submit" data-testid="department-rename">
              {t('departments.renameSave')}
            </button>
          )}
        </form>
      </td>
      <td className="muted small">{d.aliases.filter((a) => a !== d.name).join('、')}</td>
      <td className="small">{t('departments.counts', { lead: d.leadCount, responsible: d.responsibleCount })}</td>
      <td>
        <label className="checkbox" title={t('departments.collectiveHint')}>
          <input
            type="checkbox"
            checked={d.collective}
            onChange={(e) => void change(() => api['departments.setCollective']({ id: d.id, collective: e.target.checked }), t('departments.renamed'))}
            data-testid="department-collective"
          />
          {t('departments.collective')}
        </label>
      </td>
      <td>
        <select value={into} onChange={(e) => setInto(e.target.value)} aria-label={t('departments.mergeInto')} data-testid="department-merge-pick">
          <option value="">{t('departments.mergeInto')}</option>
          {all
            .filter((x) => x.id !== d.id)
            .map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
        </select>
        <button
          type="button"
          disabled={!target}
          onClick={() => {
            if (target && window.confirm(t('departments.mergeConfirm', { from: d.name, into: target.name })))
              void change(() => api['departments.merge']({ from: d.id, into: target.id }), t('departments.merged', { from: d.name, into: target.name }));
          }}
          data-testid="department-merge"
        >
          {t('departments.merge')}
        </button>
      </td>
    </tr>
  );
}

/** The store's rule that clerks record only their own department's measures (a supervisor's setting, shared by every PC of the ledger). */
function ClerkScopeToggle() {
  const { t } = useTranslation('corrections');
  const info = useSession((s) => s.info);
  const mayLimit = useMayCall('users.limitClerks');
  if (!info || !mayLimit) return null;
  return (
    <label className="checkbox" title={t('departments.clerkScopeHint')}>
      <input
        type="checkbox"
        checked={info.clerksOwnDepartmentOnly}
        onChange={(e) => {
          const on = e.target.checked;
          void api['users.limitClerks']({ ownDepartmentOnly: on }).then(
            (next) => {
              useSession.setState({ info: next });
              useApp.getState().notify('info', t(on ? 'departments.clerkScopeOn' : 'departments.clerkScopeOff'));
            },
            (err: unknown) => reportError(err),
          );
        }}
        data-testid="clerk-scope"
      />
      {t('departments.clerkScope')}
    </label>
  );
}

export function DepartmentsScreen() {
  const { t } = useTranslation('corrections');
  const departments = useSession((s) => s.departments);
  const loadDepartments = useSession((s) => s.loadDepartments);
  useEffect(() => void loadDepartments(), [loadDepartments]);
  return (
    <div className="page departments" data-testid="departments-screen">
      <h1>{t('departments.title')}</h1>
      <p className="muted">{t('departments.intro')}</p>
      <ClerkScopeToggle />
      {departments.length === 0 ? (
        <p className="muted">{t('departments.empty')}</p>
      ) : (
        <table className="departments-table">
          <thead>
            <tr>
              <th>{t('departments.name')}</th>
              <th>{t('departments.aliases')}</th>
              <th />
              <th>{t('departments.collective')}</th>
              <th>{t('departments.mergeInto')}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <DepartmentRow key={d.id} d={d} all={departments} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
