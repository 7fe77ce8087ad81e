// The header: app name, navigation, quarter picker, who is working (switch or add a user), language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/app';
import { useSession } from '../stores/session';
import { useLock } from '../stores/lock';
import { navItems, type NavItem } from '../nav';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index';
import { formatQuarter, quarterOptions } from '../format';
import { useMayCall } from '../stores/may-call';


export function Header() {
  const { t, i18n } = useTranslation();
  const { t: ts } = useTranslation('security');
  const { t: tl } = useTranslation('lock');
  const encrypted = useLock((s) => s.status?.encrypted ?? false);
  const route = useApp((s) => s.route);
  const go = useApp((s) => s.go);
  const info = useSession((s) => s.info);
  const periodId = useSession((s) => s.periodId);
  const setPeriod = useSession((s) => s.setPeriod);
  const switchUser = useSession((s) => s.switchUser);
  const showUserForm = useSession((s) => s.showUserForm);
  const quarters = useMemo(() => quarterOptions(periodId), [periodId]);
  const mayAddUsers = useMayCall('users.create');
  const user = info?.user;
  if (!info || !user) return null;

  return (
    <header className="header">
      <div className="brand">{t('app.title')}</div>
      <nav className="nav" aria-label={t('nav.main')}>
        {navItems.filter((n) => !n.more).map((n) => (
          <NavLink key={n.id} item={n} active={route.screen === n.id} label={t(n.labelKey)} go={go} />
        ))}
        <details className={`nav-more${navItems.some((n) => n.more && n.id === route.screen) ? ' active' : ''}`} data-testid="nav-more">
          <summary className="nav-item">{t('nav.more')}</summary>
          <div className="nav-more-menu">
            {navItems.filter((n) => n.more).map((n) => (
              <NavLink
                key={n.id}
                item={n}
                active={route.screen === n.id}
                label={t(n.labelKey)}
                go={(id) => {
                  document.querySelector<HTMLDetailsElement>('.nav-more')?.removeAttribute('open');
                  go(id);
                }}
              />
            ))}
          </div>
        </details>
      </nav>
      <div className="header-tools">
        <label className="header-field">
          <span>{t('header.period')}</span>
          <select className="period-select" value={periodId} onChange={(e) => setPeriod(e.target.value)} data-testid="period-select">
            {quarters.map((q) => (
              <option key={q} value={q}>
                {formatQuarter(q)}
              </option>
            ))}
          </select>
        </label>
        <div className="who" data-testid="current-user" title={`${user.name} ${user.departmentName ?? ""}`}>
          <strong>{user.name}</strong>
          <span className="muted">
            {t(`roles.${user.role}`)} · {user.departmentName ?? t('header.noDepartment')}
          </span>
        </div>
        <label className="header-field">
          <span className="sr-only">{t('header.switchUser')}</span>
          <select value={user.id} onChange={(e) => void switchUser(e.target.value)} data-testid="switch-user" title={t('header.switchUser')}>
            {info.users.map((u) => (
              <option key={u.id} value={u.id}>
                {t('app.paren', { text: u.name, inner: t(`roles.${u.role}`) })}
              </option>
            ))}
          </select>
        </label>
        {/* Offered only to whom the store lets add users once it has some. */}
        {mayAddUsers && (
          <button type="button" className="header-button" onClick={() => showUserForm(true)} data-testid="new-user">
            {t('header.newUser')}
          </button>
        )}
        <button type="button" className="header-button" onClick={() => useSession.getState().askPassword('set-own')} data-testid="set-password">
          {ts('setPassword')}
        </button>
        {encrypted && (
          <button type="button" className="header-button" onClick={() => void useLock.getState().lock()} data-testid="lock-now">
            {tl('lockNow')}
          </button>
        )}
        <label className="header-field">
          <span className="sr-only">{t('header.language')}</span>
          <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language-select" title={t('header.language')}>
            {LANGUAGES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}

function NavLink({ item, active, label, go }: { item: NavItem; active: boolean; label: string; go(id: string): void }) {
  return (
    <a
      href={`#/${item.id}`}
      className={active ? 'nav-item active' : 'nav-item'}
      aria-current={active ? 'page' : undefined}
      data-testid={`nav-${item.id}`}
      onClick={(e) => {
        e.preventDefault();
        go(item.id);
      }}
    >
      {label}
    </a>
  );
}
