// Settings that stick: the chosen quarter, the report's issuer and scope survive other screens and a restart, per user.
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';
import { AppPage } from './pages/AppPage';

test('quarter, issuer and scope are kept per user across screens and a reload; the report scope starts at one plan', async ({ browser, host }, testInfo) => {
  // Its own page: the report preview's sandboxed frame logs "Blocked script execution in about:srcdoc" when the
  // screen is left and entered again (a reports-screen matter, reported); everything else must stay clean.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const app = new AppPage(await context.newPage(), host, testInfo);
  await app.open();
  const page = app.page;
  await app.firstRun.createUser('冯静', 'supervisor', '区司法局');
  await app.nav('import');
  await app.importer.choose(fixture('003_244a23676422eee3.txt'));
  await app.importer.waitForPreview();
  await app.importer.commit();
  await app.nav('import');
  await app.importer.choose(fixture('caoxian.docx'));
  await app.importer.waitForPreview();
  await app.importer.commit();
  const plans = await call(page, 'plans.list', {});
  expect(plans).toHaveLength(2);

  await page.getByTestId('period-select').selectOption('2024-Q2');
  await app.nav('reports');
  // Two plans: the scope is one of them, not both mixed in one report.
  await expect(page.getByTestId('scope-plan')).toHaveValue(plans[0]!.id);
  await page.getByTestId('scope-plan').selectOption(plans[1]!.id);
  await page.getByTestId('report-issuer').fill('大渡口区');
  await app.nav('dashboard');
  await app.nav('reports');
  await expect(page.getByTestId('report-issuer')).toHaveValue('大渡口区');

  await expect.poll(async () => (await call(page, 'settings.get', {}))['report.issuer']).toBe('大渡口区');
  await app.reload();
  await expect(page.getByTestId('period-select')).toHaveValue('2024-Q2');
  await app.nav('reports');
  await expect(page.getByTestId('report-issuer')).toHaveValue('大渡口区');
  await expect(page.getByTestId('scope-plan')).toHaveValue(plans[1]!.id);
  await expect(page.getByTestId('period-quarter-select')).toHaveValue('2');
  await app.shot('traps-settings-kept');
  expect(app.problems().filter((p) => !p.includes('about:srcdoc'))).toEqual([]);
  await context.close();
});
