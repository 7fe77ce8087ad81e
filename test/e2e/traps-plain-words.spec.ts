// Plain words outside the evidence screens: quarters read 2024年第三季度 and dates 2024年9月30日 wherever a person reads them.
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';
import { AppPage } from './pages/AppPage';

test.use({ trace: 'off' });

/** A quarter id (2024-Q3) or an ISO date (2024-09-30) left in the text a person reads. */
const MACHINE_WORDS = /\b\d{4}-(?:Q[1-4]|H[12]|\d{2}-\d{2})\b/;

test('dashboard, checklist, reports, inspections, exchange and history show quarters and dates in Chinese', async ({ browser, host }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const app = new AppPage(await context.newPage(), host, testInfo);
  await app.open();
  const page = app.page;
  await app.firstRun.createUser('冯静', 'supervisor', '区司法局');
  await app.nav('import');
  await app.importer.choose(fixture('003_244a23676422eee3.txt'));
  await app.importer.waitForPreview();
  await app.importer.commit();
  await page.getByTestId('period-select').selectOption('2024-Q3');
  const [m] = await call(page, 'measures.list', { periodId: '2024-Q3' });
  await call(page, 'progress.set', { measureId: m!.id, periodId: '2024-Q3', status: '推进中', narrative: '已召开专题会议。' });

  const screenText = () => page.locator('main.screen').innerText();
  for (const screen of ['dashboard', 'checklist', 'reports', 'inspections', 'exchange']) {
    await app.nav(screen);
    const text = await screenText();
    expect(text, `${screen} shows no machine-form quarter or date`).not.toMatch(MACHINE_WORDS);
  }

  // The report form names its period as the report does, and its quarters as 第三季度, not Q3.
  await app.nav('reports');
  await page.getByTestId('period-year-select').selectOption('2024');
  await page.getByTestId('period-quarter-select').selectOption('3');
  await expect(page.getByTestId('period-label')).toHaveText('2024年第三季度');
  await expect(page.getByTestId('period-quarter-select').locator('option:checked')).toHaveText('第三季度');

  // A new review's period is picked from quarters in words.
  await app.nav('inspections');
  await expect(page.getByTestId('review-period').locator('option:checked')).toHaveText('2024年第三季度');

  // The measure's history: the quarter its record belongs to, and when, in words.
  await app.nav('checklist');
  await page.locator(`[data-testid="measure-row"][data-measure-id="${m!.id}"]`).click();
  await expect(page.getByTestId('history')).toBeVisible();
  const history = await page.getByTestId('history').innerText();
  expect(history).toContain('2024年第三季度');
  expect(history).not.toMatch(MACHINE_WORDS);
  await app.shot('traps-plain-words-history');
  expect(app.problems().filter((p) => !p.includes('about:srcdoc'))).toEqual([]);
  await context.close();
});
