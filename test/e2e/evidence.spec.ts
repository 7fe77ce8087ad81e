// Evidence end to end: attach a PDF and an image, preview both, 缺佐证 shrinks, reload, verify, tamper, verify again.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';

test.describe.configure({ mode: 'serial' });

const PDF = fixture('caoxian.pdf');
let imagePath = '';
let measureId = '';

test('attach a PDF and an image to a measure and preview both', async ({ app, page }, testInfo) => {
  await app.firstRun.createUser('赵敏', 'clerk', '区司法局');
  const tpl = app.checklist.templates.first();
  await tpl.getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  measureId = await app.checklist.open(app.checklist.rows.first());

  // A real PNG: a screenshot of the app itself.
  imagePath = path.join(testInfo.outputDir, '现场照片.png');
  fs.mkdirSync(path.dirname(imagePath), { recursive: true });
  fs.writeFileSync(imagePath, await page.screenshot({ clip: { x: 0, y: 0, width: 480, height: 240 } }));

  const ev = app.evidence;
  await expect(ev.panel).toBeVisible();
  await expect(ev.panel).toHaveAttribute('data-count', '0');
  // Choosing attaches at once; what the clerk says about a file is filled in afterwards.
  await ev.panel.getByTestId('evidence-file-input').setInputFiles([PDF, imagePath]);
  await expect(ev.panelRows).toHaveCount(2);
  await expect(ev.panel).toHaveAttribute('data-count', '2');
  await expect(ev.panel.getByTestId('pending-file')).toHaveCount(0);
  const firstPdf = ev.panelRows.filter({ hasText: 'caoxian.pdf' });
  await firstPdf.getByTestId('evidence-details').click();
  await firstPdf.getByTestId('evidence-edit').getByRole('textbox').nth(0).fill('曹县实施纲要原文');
  await firstPdf.getByTestId('evidence-edit').getByRole('textbox').nth(1).fill('曹政发〔2016〕15号');
  await app.shot('ev-01-fields');
  await firstPdf.getByTestId('evidence-edit-save').click();
  await expect(firstPdf.getByTestId('evidence-edit')).toHaveCount(0);
  await expect(ev.panelRows.filter({ hasText: 'caoxian.pdf' })).toContainText('曹政发〔2016〕15号');
  await ev.panel.scrollIntoViewIfNeeded();
  await app.shot('ev-02-panel');

  await ev.panelRows.filter({ hasText: 'caoxian.pdf' }).getByTestId('evidence-preview-open').click();
  await expect(ev.preview).toHaveAttribute('data-kind', 'pdf');
  await expect(page.getByTestId('pdf-view')).toHaveAttribute('data-state', 'shown', { timeout: 20_000 });
  const drawn = await page.getByTestId('pdf-canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
    return { width: c.width, dark };
  });
  expect(drawn.width).toBeGreaterThan(100);
  expect(drawn.dark).toBeGreaterThan(100);
  await app.shot('ev-03-preview-pdf');
  await page.getByTestId('preview-close').click();

  await ev.panelRows.filter({ hasText: '现场照片.png' }).getByTestId('evidence-preview-open').click();
  await expect(ev.preview).toHaveAttribute('data-kind', 'image');
  await expect.poll(() => page.getByTestId('image-view').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(480);
  await app.shot('ev-04-preview-image');
  await page.getByTestId('preview-close').click();

  // A clerk's details say what the file is in plain words; the hash and MIME type are for supervisors only.
  await ev.panelRows.first().getByTestId('evidence-details').click();
  await expect(ev.panelRows.first().getByTestId('evidence-facts')).toBeVisible();
  await expect(ev.panelRows.first().getByTestId('evidence-sha256')).toHaveCount(0);
  expect(await ev.panelRows.first().innerText()).not.toMatch(/[0-9a-f]{64}|application\/|image\/png/);
  await ev.panelRows.first().getByTestId('evidence-details').click();

  // What the clerk said can be corrected afterwards; the change is in the measure's history.
  const pdfRow = ev.panelRows.filter({ hasText: 'caoxian.pdf' });
  await pdfRow.getByTestId('evidence-details').click();
  await pdfRow.getByTestId('evidence-edit').getByRole('textbox').first().fill('曹县实施纲要(印发稿)');
  await pdfRow.getByTestId('evidence-edit-save').click();
  await expect(pdfRow).toContainText('曹县实施纲要(印发稿)');
  const history = await call(page, 'measures.get', { id: measureId, periodId: (await call(page, 'session.get', {})).currentPeriod });
  expect(history.history.some((h) => h.entity === 'evidence' && h.newValue === '曹县实施纲要(印发稿)')).toBe(true);
});

