// The one factory for app windows: every window is isolated, sandboxed and without Node.
import { BrowserWindow } from 'electron';
import path from 'node:path';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
} as const;

export function createMainWindow(preloadPath: string, entryUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '法治台账',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: path.resolve(preloadPath) },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(entryUrl);
  return win;
}
