// Signing in as a user: their password when they have one, or when the store requires one of everybody.
import { checkPassword, passwordHash, passwordsRequired } from '../../db/queries/auth';
import { AppError } from '../../shared/errors';
import type { User } from '../../shared/model';
import type { AppContext } from './context';

/** Failed attempts per user, so a password cannot be guessed by a script at full speed. */
const failures = new Map<string, { n: number; until: number }>();

export function signIn(ctx: AppContext, user: User, password: string | undefined, now = Date.now()): void {
  const hash = passwordHash(ctx.db, user.id);
  if (!hash) {
    if (passwordsRequired(ctx.db)) {
      throw new AppError('forbidden', `本台账要求每位用户设置密码,而“${user.name}”尚未设置。请法制机构用户先为其设置密码。`);
    }
    return;
  }
  const f = failures.get(user.id);
  if (f && f.until > now) throw new AppError('forbidden', '密码错误次数过多,请稍等一分钟后再试。');
  if (password === undefined || password === '') throw new AppError('forbidden', `请输入“${user.name}”的密码。`);
  if (!checkPassword(hash, password)) {
    const n = (f?.n ?? 0) + 1;
    failures.set(user.id, { n, until: n >= 5 ? now + 60_000 : 0 });
    ctx.log.info(`sign-in failed for ${user.id} (${n})`);
    throw new AppError('forbidden', '密码不正确。请重新输入;如忘记密码,请法制机构用户为您重设。');
  }
  failures.delete(user.id);
}
