// An inspection across the exchange, both sides in Chromium: the office sends the whole ledger to the inspectors' laptop (its
// own host and data folder), the lead inspector sets the laptop up from the package, judges measures with the keyboard, demands
// one rectification and signs; the laptop's return package merges at the office, which sees the task on its measure and the
// dashboard's open rectifications. Then a verdict both sides changed apart: listed in the 冲突 panel with its review, resolved there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, RENDERER_DIR } from './fixtures';
import { call } from './helpers';
import { startHost, type RunningHost } from '../../electron/host/server';
import { ExchangePage } from './pages/ExchangePage';
import { FirstRunPage } from './pages/FirstRunPage';
import { InspectionPage } from './pages/InspectionPage';
import { closeStore, openStore } from '../../db/open';
import { createUser } from '../../db/queries/users';
import { createReview, setVerdict } from '../../db/queries/inspections/index';
import { exportPackage } from '../../electron/core/packages/export';
import { importPackage } from '../../electron/core/packages/import';
import { storeIdentity } from '../../electron/core/packages/sync-port';
import { buildLedger } from '../unit/reports/fixture';

let laptopHost: RunningHost | null = null;
let laptopDir = '';
let officeHost: RunningHost | null = null;
let stores = '';

test.afterAll(async () => {
  await laptopHost?.close();
  await officeHost?.close();
  if (laptopDir) fs.rmSync(laptopDir, { recursive: true, force: true });
  if (stores) fs.rmSync(stores, { recursive: true, force: true });
});