test('the measure leaves 缺佐证; the list survives a reload', async ({ app, page }) => {
  const ev = app.evidence;
  await app.nav('evidence');
  await expect(ev.screenRows).toHaveCount(2);
  const periodId = (await call(page, 'session.get', {})).currentPeriod;
  const missing = await call(page, 'evidence.missing', { periodId });
  expect(missing.some((m) => m.id === measureId)).toBe(false);
  await expect(ev.missing).toHaveAttribute('data-count', String(missing.length));
  await expect(ev.missing.locator(`[data-measure-id="${measureId}"]`)).toHaveCount(0);
  expect(missing.length).toBeGreaterThan(0);
  await app.shot('ev-05-screen');

  // Filters and sorting.
  await page.getByTestId('ev-filter-kind').selectOption('pdf');
  await expect(ev.screenRows).toHaveCount(1);
  await expect(ev.screenRows).toContainText('caoxian.pdf');
  await page.getByTestId('ev-filter-kind').selectOption('');
  await page.getByTestId('ev-sort').selectOption('size-asc');
  await expect(ev.screenRows.first()).toContainText('现场照片.png');
  await page.getByTestId('ev-sort').selectOption('size-desc');
  await expect(ev.screenRows.first()).toContainText('caoxian.pdf');
  await page.getByTestId('ev-filter-quarter').selectOption(periodId);
  await expect(ev.screenRows).toHaveCount(2);
  await page.getByTestId('ev-filter-quarter').selectOption('');

  await app.reload();
  await app.nav('evidence');
  await expect(ev.screenRows).toHaveCount(2);
  // One click from 缺佐证 to the measure.
  const first = ev.missing.getByTestId('missing-measure').first();
  const id = await first.getAttribute('data-measure-id');
  await first.getByRole('button').click();
  await expect(page.getByTestId('measure-detail')).toHaveAttribute('data-measure-id', id!);
});

test('verify integrity, tamper with a stored file, verify again and see it reported', async ({ app, page, host }) => {
  const ev = app.evidence;
  await app.nav('evidence');
  await ev.verify();
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'true');
  await app.shot('ev-06-verify-ok');

  const row = ev.screenRows.filter({ hasText: '现场照片.png' });
  const sha = (await row.getAttribute('data-sha256'))!;
  const file = path.join(host.ctx.dataDir, 'evidence', sha.slice(0, 2), sha);
  expect(fs.statSync(file).mode & 0o777).toBe(0o400);
  fs.chmodSync(file, 0o644);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.from([0x00]), 0, 1, 100);
  fs.closeSync(fd);

  await ev.verify();
  const report = page.getByTestId('verify-report');
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report).toHaveAttribute('data-problems', '1');
  const problem = page.getByTestId('verify-problem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-state', 'changed');
  await expect(problem).toContainText('现场照片.png');
  await expect(problem).toContainText('内容已被改动');
  await app.shot('ev-07-verify-tampered');
});

test('a large upload shows its progress and can be cancelled, leaving nothing behind', async ({ app, page, host }, testInfo) => {
  const big = path.join(testInfo.outputDir, '全年会议录像.bin');
  fs.mkdirSync(path.dirname(big), { recursive: true });
  fs.writeFileSync(big, Buffer.alloc(24 * 1024 * 1024, 7));
  const storeDir = path.join(host.ctx.dataDir, 'evidence');
  const storedFiles = (): string[] =>
    fs.readdirSync(storeDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const before = storedFiles().length;

  await app.nav('checklist');
  await app.checklist.open(app.checklist.rows.nth(1));
  const ev = app.evidence;
  await expect(ev.panel).toHaveAttribute('data-count', '0');
  // Slow the upload down to office-network speed so the bar can be seen and cancelled.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 2 * 1024 * 1024 });
  await ev.panel.getByTestId('evidence-file-input').setInputFiles(big);
  const bar = ev.panel.getByTestId('upload-progress');
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.evaluate((b: HTMLProgressElement) => b.value)), { timeout: 20_000 }).toBeGreaterThan(0.05);
  await ev.panel.scrollIntoViewIfNeeded();
  await app.shot('ev-08-upload-progress');
  await ev.panel.getByTestId('attach-cancel').click();
  await expect(page.getByTestId('notice-info').filter({ hasText: '已取消' })).toBeVisible();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // The file is still listed to try again; nothing was attached or stored.
  await expect(ev.panel.getByTestId('pending-file')).toHaveCount(1);
  await expect(ev.panel).toHaveAttribute('data-count', '0');
  await expect.poll(() => storedFiles().length).toBe(before);
  expect(fs.readdirSync(path.join(storeDir, 'tmp'))).toEqual([]);
});
