// Handlers of the sign-in calls: setting passwords and requiring them.
import type { Handlers } from '../dispatch';
import { currentUser } from '../context';
import { getUser } from '../../../db/queries/users';
import { checkPassword, passwordHash, setPassword, setPasswordsRequired } from '../../../db/queries/auth';
import { setClerksOwnDepartmentOnly } from '../../../db/queries/clerk-scope';
import { AppError } from '../../../shared/errors';
import { session } from './ledger';

export const authHandlers: Pick<Handlers, 'users.setPassword' | 'users.requirePasswords' | 'users.limitClerks'> = {
  'users.setPassword': (ctx, a) => {
    const me = currentUser(ctx);
    const target = getUser(ctx.db, a.userId);
    if (!target || target.system) throw new AppError('not_found', '找不到该用户。请刷新后重新选择。');
    if (target.id !== me.id && me.role !== 'supervisor') throw new AppError('forbidden', '只有法制机构用户可以设置其他人的密码。');
    if (target.id === me.id) {
      // Someone who walks up to a signed-in PC must not be able to lock its owner out.
      const old = passwordHash(ctx.db, me.id);
      if (old && !checkPassword(old, a.current ?? '')) throw new AppError('forbidden', '当前密码不正确。请输入原来的密码后再修改。');
    }
    setPassword(ctx.db, me.id, target.id, a.password);
    ctx.log.info(`password ${a.password === null ? 'removed' : 'set'} for ${target.id} by ${me.id}`);
    return session(ctx);
  },
  'users.requirePasswords': (ctx, a) => {
    const me = currentUser(ctx);
    if (a.required && !passwordHash(ctx.db, me.id)) {
      throw new AppError('validation', '请先为自己设置密码,再要求所有用户使用密码,以免无法登录。');
    }
    setPasswordsRequired(ctx.db, me.id, a.required);
    return session(ctx);
  },
  'users.limitClerks': (ctx, a) => {
    setClerksOwnDepartmentOnly(ctx.db, currentUser(ctx).id, a.ownDepartmentOnly);
    return session(ctx);
  },
};