test('a review made on a laptop set up from a package comes back to the office with its signed verdicts and rectification', async ({ app, page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const usb = path.join(testInfo.outputDir, 'usb');
  fs.mkdirSync(usb, { recursive: true });

  // The office: a supervisor and a ledger from a template.
  await app.firstRun.createUser('王主任', 'supervisor', '区司法局');
  await app.checklist.templates.first().getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  const office = new ExchangePage(page);
  await office.open();
  const whole = await office.exportLedger('督察 2024', usb);

  // The laptop: an empty data folder, set up from the package; the lead inspector adds herself.
  laptopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-laptop-'));
  laptopHost = await startHost({ dataDir: laptopDir, rendererDir: RENDERER_DIR });
  const laptopContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const lp = await laptopContext.newPage();
  const pageErrors: string[] = [];
  lp.on('pageerror', (e) => pageErrors.push(e.message));
  await lp.goto(laptopHost.openUrl());
  await expect(lp.getByTestId('screen-first-run')).toBeVisible();
  await lp.getByTestId('setup-from-package').locator('summary').click();
  await lp.getByTestId('setup-file').setInputFiles(whole);
  await lp.getByTestId('setup-passphrase').fill('督察 2024');
  await lp.getByTestId('setup-inspect').click();
  await expect(lp.getByTestId('setup-preview')).toBeVisible();
  await lp.getByTestId('setup-confirm').click();
  await expect(lp.getByTestId('setup-from-package')).toHaveCount(0, { timeout: 60_000 });
  await expect(lp.getByTestId('screen-choose-user')).toBeVisible();
  await lp.getByTestId('new-user').click();
  await new FirstRunPage(lp).createUser('王组长', 'inspector', '区督察组');

  // The review, judged with the keyboard only: 符合, 基本符合 with a finding, 不符合 with a finding and a rectification.
  const inspections = lp.getByTestId('nav-inspections');
  // Screens used now and then are under 更多.
  if (!(await inspections.isVisible())) await lp.getByTestId('nav-more').locator('summary').click();
  await inspections.click();
  const insp = new InspectionPage(lp);
  await insp.create('2024年第三季度现场督察');
  await insp.verdictKey('1', '符合');
  await insp.next();
  await insp.verdictKey('2', '基本符合');
  await insp.key('f');
  await lp.keyboard.type('会议记录不完整');
  await lp.keyboard.press('Escape');
  await expect(insp.saveState).toHaveAttribute('data-state', 'saved');
  const rectified = await insp.next();
  await insp.verdictKey('3', '不符合');
  await insp.key('f');
  await lp.keyboard.type('未建立工作台账');
  await lp.keyboard.press('Control+Enter');
  await expect(insp.saveState).toHaveAttribute('data-state', 'saved');
  await insp.key('r');
  await lp.keyboard.type('一个月内建立并报送工作台账');
  await lp.keyboard.press('Tab');
  await lp.keyboard.press('Control+A');
  await lp.keyboard.type('区司法局');
  await lp.keyboard.press('Enter');
  await expect(lp.getByTestId('rectify-form').locator('.tag')).toHaveText('待整改');
  await expect(insp.progress).toHaveAttribute('data-judged', '3');
  await insp.sign();
  const signedSha = await lp.getByTestId('review-signature').getAttribute('data-sha256');
  expect(signedSha).toMatch(/^[0-9a-f]{64}$/);

  // The laptop returns what the office lacks.
  const laptop = new ExchangePage(lp);
  await laptop.open();
  const back = await laptop.exportReturn('台账发出方', usb);
  await lp.screenshot({ path: path.join(testInfo.project.outputDir, 'screens', 'ix-01-laptop-return.png') });

  // The office previews and merges: nothing conflicts, nothing is refused.
  await office.open();
  await office.inspect(back);
  await expect(page.getByTestId('exchange-preview-conflicts')).toHaveCount(0);
  await office.confirm(usb);
  await expect(page.getByTestId('exchange-import-done')).toBeVisible();

  // The review arrived signed, and its signature still holds at the office.
  const reviews = await call(page, 'reviews.list', {});
  expect(reviews.map((r) => [r.name, r.status])).toEqual([['2024年第三季度现场督察', '已签署']]);
  const detail = await call(page, 'reviews.get', { reviewId: reviews[0]!.id });
  expect(detail.signature?.sha256).toBe(signedSha);
  expect(detail.items.filter((i) => i.verdict !== '未检查').map((i) => i.verdict).sort()).toEqual(['不符合', '基本符合', '符合']);

  // The rectification is a task on its measure, and counts among the dashboard's open ones.
  await page.goto(`${new URL(page.url()).origin}/#/checklist/${encodeURIComponent(rectified)}`);
  const task = page.getByTestId('rectification-task');
  await expect(task).toHaveCount(1);
  await expect(task.getByTestId('rectification-requirement')).toHaveText('一个月内建立并报送工作台账');
  await expect(task).toHaveAttribute('data-status', '待整改');
  await app.shot('ix-02-office-task');
  await app.nav('dashboard');
  await expect(page.getByTestId('rectification-summary')).toHaveAttribute('data-open', '1');
  await app.shot('ix-03-office-dashboard');
  expect(await call(page, 'rectifications.counts', {})).toMatchObject({ open: 1 });
  expect(pageErrors).toEqual([]);
  await laptopContext.close();
});

test('a verdict changed on the laptop and at the office apart is listed in the 冲突 panel with its review, and the supervisor resolves it', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // Both stores made through the same queries the screens call: the office, and a laptop set up from its whole-ledger package.
  stores = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-vcf-'));
  const officeDir = path.join(stores, 'office');
  const lapDir = path.join(stores, 'laptop');
  const office = openStore(officeDir);
  const { ids, planA } = buildLedger(office);
  const lead = createUser(office, { name: '王组长', role: 'inspector', departmentId: null });
  const colleague = createUser(office, { name: '李督察', role: 'inspector', departmentId: null });
  createUser(office, { name: '赵科长', role: 'supervisor', departmentId: null });
  const review = createReview(office, { name: '2024年第三季度法治督察', planId: planA, periodId: '2024-Q3', reviewerIds: [lead.id, colleague.id] }, lead.id);
  const whole = path.join(stores, 'whole.fzpkg');
  await exportPackage(office, officeDir, { kind: 'ledger', label: '督察组' }, whole);
  const lap = openStore(lapDir);
  await importPackage(lap, lapDir, whole, undefined);
  const measureId = ids.get('开展行政执法案卷评查')!;
  setVerdict(lap, { reviewId: review.id, measureId, verdict: '不符合', finding: '案卷缺少送达回证' }, lead.id);
  // Later, at the office, without having seen the laptop's verdict.
  setVerdict(office, { reviewId: review.id, measureId, verdict: '基本符合' }, colleague.id);
  const back = path.join(stores, 'return.fzpkg');
  await exportPackage(lap, lapDir, { kind: 'return', peerReplicaId: storeIdentity(office).replicaId }, back);
  closeStore(lap);
  closeStore(office);

  officeHost = await startHost({ dataDir: officeDir, rendererDir: RENDERER_DIR });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(officeHost.openUrl());
  await expect(page.getByTestId('screen-choose-user')).toBeVisible();
  await page.getByTestId('choose-user').filter({ hasText: '赵科长' }).click();
  await expect(page.getByTestId('current-user')).toContainText('赵科长');

  const exchange = new ExchangePage(page);
  await exchange.open();
  await exchange.inspect(back);
  await expect(page.getByTestId('exchange-preview-conflicts')).toBeVisible();
  await exchange.confirm(path.join(stores));
  await expect(page.getByTestId('exchange-conflict').and(page.locator('[data-field="verdict"]'))).toContainText('督察“2024年第三季度法治督察”');

  // The panel names the review, the measure and 结论; the office's later verdict is the one kept.
  const more = page.getByTestId('nav-conflicts');
  if (!(await more.isVisible())) await page.getByTestId('nav-more').locator('summary').click();
  await more.click();
  const item = page.getByTestId('conflict').and(page.locator('[data-field="verdict"]'));
  await expect(item).toHaveCount(1);
  await expect(item.locator('.cf-head')).toContainText('开展行政执法案卷评查');
  await expect(item.locator('.cf-head')).toContainText('督察“2024年第三季度法治督察”第1版 · 结论');
  await expect(item.getByTestId('conflict-mine')).toContainText('基本符合');
  await expect(item.getByTestId('conflict-mine')).toContainText('当前采用');
  await expect(item.getByTestId('conflict-theirs')).toContainText('不符合');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'screens', 'ix-04-verdict-conflict.png') });

  // Edit: the verdict is chosen from the four verdicts; saving records it and the resolution.
  await item.getByTestId('conflict-edit').click();
  await item.getByTestId('conflict-edit-value').selectOption('不符合');
  await item.getByTestId('conflict-edit-save').click();
  await expect(page.getByTestId('conflict').and(page.locator('[data-field="verdict"]'))).toHaveCount(0);
  const detail = await call(page, 'reviews.get', { reviewId: review.id });
  expect(detail.items.find((i) => i.measureId === measureId)?.verdict).toBe('不符合');
  const resolved = await call(page, 'conflicts.list', {});
  expect(resolved.filter((c) => c.field === 'verdict').map((c) => c.resolution)).toEqual([{ choice: 'edit', value: '不符合' }]);
  expect(pageErrors).toEqual([]);
  await context.close();
});
