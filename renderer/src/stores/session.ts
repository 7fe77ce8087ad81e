// Who is working, on which quarter, and the departments they can be part of.
import { create } from 'zustand';
import { api } from '../api/client';
import type { SessionInfo } from '../../../shared/api/ledger';
import type { Department, Role } from '../../../shared/model';
import { messageOf, reportError, useApp } from './app';
import { i18n } from '../i18n/index';
import { loadSettings, saveSetting } from '../daily/settings';
import { isQuarterId } from '../../../shared/periods';

/**
 * The log problem last shown: the session is read again after every import, user switch and plan change, and a notice
 * the person has dismissed must not come back each time; a different problem (or the same after it was mended) does.
 */
let logProblemShown: string | null = null;

export interface NewUser {
  name: string;
  role: Role;
  /** A department picked from the list, or a name typed by the user (created on the fly). */
  department: string;
}

interface SessionState {
  info: SessionInfo | null;
  periodId: string;
  departments: Department[];
  loadError: string | null;
  /** The user form shown over the app (after "新建用户"). */
  creatingUser: boolean;
  busy: boolean;
  /** Reads who is working again (at start, and after an import: the store now has plans and maybe new departments). */
  load(): Promise<void>;
  loadDepartments(): Promise<void>;
  setPeriod(periodId: string): void;
  switchUser(userId: string): Promise<void>;
  /** The user whose password is being asked for, or 'set-own' while the signed-in user sets theirs. */
  passwordFor: string | null;
  signInError: string | null;
  signIn(password: string): Promise<void>;
  setOwnPassword(password: string, current: string): Promise<void>;
  askPassword(userId: string | null): void;
  createUser(u: NewUser): Promise<boolean>;
  showUserForm(show: boolean): void;
}

export const useSession = create<SessionState>((set, get) => ({
  info: null,
  periodId: '',
  departments: [],
  loadError: null,
  creatingUser: false,
  busy: false,
  passwordFor: null,
  signInError: null,
  async load() {
    try {
      const info = await api['session.get']({});
      const saved = info.user ? await loadSettings() : {};
      // A quarter already picked stays picked; at start, the one this person last worked on.
      const remembered = saved.periodId && isQuarterId(saved.periodId) ? saved.periodId : null;
      set({ info, periodId: get().periodId || remembered || info.currentPeriod, loadError: null });
      if (info.logProblem && info.logProblem !== logProblemShown) useApp.getState().notify('error', info.logProblem);
      logProblemShown = info.logProblem;
      await get().loadDepartments();
    } catch (e) {
      set({ loadError: reportError(e) });
    }
  },
  async loadDepartments() {
    try {
      set({ departments: await api['departments.list']({}) });
    } catch (e) {
      reportError(e);
    }
  },
  setPeriod(periodId) {
    set({ periodId });
    if (get().info?.user) saveSetting('periodId', periodId);
  },
  async switchUser(userId) {
    const info = get().info;
    // A password guards this user (or every user): ask for it before trying.
    if (info && userId !== info.user?.id && (info.passwordsRequired || info.withPassword.includes(userId))) {
      set({ passwordFor: userId, signInError: null });
      return;
    }
    try {
      set({ info: await api['session.switchUser']({ userId }), creatingUser: false });
      const saved = await loadSettings();
      if (saved.periodId && isQuarterId(saved.periodId)) set({ periodId: saved.periodId });
    } catch (e) {
      reportError(e);
    }
  },
  async createUser(u) {
    const typed = u.department.trim();
    const known = get().departments.find((d) => d.name === typed || d.aliases.includes(typed));
    set({ busy: true });
    try {
      const info = await api['users.create']({
        name: u.name,
        role: u.role,
        departmentId: known ? known.id : null,
        departmentName: known || !typed ? null : typed,
      });
      set({ info, creatingUser: false, busy: false });
      await get().loadDepartments();
      return true;
    } catch (e) {
      reportError(e);
      set({ busy: false });
      return false;
    }
  },
  async signIn(password) {
    const userId = get().passwordFor;
    if (!userId) return;
    try {
      set({ info: await api['session.switchUser']({ userId, password }), passwordFor: null, signInError: null, creatingUser: false });
    } catch (e) {
      set({ signInError: messageOf(e) });
    }
  },
  async setOwnPassword(password, current) {
    const me = get().info?.user;
    if (!me) return;
    try {
      set({ info: await api['users.setPassword']({ userId: me.id, password, ...(current ? { current } : {}) }), passwordFor: null, signInError: null });
      useApp.getState().notify('info', i18n.t('security:passwordSet'));
    } catch (e) {
      set({ signInError: messageOf(e) });
    }
  },
  askPassword(userId) {
    set({ passwordFor: userId, signInError: null });
  },
  showUserForm(show) {
    set({ creatingUser: show });
  },
}));
