// Targets against actual figures: recorded next to the target, flagged below target in the checklist and the dashboard.
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';

test('a figure below its target is flagged on the measure, its checklist row and the dashboard', async ({ app, page }) => {
  await app.firstRun.createUser('郑洁', 'supervisor', '区司法局');
  await app.nav('import');
  await app.importer.choose(fixture('003_244a23676422eee3.txt'));
  await app.importer.waitForPreview();
  await app.importer.commit();
  const periodId = (await call(page, 'session.get', {})).currentPeriod;
  let withTarget: { id: string } | undefined;
  for (const m of await call(page, 'measures.list', { periodId })) {
    if ((await call(page, 'measures.get', { id: m.id, periodId })).targets.includes('不少于30日')) withTarget = m;
  }
  expect(withTarget).toBeTruthy();
  const row = page.locator(`[data-testid="measure-row"][data-measure-id="${withTarget!.id}"]`);
  await app.checklist.open(row.first());
  const figure = page.getByTestId('target-row').filter({ hasText: '不少于30日' });
  await figure.getByTestId('target-actual').fill('28日');
  await figure.getByTestId('target-actual').press('Enter');
  await expect(figure).toHaveAttribute('data-met', 'false');
  await expect(figure).toContainText('低于目标');
  await expect(row.first().getByTestId('row-below-target')).toBeVisible();
  await app.shot('traps-targets-detail');
  expect((await call(page, 'targets.get', { measureId: withTarget!.id, periodId })).find((f) => f.target === '不少于30日')?.actual).toBe('28日');

  await app.nav('dashboard');
  const list = page.getByTestId('list-below-target');
  await expect(list).toHaveAttribute('data-count', '1');
  await expect(list).toContainText('不少于30日');
  await expect(list).toContainText('28日');
  await app.shot('traps-targets-dashboard');

  // Met after a correction: the flags go.
  await list.getByTestId('below-target-item').click();
  await expect(app.checklist.detail).toHaveAttribute('data-measure-id', withTarget!.id);
  await figure.getByTestId('target-actual').fill('32日');
  await figure.getByTestId('target-actual').blur();
  await expect(figure).toHaveAttribute('data-met', 'true');
  await expect(row.first().getByTestId('row-below-target')).toHaveCount(0);
});
