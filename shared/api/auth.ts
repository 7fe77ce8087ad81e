// Calls of sign-in: passwords (scrypt on the Node side) and the store-wide "everyone needs a password" setting.
import { z } from 'zod';
import { call } from './define';
import type { SessionInfo } from './ledger';

const id = z.string().min(1).max(100);
export const password = z.string().min(6, '密码至少 6 位').max(200, '密码不能超过 200 位');

export const authCalls = {
  /** Sets (or, with null, removes) a password: one's own, or anyone's for a supervisor. Changing one's own needs the current one. */
  'users.setPassword': call<SessionInfo>()(z.object({ userId: id, password: password.nullable(), current: z.string().max(200).optional() }).strict()),
  'users.requirePasswords': call<SessionInfo>()(z.object({ required: z.boolean() }).strict()),
  /** Limits clerks to their own department's measures (progress and evidence), or lifts the limit. */
  'users.limitClerks': call<SessionInfo>()(z.object({ ownDepartmentOnly: z.boolean() }).strict()),
};
