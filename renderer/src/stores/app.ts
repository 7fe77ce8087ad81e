// App-wide UI state: which screen is shown (kept in the URL hash) and the notices banner.
import { create } from 'zustand';
import { ApiError } from '../api/client';
import { i18n } from '../i18n/index';

export interface Route {
  screen: string;
  /** A measure id for the checklist (#/checklist/<id>), so a reload or a dashboard link opens it. */
  param: string | null;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** Buttons on the notice (撤销, 打开…); a notice with actions stays up longer, so there is time to use them. */
  actions?: NoticeAction[];
}

export interface NoticeAction {
  label: string;
  testId: string;
  run(): void | Promise<void>;
}

interface AppState {
  route: Route;
  notices: Notice[];
  go(screen: string, param?: string | null): void;
  /** Keeps the hash in step with the measure shown, without adding a history entry per click. */
  replaceParam(param: string | null): void;
  syncFromHash(): void;
  notify(kind: Notice['kind'], message: string, actions?: NoticeAction[]): void;
  dismiss(id: number): void;
}

export const DEFAULT_SCREEN = 'checklist';

export function parseHash(hash: string): Route {
  const [screen, param] = hash.replace(/^#\/?/, '').split('/');
  return { screen: screen || DEFAULT_SCREEN, param: param ? decodeURIComponent(param) : null };
}

function toHash(r: Route): string {
  return `#/${r.screen}${r.param ? `/${encodeURIComponent(r.param)}` : ''}`;
}

/** The message to show for anything thrown: the API's Chinese sentence, never a stack trace. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return i18n.t('errors.generic');
}

let nextNotice = 1;

export const useApp = create<AppState>((set, get) => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
  notices: [],
  go(screen, param = null) {
    const route = { screen, param };
    set({ route });
    const hash = toHash(route);
    if (location.hash !== hash) history.pushState(null, '', hash);
  },
  replaceParam(param) {
    const route = { ...get().route, param };
    set({ route });
    history.replaceState(null, '', toHash(route));
  },
  syncFromHash() {
    const route = parseHash(location.hash);
    const cur = get().route;
    if (route.screen !== cur.screen || route.param !== cur.param) set({ route });
  },
  notify(kind, message, actions) {
    const id = nextNotice++;
    // The same message twice in a row is one notice, not a stack of them.
    set((s) => ({ notices: [...s.notices.filter((n) => n.message !== message), { id, kind, message, ...(actions ? { actions } : {}) }].slice(-4) }));
    if (kind === 'info') setTimeout(() => get().dismiss(id), actions ? 20_000 : 5000);
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
}));

/** Shows an error from any store in the banner; returns the message for inline display too. */
export function reportError(e: unknown): string {
  const message = messageOf(e);
  if (!(e instanceof ApiError)) console.error(e);
  useApp.getState().notify('error', message);
  return message;
}
