// Whether the signed-in user may make a call: screens offer only what the store would allow (shared/api/roles.ts).
import type { CallName } from '../../../shared/api/contract';
import { roleMayCall } from '../../../shared/api/roles';
import { useSession } from './session';

/** False with no one signed in: what a screen offers for a call follows the role the store checks it against. */
export function useMayCall(name: CallName): boolean {
  return useSession((s) => {
    const role = s.info?.user?.role;
    return role !== undefined && roleMayCall(role, name);
  });
}
