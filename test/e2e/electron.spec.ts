// The real Electron app, launched by Playwright where an Electron binary exists; skipped, with the reason, where it does not.
import { test, expect, _electron as electron } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../electron/electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary();

test.describe('Electron shell', () => {
  test.skip(!binary.ok, `Electron launch test skipped: ${binary.ok ? '' : binary.reason}`);
  if (!binary.ok) console.log(`[electron.spec] skipped: ${binary.reason}`);

  test('opens one secure window whose page has the API and no Node', async () => {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'electron', 'build.ts')], { cwd: root });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-electron-'));
    const app = await electron.launch({ executablePath: binary.ok ? binary.path : '', args: [root, `--data-dir=${dataDir}`] });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { fazhi: object }).fazhi).includes('session.get'))).toBe(true);
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        // getLastWebPreferences exists at run time but is missing from Electron's type definitions.
        const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
        return wc.getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
      expect(app.windows()).toHaveLength(1);
      const session = await page.evaluate(() => (window as unknown as { fazhi: Record<string, (a: unknown) => Promise<unknown>> }).fazhi['session.get']!({}));
      expect(session).toMatchObject({ ok: true });
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
