// IPC transport: one handler per contract call, each checking its sender before the shared dispatcher validates.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callNames } from '../shared/api/contract';
import type { Result } from '../shared/api/define';
import { dispatch } from './services/dispatch';
import { handlers } from './services/handlers/index';
import type { AppContext } from './services/context';
import { isAppUrl } from './app-url';
import { grantPath } from './services/file-grants';

export const channelOf = (name: string): string => `fazhi:${name}`;
/** Not a contract call: the preload reports a path the user picked or dropped (webUtils on a real File). */
export const GRANT_CHANNEL = 'fazhi-files:grant';

export function registerIpc(ctx: AppContext, appOrigin: string): void {
  const trusted = (e: IpcMainInvokeEvent): boolean => {
    return isAppUrl(e.senderFrame?.url, appOrigin) && e.senderFrame === e.sender.mainFrame;
  };
  ipcMain.handle(GRANT_CHANNEL, (e, p: unknown) => {
    if (!trusted(e) || typeof p !== 'string' || p.length > 4096) return false;
    grantPath(p);
    return true;
  });
  for (const name of callNames) {
    ipcMain.handle(channelOf(name), async (e, args: unknown): Promise<Result<unknown>> => {
      if (!trusted(e)) return { ok: false, error: { code: 'forbidden', message: '拒绝访问:请求不是来自法治台账的窗口。' } };
      return dispatch(ctx, handlers, name, args);
    });
  }
}
