// Evidence traps: chosen files that never got attached, an empty file taken for evidence, a measure left mid-upload.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';

test.describe.configure({ mode: 'serial' });

test('an empty file is refused at once and the measure stays in 缺佐证; a chosen file is attached without another click', async ({ app, page }) => {
  await app.firstRun.createUser('钱芳', 'clerk', '区司法局');
  await app.checklist.templates.first().getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  const measureId = await app.checklist.open(app.checklist.rows.first());
  const periodId = (await call(page, 'session.get', {})).currentPeriod;
  const ev = app.evidence;

  await ev.choose({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await expect(app.errorNotice.filter({ hasText: '“扫描件.pdf”是空文件' })).toBeVisible();
  await expect(ev.pendingFiles).toHaveCount(0);
  await expect(ev.panel).toHaveAttribute('data-count', '0');
  expect((await call(page, 'evidence.missing', { periodId })).some((m) => m.id === measureId)).toBe(true);
  await app.shot('traps-evidence-empty');

  await ev.choose(fixture('caoxian.pdf'));
  await expect(ev.panel).toHaveAttribute('data-count', '1');
  await expect(ev.pendingFiles).toHaveCount(0);
  expect((await call(page, 'evidence.missing', { periodId })).some((m) => m.id === measureId)).toBe(false);
});

test('opening another measure while files are being added keeps them with theirs, named on the new one', async ({ app, page, host }, testInfo) => {
  const first = await app.checklist.open(app.checklist.rows.nth(1));
  const ev = app.evidence;
  const big = path.join(testInfo.outputDir, '专题会议录音.bin');
  fs.mkdirSync(path.dirname(big), { recursive: true });
  fs.writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 3));
  // Office-network speed, so the upload is still running when the clerk moves on.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
  await ev.choose(big);
  await expect(ev.pendingFiles).toHaveCount(1);
  // Nothing says "no evidence" above a file that is being added.
  await expect(ev.panel.getByText('本季度尚无佐证材料')).toHaveCount(0);

  await app.checklist.open(app.checklist.rows.nth(2));
  await expect(ev.pendingElsewhere).toBeVisible();
  await expect(ev.pendingElsewhere).toContainText('1 个文件');
  await app.shot('traps-evidence-pending-elsewhere');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  await expect(ev.pendingElsewhere).toHaveCount(0, { timeout: 30_000 });
  const items = await call(page, 'evidence.list', { measureId: first });
  expect(items.map((i) => [i.name, i.size])).toEqual([['专题会议录音.bin', 6 * 1024 * 1024]]);
  expect(host.ctx.dataDir).toBeTruthy();
});
