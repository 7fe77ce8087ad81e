// The Electron shell's wiring, checked against a stand-in for the electron module (its binary cannot run here).
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { EventEmitter } from 'node:events';
import { createUser } from '../../../db/queries/users';

const state = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; url: string }[],
  handlers: new Map<string, (e: unknown, args: unknown) => Promise<unknown>>(),
  permissionHandler: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  appEvents: new Map<string, (...a: unknown[]) => void>(),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(public options: Record<string, unknown>) {}
    once() {}
    loadURL(url: string) {
      state.windows.push({ options: this.options, url });
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    ipcMain: { handle: (ch: string, fn: (e: unknown, args: unknown) => Promise<unknown>) => state.handlers.set(ch, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof state.permissionHandler) => (state.permissionHandler = fn),
        setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
      },
    },
    app: { on: (ev: string, fn: (...a: unknown[]) => void) => state.appEvents.set(ev, fn) },
    shell: { openPath: () => Promise.resolve('') },
  };
});

const { createMainWindow, WEB_PREFERENCES } = await import('../../../electron/window');
const { applyAppSecurity, lockDownContents } = await import('../../../electron/security');
const { registerIpc, channelOf, GRANT_CHANNEL } = await import('../../../electron/ipc');
const { clearGrants, requireGranted } = await import('../../../electron/services/file-grants');
const { callNames } = await import('../../../shared/api/contract');
const { openMemoryStore } = await import('../../../db/open');

const ORIGIN = 'app://fazhi';

class FakeContents extends EventEmitter {
  openHandler: (() => { action: string }) | null = null;
  mainFrame = { url: `${ORIGIN}/index.html` };
  setWindowOpenHandler(fn: () => { action: string }) {
    this.openHandler = fn;
  }
}

beforeEach(() => {
  state.windows.length = 0;
  state.handlers.clear();
});

describe('window factory', () => {
  it('makes isolated, sandboxed windows without Node or webviews, with the preload', () => {
    createMainWindow('/app/preload.cjs', `${ORIGIN}/index.html`);
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(state.windows[0]!.url).toBe(`${ORIGIN}/index.html`);
    expect(WEB_PREFERENCES.sandbox).toBe(true);
  });
});

describe('security', () => {
  it('denies navigation away from the app, redirects, new windows and webviews', () => {
    const wc = new FakeContents();
    lockDownContents(wc as never, ORIGIN);
    const nav = (url: string) => {
      const e = { prevented: false, preventDefault() { this.prevented = true; } };
      wc.emit('will-navigate', e, url);
      return e.prevented;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav(`${ORIGIN}/index.html#/checklist`)).toBe(false);
    const redirect = { prevented: false, preventDefault() { this.prevented = true; } };
    wc.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
    expect(wc.openHandler!()).toEqual({ action: 'deny' });
    const webview = { prevented: false, preventDefault() { this.prevented = true; } };
    wc.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('refuses every permission and locks down every new web contents', () => {
    applyAppSecurity(ORIGIN);
    let granted: boolean | null = null;
    state.permissionHandler!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(state.permissionCheck!()).toBe(false);
    const wc = new FakeContents();
    state.appEvents.get('web-contents-created')!({}, wc);
    expect(wc.openHandler!()).toEqual({ action: 'deny' });
  });
});

describe('IPC', () => {
  // A signed-in clerk: every call but reading the session needs one (roles are checked on the Node side).
  const ctx = () => {
    const db = openMemoryStore();
    const userId = createUser(db, { name: '张三', role: 'clerk', departmentId: null }).id;
    return { db, dataDir: '/tmp', log: { error: vi.fn(), info: vi.fn() }, userId, previews: new Map(), close() {} };
  };

  it('registers one channel per contract call, the file-grant channel, and nothing else', () => {
    registerIpc(ctx() as never, ORIGIN);
    expect([...state.handlers.keys()].sort()).toEqual([...callNames.map(channelOf), GRANT_CHANNEL].sort());
  });

  it('takes file grants only from the app window, and a granted path is then accepted', () => {
    registerIpc(ctx() as never, ORIGIN);
    const grant = state.handlers.get(GRANT_CHANNEL)!;
    const frame = (url: string) => {
      const f = { url };
      return { senderFrame: f, sender: { mainFrame: f } };
    };
    clearGrants();
    expect(grant(frame('https://evil.example/'), '/etc/passwd')).toBe(false);
    expect(() => requireGranted(['/etc/passwd'])).toThrow(/选择或拖入/);
    expect(grant(frame(`${ORIGIN}/index.html`), '/tmp/chosen.pdf')).toBe(true);
    expect(() => requireGranted(['/tmp/chosen.pdf'])).not.toThrow();
  });

  it('refuses senders that are not the app page, and validates arguments', async () => {
    registerIpc(ctx() as never, ORIGIN);
    const handler = state.handlers.get(channelOf('measures.list'))!;
    const frame = (url: string) => {
      const f = { url };
      return { senderFrame: f, sender: { mainFrame: f } };
    };
    expect(await handler(frame('https://evil.example/'), { periodId: '2024-Q1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const sub = { senderFrame: { url: `${ORIGIN}/index.html` }, sender: { mainFrame: { url: `${ORIGIN}/index.html` } } };
    expect(await handler(sub, { periodId: '2024-Q1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler(frame(`${ORIGIN}/index.html`), { periodId: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handler(frame(`${ORIGIN}/index.html`), { periodId: '2024-Q1' })).toEqual({ ok: true, value: [] });
  });
});
