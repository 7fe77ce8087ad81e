// The renderer's one API client: the same typed calls over Electron IPC or the loopback host.
import type { Api, CallName } from '../../../shared/api/contract';
import { callNames } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/define';
import type { ErrorData } from '../../../shared/errors';
import { fullWidthPunctuation } from '../../../shared/zh-punctuation';
import { hostSecret, SECRET_HEADER } from './secret';

/** What the Electron preload exposes: one method per call, answering with errors as data. */
export type Bridge = { [K in CallName]: (args: unknown) => Promise<Result<unknown>> };

declare global {
  interface Window {
    fazhi?: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorData['code'];
  constructor(e: ErrorData) {
    super(fullWidthPunctuation(e.message));
    this.name = 'ApiError';
    this.code = e.code;
  }
}

/** Said when the host refuses the secret; the evidence upload (XHR, not this client) says the same. */
export const FORBIDDEN_MESSAGE = '本机服务拒绝了请求:访问凭据无效。请使用启动时显示的地址重新打开。';

type Transport = (name: CallName, args: unknown) => Promise<Result<unknown>>;

function httpTransport(): Transport {
  return async (name, args) => {
    let res: Response;
    try {
      res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: hostSecret() ?? '' },
        credentials: 'omit',
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: '无法连接到法治台账的本机服务。请确认程序仍在运行,然后刷新页面。' } };
    }
    if (res.status === 401 || res.status === 403) {
      return { ok: false, error: { code: 'forbidden', message: FORBIDDEN_MESSAGE } };
    }
    return (await res.json()) as Result<unknown>;
  };
}

const lockedListeners: (() => void)[] = [];

/** Called whenever a call finds the store locked (by the idle timer, another window, or a lock on the Node side). */
export function onStoreLocked(fn: () => void): void {
  lockedListeners.push(fn);
}

function makeApi(transport: Transport): Api {
  const api = {} as Record<CallName, (args: unknown) => Promise<unknown>>;
  for (const name of callNames) {
    api[name] = async (args: unknown) => {
      const r = await transport(name, args);
      if (!r.ok) {
        if (r.error.code === 'passphrase_required') for (const fn of lockedListeners) fn();
        throw new ApiError(r.error);
      }
      return r.value;
    };
  }
  return api as unknown as Api;
}

const bridge = typeof window !== 'undefined' ? window.fazhi : undefined;

export const api: Api = makeApi(bridge ? (name, args) => bridge[name](args) : httpTransport());
