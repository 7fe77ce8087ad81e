// Checklist figures in real Chromium: first render and time to filter for a ledger of 5,000 measures.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openStore, closeStore } from '../../db/open';
import { importDocument } from '../../db/queries/plans';
import { createUser } from '../../db/queries/users';
import { resolveDepartment } from '../../db/queries/departments';
import { startHost } from '../../electron/host/server';
import { generateDocument } from '../helpers/generate';
import { seedProgress } from '../helpers/ledger';
import { removeDir, tempDir } from '../helpers/temp';
import { figure, percentile } from './figures';

const root = path.join(import.meta.dirname, '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', path.join(root, 'renderer', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const dir = tempDir();
const db = openStore(dir);
const user = createUser(db, { name: '基准测试', role: 'clerk', departmentId: resolveDepartment(db, '区司法局') });
importDocument(db, generateDocument(5000, 3), { fileName: 'gen.txt', sha256: 'gen', format: 'txt', documentIndex: 0 }, user.id);
seedProgress(db, user.id, 20_000, 5);
closeStore(db);

const host = await startHost({ dataDir: dir, rendererDir });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const settled = (n: string) => page.waitForFunction((want) => {
    const el = document.querySelector('[data-testid="measure-count"]');
    return el?.getAttribute('aria-busy') === 'false' && (want === '*' ? Number(el.getAttribute('data-count')) > 0 : el.getAttribute('data-count') === want);
  }, n, { timeout: 60_000 });

  const renders: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.goto(i === 0 ? host.openUrl() : host.origin);
    await page.getByTestId('measure-row').first().waitFor({ timeout: 60_000 });
    renders.push(Date.now() - t0);
  }
  renders.sort((a, b) => a - b);
  figure('checklist first render, 5000 measures (median of 5, page load to first row)', percentile(renders, 50), 'ms');
  await settled('*');
  figure('checklist rows in the DOM with 5000 measures (virtualized)', await page.getByTestId('measure-row').count(), 'rows');

  // No named helpers inside: tsx would wrap them in a __name() call that the page does not have.
  const frames = await page.getByTestId('measure-list').evaluate(async (el) => {
    const gaps: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let y = 0; y < el.scrollHeight; y += el.clientHeight) {
      el.scrollTop = y;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      gaps.push(now - last);
      last = now;
    }
    return gaps.sort((a, b) => a - b);
  });
  figure('checklist scroll through 5000 measures, frame time p50', percentile(frames, 50), 'ms');
  figure('checklist scroll through 5000 measures, frame time p95', percentile(frames, 95), 'ms');

  const search = page.getByTestId('search-input');
  const filters: number[] = [];
  for (const q of ['复议', '行政审批', '信访工作制度', '合法性', '公示']) {
    await search.fill('');
    await settled('5000');
    const t0 = Date.now();
    await search.fill(q);
    await page.waitForFunction(() => document.querySelector('[data-testid="measure-count"]')?.getAttribute('data-count') !== '5000' , undefined, { timeout: 60_000 });
    await settled('*').catch(() => undefined);
    filters.push(Date.now() - t0);
  }
  filters.sort((a, b) => a - b);
  figure('checklist search as you type, 5000 measures (median of 5, keystroke to list, incl. debounce)', percentile(filters, 50), 'ms');

  await search.fill('');
  await settled('5000');
  const dept = page.getByTestId('filter-department');
  const options = await dept.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const deptTimes: number[] = [];
  for (const v of options.slice(0, 5)) {
    const t0 = Date.now();
    await dept.selectOption(v);
    await page.waitForFunction(() => document.querySelector('[data-testid="measure-count"]')?.getAttribute('data-count') !== '5000', undefined, { timeout: 60_000 });
    await settled('*');
    deptTimes.push(Date.now() - t0);
    await dept.selectOption('');
    await settled('5000');
  }
  deptTimes.sort((a, b) => a - b);
  figure('checklist filter by department, 5000 measures (median)', percentile(deptTimes, 50), 'ms');
} finally {
  await browser.close();
  await host.close();
  removeDir(dir);
}
