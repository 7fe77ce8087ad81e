// Errors that cross to users: a stable code for programs, a Chinese sentence for people.
import { fullWidthPunctuation } from './zh-punctuation';
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  /** A save based on a version that is no longer the latest (another window or PC saved meanwhile). */
  | 'stale_version'
  | 'unsupported_file'
  | 'empty_file'
  | 'unreadable_file'
  | 'no_measures'
  | 'duplicate_import'
  | 'store_too_new'
  | 'too_large'
  | 'cancelled'
  | 'forbidden'
  | 'disk_full'
  | 'read_only'
  | 'data_dir_missing'
  | 'passphrase_required'
  | 'wrong_passphrase'
  | 'internal';

export interface ErrorData {
  code: ErrorCode;
  /** Chinese sentence for the user: what went wrong and what to do. */
  message: string;
}

/** An error whose message is fit to show a clerk; `detail` is for logs only. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  constructor(code: ErrorCode, message: string, detail?: string) {
    super(fullWidthPunctuation(message));
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }
  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns anything thrown into data safe to show; unknown errors never leak their stack. */
export function toErrorData(e: unknown): ErrorData {
  if (isAppError(e)) return e.toData();
  return { code: 'internal', message: fullWidthPunctuation('操作未能完成:程序内部出错。请重试;如仍出错,请联系管理员并提供日志。') };
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`);
}
