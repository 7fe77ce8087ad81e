// How an API call is declared: an argument schema checked at the boundary and a result type.
import type { z } from 'zod';
import type { ErrorData } from '../errors';

export interface CallDef<A extends z.ZodType, R> {
  args: A;
  /** Phantom: carries the result type; never read at run time. */
  result?: R;
}

export function call<R>() {
  return <A extends z.ZodType>(args: A): CallDef<A, R> => ({ args });
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
