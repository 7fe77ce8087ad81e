// The one entry point both transports call: find the call, validate its arguments, run it, return data.
import { contract, isCallName } from '../../shared/api/contract';
import type { CallName, ParsedArgsOf, ResultOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/define';
import { AppError, toErrorData } from '../../shared/errors';
import type { AppContext } from './context';
import { diskError } from '../../db/backup/files';
import { requireAccess } from './access';

export type Handlers = { [K in CallName]: (ctx: AppContext, args: ParsedArgsOf<K>) => ResultOf<K> | Promise<ResultOf<K>> };

/** Zod's first complaint, as a sentence a clerk can act on. */
export function validationMessage(issues: readonly { path: readonly PropertyKey[]; message: string }[], subject = '提交的数据'): string {
  const first = issues[0];
  const where = first && first.path.length ? `(${first.path.map(String).join('.')})` : '';
  return `${subject}不符合要求${where}:${first?.message ?? '格式错误'}。请检查后重试。`;
}

export async function dispatch(ctx: AppContext, handlers: Handlers, name: string, rawArgs: unknown): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'not_found', message: `没有名为“${name.slice(0, 60)}”的操作。请升级或重启程序。` } };
  }
  const parsed = contract[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return { ok: false, error: new AppError('validation', validationMessage(parsed.error.issues)).toData() };
  }
  // Asking whether the store is locked is not use: it must not keep an idle store unlocked.
  if (name !== 'store.status') ctx.lastActivity = Date.now();
  try {
    requireAccess(ctx, name);
    const handler = handlers[name] as (ctx: AppContext, args: unknown) => unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (e) {
    if (!(e instanceof AppError) || e.detail) ctx.log.error(`call ${name}`, e);
    // A full or read-only disk met by SQLite is named, not reported as an internal error.
    return { ok: false, error: toErrorData(diskError(e, ctx.dataDir, '保存')) };
  }
}
