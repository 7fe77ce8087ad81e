// The encrypted store's lock as the renderer sees it: locked or not, unlocking, locking, and the idle timer.
import { create } from 'zustand';
import { api, onStoreLocked } from '../api/client';
import type { StoreStatus } from '../../../shared/api/store';
import { messageOf, reportError } from './app';
import { useSession } from './session';

interface LockState {
  status: StoreStatus | null;
  error: string | null;
  busy: boolean;
  load(): Promise<void>;
  unlock(passphrase: string): Promise<boolean>;
  lock(): Promise<void>;
  setIdleMinutes(minutes: number): Promise<void>;
  /** The Node side said the store is locked: show the unlock screen, forget what was on screen. */
  markLocked(): void;
}

export const useLock = create<LockState>((set, get) => ({
  status: null,
  error: null,
  busy: false,
  async load() {
    try {
      set({ status: await api['store.status']({}) });
    } catch (e) {
      reportError(e);
    }
  },
  async unlock(passphrase) {
    set({ busy: true, error: null });
    try {
      set({ status: await api['store.unlock']({ passphrase }), busy: false });
      await useSession.getState().load();
      return true;
    } catch (e) {
      set({ error: messageOf(e), busy: false });
      return false;
    }
  },
  async lock() {
    try {
      set({ status: await api['store.lock']({}), error: null });
      get().markLocked();
    } catch (e) {
      reportError(e);
    }
  },
  async setIdleMinutes(minutes) {
    try {
      set({ status: await api['store.setIdleMinutes']({ minutes }) });
    } catch (e) {
      reportError(e);
    }
  },
  markLocked() {
    const s = get().status;
    set({ status: s ? { ...s, locked: true } : { encrypted: true, locked: true, idleMinutes: 15 } });
    useSession.setState({ info: null, loadError: null, passwordFor: null });
  },
}));

onStoreLocked(() => {
  if (!useLock.getState().status?.locked) useLock.getState().markLocked();
});

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks an unlocked encrypted store after the chosen minutes without mouse or keyboard; returns the clean-up. */
export function watchIdle(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    const s = useLock.getState().status;
    if (!s?.encrypted || s.locked) return;
    timer = setTimeout(() => void useLock.getState().lock(), s.idleMinutes * 60_000);
  };
  for (const e of ACTIVITY) window.addEventListener(e, arm, { passive: true });
  const unsubscribe = useLock.subscribe(arm);
  arm();
  return () => {
    clearTimeout(timer);
    unsubscribe();
    for (const e of ACTIVITY) window.removeEventListener(e, arm);
  };
}
