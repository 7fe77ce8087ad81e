// Fixtures: one loopback host on a fresh temporary data folder per spec file, and the app opened in a page.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost, type RunningHost } from '../../electron/host/server';
import { AppPage } from './pages/AppPage';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const fixture = (name: string): string => path.join(ROOT, 'test', 'fixtures', name);

/** Keeps the host of the spec file being run; a new file gets a new host and data folder. */
class HostPool {
  private current: { file: string; host: RunningHost; dataDir: string } | null = null;

  async forFile(file: string): Promise<RunningHost> {
    if (this.current?.file === file) return this.current.host;
    await this.close();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
    const host = await startHost({ dataDir, rendererDir: RENDERER_DIR });
    this.current = { file, host, dataDir };
    return host;
  }

  async close(): Promise<void> {
    if (!this.current) return;
    const { host, dataDir } = this.current;
    this.current = null;
    await host.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface TestFixtures {
  host: RunningHost;
  app: AppPage;
}

export const test = base.extend<TestFixtures, { hostPool: HostPool }>({
  hostPool: [
    async ({}, use) => {
      const pool = new HostPool();
      await use(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],
  host: async ({ hostPool }, use, testInfo) => {
    await use(await hostPool.forFile(testInfo.file));
  },
  app: async ({ page, host }, use, testInfo) => {
    const app = new AppPage(page, host, testInfo);
    await app.open();
    await use(app);
    // The CSP must hold and nothing may throw: a violation or a page error fails the test.
    expect(app.problems(), 'console errors, CSP violations or page errors').toEqual([]);
  },
});

export { expect };
