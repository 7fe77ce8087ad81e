// Review screen figures in real Chromium at 1366×768 on a review of 5,000 measures: first render, and a keystroke to the next measure rendered.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openStore, closeStore } from '../../db/open';
import { importDocument } from '../../db/queries/plans';
import { createUser } from '../../db/queries/users';
import { resolveDepartment } from '../../db/queries/departments';
import { createReview, setVerdict } from '../../db/queries/inspections/index';
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
const user = createUser(db, { name: '基准督察', role: 'inspector', departmentId: resolveDepartment(db, '区督察组') });
importDocument(db, generateDocument(5000, 3), { fileName: 'gen.txt', sha256: 'gen', format: 'txt', documentIndex: 0 }, user.id);
seedProgress(db, user.id, 20_000, 5);
const review = createReview(db, { name: '基准督察', periodId: '2024-Q3', reviewerIds: [user.id] }, user.id);
const ids = db.prepare('SELECT id FROM measures ORDER BY ord LIMIT 500').pluck().all() as string[];
ids.forEach((id, i) => setVerdict(db, { reviewId: review.id, measureId: id, verdict: (['符合', '基本符合', '不符合'] as const)[i % 3], finding: i % 3 ? '台账资料不完整' : '' }, user.id));
closeStore(db);

const host = await startHost({ dataDir: dir, rendererDir });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(host.openUrl());
  await page.getByTestId('current-user').waitFor({ timeout: 60_000 });
  const target = `${host.origin}/#/inspections/${encodeURIComponent(review.id)}`;
  const renders: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(target);
    await page.getByTestId('review-measure').waitFor({ timeout: 60_000 });
    await page.getByTestId('review-item').first().waitFor({ timeout: 60_000 });
    renders.push(Date.now() - t0);
  }
  renders.sort((a, b) => a - b);
  const calls: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    const r = await page.request.post(`${host.origin}/api/reviews.get`, { data: { reviewId: review.id }, headers: { Origin: host.origin } });
    await r.body();
    calls.push(Date.now() - t0);
  }
  calls.sort((a, b) => a - b);
  figure('review screen data (reviews.get, 5000 measures, median of 3)', percentile(calls, 50), 'ms');
  figure('review screen first render, 5000 measures (median of 5, page load to first measure and form)', percentile(renders, 50), 'ms');
  figure('review items in the DOM with 5000 measures (virtualized)', await page.getByTestId('review-item').count(), 'rows');

  // In the page: a keydown, then frames until the next measure is in the pane and painted. No named helpers (tsx wraps them in __name()).
  const gaps = await page.evaluate(async () => {
    const out: number[] = [];
    for (let i = 0; i < 60; i++) {
      const pane = document.querySelector('[data-testid="review-measure"]')!;
      const before = pane.getAttribute('data-measure-id');
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      for (let f = 0; f < 600; f++) {
        await new Promise((r) => requestAnimationFrame(r));
        if (document.querySelector('[data-testid="review-measure"]')?.getAttribute('data-measure-id') !== before) break;
      }
      await new Promise((r) => requestAnimationFrame(r));
      out.push(performance.now() - t0);
    }
    return out.sort((a, b) => a - b);
  });
  figure('review screen next measure, keystroke to rendered, 5000 measures, p50', percentile(gaps, 50), 'ms');
  figure('review screen next measure, keystroke to rendered, 5000 measures, p95', percentile(gaps, 95), 'ms');
} finally {
  await browser.close();
  await host.close();
  removeDir(dir);
}
