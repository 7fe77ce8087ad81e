// Exports that look broken: pressing 导出 hands over a file with a Chinese name, says so, and the list of exported files stays.
import fs from 'node:fs';
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';
import { AppPage } from './pages/AppPage';

// Tracing injects a script into every frame, which the sandboxed preview frame rightly refuses with a console error.
test.use({ trace: 'off' });

test('a quarterly report exported in the browser downloads under its Chinese name, a notice says where, and the list keeps it', async ({ browser, host }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const app = new AppPage(await context.newPage(), host, testInfo);
  await app.open();
  const page = app.page;
  await app.firstRun.createUser('冯静', 'supervisor', '区司法局');
  await app.nav('import');
  await app.importer.choose(fixture('003_244a23676422eee3.txt'));
  await app.importer.waitForPreview();
  await app.importer.commit();

  await app.nav('reports');
  await page.getByTestId('period-year-select').selectOption('2024');
  await page.getByTestId('period-quarter-select').selectOption('3');
  await page.getByTestId('kind-quarterly').check();
  await page.getByTestId('report-issuer').fill('大渡口区');
  await expect(page.getByTestId('report-figures')).toContainText('2024年第三季度');

  // One press of 导出: the file arrives by itself, without a second click on a link.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-docx').click()]);
  const name = '大渡口区2024年第三季度法治政府建设推进情况.docx';
  expect(download.suggestedFilename()).toBe(name);
  const bytes = fs.readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  const notice = page.getByTestId('notice-info').filter({ hasText: name });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('下载列表');

  const list = page.getByTestId('report-exports');
  await expect(list.getByTestId('report-export').first()).toHaveAttribute('data-state', 'done');
  await expect(list.getByTestId('report-download').first()).toHaveText(name);
  await app.shot('traps-exports-done');

  // A second export (the ledger) is named as one and goes on top of the first.
  const [ledger] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-xlsx').click()]);
  expect(ledger.suggestedFilename()).toBe('大渡口区2024年第三季度法治政府建设台账.xlsx');
  await expect(list.getByTestId('report-download')).toHaveText(['大渡口区2024年第三季度法治政府建设台账.xlsx', name]);

  // The list is this person's, kept across screens and a restart of the page; its links still download the file.
  await expect.poll(async () => (await call(page, 'settings.get', {}))['report.exported'] ?? '').toContain(name);
  await app.reload();
  await app.nav('reports');
  await expect(list.getByTestId('report-download')).toHaveText(['大渡口区2024年第三季度法治政府建设台账.xlsx', name]);
  const [again] = await Promise.all([page.waitForEvent('download'), list.getByTestId('report-download').nth(1).click()]);
  expect(again.suggestedFilename()).toBe(name);
  expect(fs.readFileSync(await again.path()).equals(bytes)).toBe(true);

  // The browser host has no file of its own to open: the Electron-only call says where the file is instead.
  await expect(call(page, 'reports.reveal', { exportId: '00000000-0000-4000-8000-000000000000', how: 'folder' })).rejects.toThrow('下载列表');
  expect(app.problems().filter((p) => !p.includes('about:srcdoc'))).toEqual([]);
  await context.close();
});
