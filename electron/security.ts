// Electron security checklist items applied app-wide: no navigation, no new windows, no permissions, no webviews.
import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';

/** Checklist 13/14: navigation and new windows are denied; the app only ever shows its own page. */
export function lockDownContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Checklist 12: no <webview>.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Checklist 5: every permission request (camera, geolocation, notifications…) is refused. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function applyAppSecurity(appOrigin: string): void {
  denyPermissions();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, appOrigin));
}
