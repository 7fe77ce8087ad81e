// Who is working, on which quarter, and the departments they can be part of.
import { create } from 'zustand';
import { api } from '../api/client';
import type { SessionInfo } from '../../../shared/api/ledger';
import type { Department, Role } from '../../../shared/model';
import { reportError } from './app';
import { loadSettings, saveSetting } from '../daily/settings';
import { isQuarterId } from '../../../shared/periods';

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
  async load() {
    try {
      const info = await api['session.get']({});
      const saved = info.user ? await loadSettings() : {};
      // A quarter already picked stays picked; at start, the one this person last worked on.
      const remembered = saved.periodId && isQuarterId(saved.periodId) ? saved.periodId : null;
      set({ info, periodId: get().periodId || remembered || info.currentPeriod, loadError: null });
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
  showUserForm(show) {
    set({ creatingUser: show });
  },
}));
