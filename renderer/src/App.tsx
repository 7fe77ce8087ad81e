// The shell: loads the session, then shows first-run, user choice, or the header and the current screen.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './stores/app';
import { useSession } from './stores/session';
import { navItems } from './nav';
import { Header } from './components/Header';
import { Notices } from './components/Notices';
import { UserScreen } from './screens/UserScreen';
import { PasswordDialog } from './components/PasswordDialog';
import { UnlockScreen } from './screens/UnlockScreen';
import { useLock, watchIdle } from './stores/lock';

/** Files dropped outside the drop zone must not make the window navigate to them. */
function preventStrayDrops(): () => void {
  const stop = (e: DragEvent): void => {
    if (!(e.target instanceof Element && e.target.closest('[data-dropzone]'))) e.preventDefault();
  };
  window.addEventListener('dragover', stop);
  window.addEventListener('drop', stop);
  return () => {
    window.removeEventListener('dragover', stop);
    window.removeEventListener('drop', stop);
  };
}

export function App() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const loadError = useSession((s) => s.loadError);
  const creatingUser = useSession((s) => s.creatingUser);
  const route = useApp((s) => s.route);
  const locked = useLock((s) => s.status?.locked ?? false);

  useEffect(() => {
    // An encrypted store asks for its passphrase before anything of the ledger loads.
    void useLock
      .getState()
      .load()
      .then(async () => {
        if (!useLock.getState().status?.locked) await useSession.getState().load();
      });
    const stopIdle = watchIdle();
    const onHash = (): void => useApp.getState().syncFromHash();
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    const undoDrops = preventStrayDrops();
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
      undoDrops();
      stopIdle();
    };
  }, []);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  let body;
  if (locked) {
    body = <UnlockScreen />;
  } else if (!info) {
    body = (
      <main className="center-page" data-testid="app-loading">
        <p>{loadError ?? t('app.loading')}</p>
      </main>
    );
  } else if (info.users.length === 0 || !info.user || creatingUser) {
    body = <UserScreen />;
  } else {
    const item = navItems.find((n) => n.id === route.screen) ?? navItems[0]!;
    body = (
      <>
        <Header />
        <main className="screen" data-testid={`screen-${item.id}`}>
          <item.Screen />
        </main>
      </>
    );
  }

  return (
    <div className="app">
      <Notices />
      {body}
      <PasswordDialog />
    </div>
  );
}
