// Traps of import: the same outline as a PDF or web page, a wrong import undone, a plan deleted and restored.
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';

test.describe.configure({ mode: 'serial' });

const CAOXIAN = '曹县法治政府建设实施纲要';

test('the PDF and the web page of an imported .docx are recognised, and can still be imported on purpose', async ({ app, page }) => {
  await app.firstRun.createUser('周敏', 'supervisor', '县司法局');
  await app.nav('import');
  await app.importer.choose(fixture('caoxian.docx'));
  await app.importer.waitForPreview();
  await app.importer.commit();
  await app.checklist.expectCount(37);

  // The same outline printed to PDF: a different file, the same measures.
  await app.nav('import');
  await app.importer.choose(fixture('caoxian.pdf'));
  await app.importer.waitForPreview();
  await expect(app.plans.duplicate).toHaveAttribute('data-kind', 'content');
  await expect(app.plans.duplicate).toContainText(`“${CAOXIAN}”`);
  await expect(app.importer.commitButton).toBeDisabled();
  await app.shot('traps-duplicate-content');
  await app.plans.openExisting();
  await app.checklist.expectCount(37);
  expect(await call(page, 'plans.list', {})).toHaveLength(1);

  // The web page, imported anyway: a second plan, and the way back on the notice.
  await app.nav('import');
  await app.importer.choose(fixture('caoxian.html'));
  await app.importer.waitForPreview();
  await expect(app.plans.duplicate).toContainText(`“${CAOXIAN}”`);
  await app.plans.importAnyway();
  expect(await call(page, 'plans.list', {})).toHaveLength(2);
  await app.plans.undoImport();
  await expect(page.getByTestId('notice-info').filter({ hasText: '已撤销导入' })).toBeVisible();
  await expect(app.plans.treePlans).toHaveCount(1);
  expect(await call(page, 'plans.list', {})).toHaveLength(1);
});

test('a plan is deleted only after confirming, keeps its records, and a supervisor restores it', async ({ app, page }) => {
  const [plan] = await call(page, 'plans.list', {});
  const period = '2024-Q3';
  const m = (await call(page, 'measures.list', { periodId: period, planId: plan!.id }))[0]!;
  await call(page, 'progress.set', { measureId: m.id, periodId: period, status: '推进中', narrative: '已完成清单梳理。' });

  await app.plans.delete(CAOXIAN, false);
  await expect(app.plans.treePlans).toHaveCount(1);
  await app.plans.delete(CAOXIAN, true);
  await expect(app.plans.treePlans).toHaveCount(0);
  expect(await call(page, 'measures.list', { periodId: period })).toEqual([]);

  await app.nav('import');
  // Both the undone import and the deleted plan are there to restore.
  await expect(app.plans.deletedPlans).toHaveCount(2);
  await app.shot('traps-deleted-plans');
  await app.plans.restore(plan!.id);
  await expect(app.plans.deletedPlans).toHaveCount(1);
  await app.nav('checklist');
  await app.checklist.expectCount(37);
  const detail = await call(page, 'measures.get', { id: m.id, periodId: period });
  expect(detail.progress.map((p) => p.narrative)).toEqual(['已完成清单梳理。']);
});
