// Enforces shared/api/roles.ts on the Node side of every call, whichever transport it came by.
import { CALL_ROLES, ROLE_NAMES, rolesOnceSetUp } from '../../shared/api/roles';
import type { CallName } from '../../shared/api/contract';
import { listUsers, usersCreatedHere } from '../../db/queries/users';
import { AppError, isAppError } from '../../shared/errors';
import type { AppContext } from './context';
import { currentUser, lockedError } from './context';

/**
 * Why the signed-in user may not make this call, as an error with a sentence naming the role, or null. `what` says
 * what the call does, for a screen that tells beforehand (the default suits a refused call).
 */
export function accessRefusal(ctx: AppContext, name: CallName, what = '进行此操作'): AppError | null {
  const access = CALL_ROLES[name];
  if (access === 'anyone') return null;
  // A locked store answers every call with the request for its passphrase, before anything about users.
  if (ctx.locked) return lockedError();
  if ((access === 'first-user' || access === 'setup') && listUsers(ctx.db).length === 0) return null;
  // A PC set up from a package holds only the office's users: whoever sits there adds themselves first.
  if (access === 'first-user' && !ctx.userId) {
    const here = usersCreatedHere(ctx.db);
    if (!listUsers(ctx.db).some((u) => here.has(u.id))) return null;
  }
  let user;
  try {
    user = currentUser(ctx);
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  const roles = rolesOnceSetUp(access);
  if (roles === 'anyone' || roles.includes(user.role)) return null;
  return new AppError(
    'forbidden',
    `您的角色(${ROLE_NAMES[user.role]})不能${what}。可以${what}的是:${roles.map((r) => ROLE_NAMES[r]).join('、')}。如需办理,请切换到相应的用户。`,
    `role ${user.role} denied ${name}`,
  );
}

/** Throws accessRefusal's error when the signed-in user may not make this call. */
export function requireAccess(ctx: AppContext, name: CallName): void {
  const refusal = accessRefusal(ctx, name);
  if (refusal) throw refusal;
}
