// Creates a user: name, role, and a department picked from the list or typed in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/model';
import { useSession } from '../stores/session';

export function UserForm({ onCancel }: { onCancel?: () => void }) {
  const { t } = useTranslation();
  const departments = useSession((s) => s.departments);
  const busy = useSession((s) => s.busy);
  const createUser = useSession((s) => s.createUser);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [department, setDepartment] = useState('');

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void createUser({ name, role, department });
  };

  return (
    <form className="form" onSubmit={submit} data-testid="user-form">
      <label className="field">
        <span>{t('users.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={50} autoFocus data-testid="user-name" />
      </label>
      <fieldset className="field">
        <legend>{t('users.role')}</legend>
        <div className="radio-row">
          {ROLES.map((r) => (
            <label key={r} className="radio">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} data-testid={`user-role-${r}`} />
              {t(`roles.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>{t('users.department')}</span>
        <input
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          list="department-options"
          maxLength={100}
          placeholder={t('users.departmentHint')}
          data-testid="user-department"
        />
        <datalist id="department-options">
          {departments
            .filter((d) => !d.collective)
            .map((d) => (
              <option key={d.id} value={d.name} />
            ))}
        </datalist>
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !name.trim()} data-testid="user-create">
          {busy ? t('users.creating') : t('users.create')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('app.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
