// An empty store: one click on a built-in outline gives the full ledger.
import { test, expect } from './fixtures';

test('empty store → one click on a template → full ledger and dashboard', async ({ app, page }) => {
  await app.firstRun.createUser('王芳', 'supervisor', '区司法局');
  // The last built-in outline (盐城 2021) names lead units, so the department chart has bars too.
  const tpl = app.checklist.templates.last();
  await expect(tpl).toBeVisible();
  await expect(app.checklist.templates).not.toHaveCount(0);
  const count = Number(await tpl.getAttribute('data-measure-count'));
  expect(count).toBeGreaterThan(0);
  await tpl.getByTestId('template-use').click();
  await app.checklist.expectCount(count);
  await expect(page.getByTestId('notice-info')).toBeVisible();
  await app.shot('20-template-ledger');

  await app.nav('dashboard');
  await expect(app.dashboard.stat('total')).toHaveAttribute('data-value', String(count));
  await expect(app.dashboard.departmentChart.getByTestId('chart-row').first()).toBeVisible();
  await app.shot('21-template-dashboard');
});
