// Backups end to end: back up, verify, change a measure's progress, restore, see the old progress and the safety backup.
import { test, expect } from './fixtures';

test('make a backup, change data, restore it, and find the old data and the safety backup', async ({ app, page }) => {
  await app.firstRun.createUser('钱进', 'supervisor', '区司法局');
  await app.checklist.templates.first().getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  const measureId = await app.checklist.open(app.checklist.rows.first());
  await app.checklist.setNarrative('备份前:召开专题会议部署');

  await app.nav('backup');
  const name = await app.backup.create();
  const report = await app.backup.verify(name);
  await expect(report).toHaveAttribute('data-ok', 'true');
  await app.shot('backup-01-list');

  await app.nav('checklist');
  await app.checklist.open(page.locator(`[data-testid="measure-row"][data-measure-id="${measureId}"]`));
  await app.checklist.setNarrative('备份后:改写了进展');

  await app.nav('backup');
  await app.backup.restore(name);
  const safety = page.locator('[data-testid="backup-row"][data-safety="true"]');
  await expect(safety).toHaveAttribute('data-reason', 'restore');
  await expect(page.getByTestId('notice-info')).toContainText('已恢复到备份');
  await app.shot('backup-02-restored');

  await app.nav('checklist');
  await app.checklist.open(page.locator(`[data-testid="measure-row"][data-measure-id="${measureId}"]`));
  await expect(app.checklist.narrative).toHaveValue('备份前:召开专题会议部署');
});
