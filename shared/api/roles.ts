// Who may make each call: a total map over the contract, so a new call without an entry does not compile.
import type { Role } from '../model';
import type { CallName } from './contract';

/**
 * 'anyone': no signed-in user needed (reading the session, signing in).
 * 'first-user': anyone while the store has no users yet (first run), then supervisors only.
 * 'setup': anyone while the store has no users yet (a new PC set up from a package), then every signed-in user.
 * A list: the roles of the signed-in user that may make the call.
 */
export type Access = 'anyone' | 'first-user' | 'setup' | readonly Role[];

const ALL: readonly Role[] = ['clerk', 'inspector', 'supervisor'];
/** Clerks record progress and evidence; supervisors do everything; inspectors never change clerks' records. */
const RECORDERS: readonly Role[] = ['clerk', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];
/** Inspectors record reviews; supervisors may too. */
const INSPECTORS: readonly Role[] = ['inspector', 'supervisor'];

export const CALL_ROLES: Record<CallName, Access> = {
  'session.get': 'anyone',
  // A locked store has no users to check against: anyone at the PC may see it is locked, unlock it with the passphrase, or lock it.
  'store.status': 'anyone',
  'store.unlock': 'anyone',
  'store.lock': 'anyone',
  'store.setIdleMinutes': ALL,
  'session.switchUser': 'anyone',
  'users.create': 'first-user',
  'users.setPassword': ALL,
  'users.requirePasswords': SUPERVISOR,
  'users.limitClerks': SUPERVISOR,
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
  'jobs.get': 'setup',
  'jobs.cancel': 'setup',
  'reports.preview': ALL,
  'reports.export': ALL,
  'reports.save': ALL,
  'reports.reveal': ALL,
  'evidence.config': ALL,
  'evidence.attachPaths': RECORDERS,
  'evidence.list': ALL,
  'evidence.pick': ALL,
  'evidence.reuse': RECORDERS,
  'evidence.text': ALL,
  'evidence.missing': ALL,
  'evidence.update': RECORDERS,
  'evidence.remove': RECORDERS,
  'evidence.verify': ALL,
  'evidence.cleanup': SUPERVISOR,
  'drafts.open': ALL,
  'drafts.save': SUPERVISOR,
  'drafts.regenerate': SUPERVISOR,
  // Every copy exchanges packages: a department's clerk and an inspector's laptop import and return them.
  'exchange.overview': ALL,
  'exchange.export': ALL,
  'exchange.inspect': 'setup',
  'exchange.import': 'setup',
  'exchange.importReceipt': ALL,
  'conflicts.list': ALL,
  'conflicts.resolve': SUPERVISOR,
  'audit.verify': ALL,
  // The outline is the supervisors' document.
  'measures.edit': SUPERVISOR,
  'measures.split': SUPERVISOR,
  'measures.merge': SUPERVISOR,
  'measures.add': SUPERVISOR,
  'measures.delete': SUPERVISOR,
  'departments.rename': SUPERVISOR,
  'departments.setCollective': SUPERVISOR,
  'departments.merge': SUPERVISOR,
  'import.revisionPreview': SUPERVISOR,
  'import.commitRevision': SUPERVISOR,
  'reviews.list': ALL,
  'reviews.create': INSPECTORS,
  'reviews.get': ALL,
  'reviews.verdict': INSPECTORS,
  'reviews.linkFiles': INSPECTORS,
  'reviews.unlinkFile': INSPECTORS,
  'reviews.sign': INSPECTORS,
  'reviews.verify': ALL,
  'reviews.revise': INSPECTORS,
  'reviews.export': ALL,
  'rectifications.list': ALL,
  'rectifications.counts': ALL,
  'rectifications.respond': RECORDERS,
  'rectifications.close': SUPERVISOR,
  'plans.delete': RECORDERS,
  'plans.deleted': ALL,
  'plans.restore': SUPERVISOR,
  'targets.get': ALL,
  'targets.set': RECORDERS,
  'targets.below': ALL,
  // Per-user preferences of this PC.
  'settings.get': ALL,
  'settings.set': ALL,
  'backup.list': ALL,
  'backup.create': ALL,
  'backup.verify': ALL,
  'backup.restore': SUPERVISOR,
  'backup.setFolder': SUPERVISOR,
};

export const ROLE_NAMES: Record<Role, string> = { clerk: '办事员', inspector: '督察员', supervisor: '法制机构' };

/** The roles a signed-in user needs for a call once the store has users ('anyone': none); what accessRefusal enforces. */
export function rolesOnceSetUp(access: Access): 'anyone' | readonly Role[] {
  if (access === 'first-user') return SUPERVISOR;
  if (access === 'setup') return ALL;
  return access;
}

/** Whether a signed-in user of `role` may make the call in a store that has users: for screens to offer only what is allowed. */
export function roleMayCall(role: Role, name: CallName): boolean {
  const roles = rolesOnceSetUp(CALL_ROLES[name]);
  return roles === 'anyone' || roles.includes(role);
}

/** Beyond the role of plans.delete: supervisors delete any plan, others only one they imported (a wrong import undone). */
export function mayDeletePlan(user: { id: string; role: Role }, importedBy: string): boolean {
  return user.role === 'supervisor' || importedBy === user.id;
}
