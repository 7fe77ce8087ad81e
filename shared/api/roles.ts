// Who may make each call: a total map over the contract, so a new call without an entry does not compile.
import type { Role } from '../model';
import type { CallName } from './contract';

/**
 * 'anyone': no signed-in user needed (reading the session, signing in).
 * 'first-user': anyone while the store has no users yet (first run), then supervisors only.
 * A list: the roles of the signed-in user that may make the call.
 */
export type Access = 'anyone' | 'first-user' | readonly Role[];

const ALL: readonly Role[] = ['clerk', 'inspector', 'supervisor'];
/** Clerks record progress and evidence; supervisors do everything; inspectors never change clerks' records. */
const RECORDERS: readonly Role[] = ['clerk', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];

export const CALL_ROLES: Record<CallName, Access> = {
  'session.get': 'anyone',
  'session.switchUser': 'anyone',
  'users.create': 'first-user',
  'users.setPassword': ALL,
  'users.requirePasswords': SUPERVISOR,
  // The first-run form lists departments before anyone exists.
  'departments.list': 'anyone',
  'plans.list': ALL,
  'sections.list': ALL,
  'import.preview': RECORDERS,
  'import.commit': RECORDERS,
  'import.template': RECORDERS,
  'measures.list': ALL,
  'measures.get': ALL,
  'progress.set': RECORDERS,
  'dashboard.get': ALL,
  'jobs.get': ALL,
  'jobs.cancel': ALL,
  'reports.preview': ALL,
  'reports.export': ALL,
  'evidence.config': ALL,
  'evidence.attachPaths': RECORDERS,
  'evidence.list': ALL,
  'evidence.missing': ALL,
  'evidence.update': RECORDERS,
  'evidence.remove': RECORDERS,
  'evidence.verify': ALL,
  'evidence.cleanup': SUPERVISOR,
};

export const ROLE_NAMES: Record<Role, string> = { clerk: '办事员', inspector: '督察员', supervisor: '法制机构' };
