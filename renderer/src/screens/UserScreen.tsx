// Before work starts: create the first user, choose who is working, or add a user.
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { UserForm } from '../components/UserForm';
import { SetupFromPackage } from '../exchange/SetupFromPackage';

export function UserScreen() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const creatingUser = useSession((s) => s.creatingUser);
  const switchUser = useSession((s) => s.switchUser);
  const showUserForm = useSession((s) => s.showUserForm);
  if (!info) return null;
  const first = info.users.length === 0;
  const choosing = !first && !creatingUser;

  return (
    <main className="center-page" data-testid={first ? 'screen-first-run' : choosing ? 'screen-choose-user' : 'screen-new-user'}>
      <section className="card narrow">
        <h1 className="app-name">{t('app.title')}</h1>
        {first && (
          <>
            <h2>{t('users.firstTitle')}</h2>
            <p className="muted">{t('users.firstBody')}</p>
            <UserForm />
            <SetupFromPackage />
          </>
        )}
        {choosing && (
          <>
            <h2>{t('users.chooseTitle')}</h2>
            <p className="muted">{t('users.chooseBody')}</p>
            <ul className="user-list">
              {info.users.map((u) => (
                <li key={u.id}>
                  <button type="button" className="user-choice" onClick={() => void switchUser(u.id)} data-testid="choose-user">
                    <strong>{u.name}</strong>
                    <span className="muted">
                      {t(`roles.${u.role}`)} · {u.departmentName ?? t('header.noDepartment')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => showUserForm(true)} data-testid="new-user">
              {t('header.newUser')}
            </button>
          </>
        )}
        {!first && creatingUser && (
          <>
            <h2>{t('users.newTitle')}</h2>
            <UserForm onCancel={() => showUserForm(false)} />
          </>
        )}
      </section>
    </main>
  );
}
