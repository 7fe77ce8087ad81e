// Correcting what the parser got wrong: a unit in the preview and after import, two spellings of one department, a revised outline.
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';

test.describe.configure({ mode: 'serial' });

const FIRST = fixture('revisions/gongzuo-yaodian-2024.txt');
const REVISED = fixture('revisions/gongzuo-yaodian-2024-revised.txt');
const PLAN = /某区2024年法治政府建设工作要点/;
const NOTE = '已在全区推行执法公示,本季度公示执法信息1,204条。';

test('correct a wrong unit in the preview, then another after import', async ({ app, page }) => {
  await app.firstRun.createUser('王芳', 'supervisor', '区司法局');
  await app.nav('import');
  await app.importer.choose(FIRST);
  await app.importer.waitForPreview();
  await expect(app.importer.measures).toHaveCount(4);
  // The ledger knows 区司法局 (the user's department): the preview flags the units it has not seen.
  await expect(app.importer.measure(3).getByTestId('import-doubts')).toContainText('区法院');
  await app.importer.editMeasure(3, { lead: '区人民法院' });
  await expect(app.importer.measure(3).getByTestId('import-measure-lead')).toHaveText('区人民法院');
  await app.importer.commit();
  await app.checklist.expectCount(4);

  const row = app.checklist.rows.filter({ hasText: '推行行政执法三项制度' });
  const id = await app.checklist.open(row);
  await app.corrections.editOpenMeasure({ lead: '区司法局、区公安分局', deadline: '2024年12月底前' });
  await expect(page.getByTestId('detail-lead')).toHaveText(/区司法局.*区公安分局/);
  await app.shot('corrections-01-edited');

  // The edit is stored and in the measure's history with who made it.
  await page.reload();
  const period = await page.getByTestId('period-select').inputValue();
  const detail = await call(page, 'measures.get', { id, periodId: period });
  expect(detail.lead.map((u) => u.asWritten)).toEqual(['区司法局', '区公安分局']);
  expect(detail.deadline).toBe('2024年12月底前');
  expect(detail.history.some((h) => h.userName === '王芳')).toBe(true);
});

test('merge two spellings of one department', async ({ app, page }) => {
  await app.nav('departments');
  await expect(app.corrections.department('司法局')).toBeVisible();
  await app.corrections.mergeDepartment('司法局', '区司法局');
  await app.shot('corrections-02-departments');
  await app.nav('checklist');
  await app.checklist.departmentFilter.selectOption({ label: '区司法局' });
  // 落实普法责任制 (written 司法局) now counts under 区司法局 with the other three measures naming it.
  await app.checklist.expectCount(4);
  await expect(app.checklist.rows.filter({ hasText: '落实普法责任制' })).toHaveCount(1);
  const departments = await call(page, 'departments.list', {});
  expect(departments.find((d) => d.name === '区司法局')?.aliases).toContain('司法局');
});

test('import a revised outline: added, changed, removed shown; progress kept', async ({ app, page }) => {
  await app.nav('checklist');
  const row = app.checklist.rows.filter({ hasText: '推行行政执法三项制度' });
  const id = await app.checklist.open(row);
  await app.checklist.setStatus('推进中');
  await app.checklist.setNarrative(NOTE);

  await app.nav('import');
  await app.importer.choose(REVISED);
  await app.importer.waitForPreview();
  await app.corrections.compareWith(PLAN);
  const diff = app.corrections.revisionDiff;
  await expect(diff).toHaveAttribute('data-added', '1');
  await expect(diff).toHaveAttribute('data-removed', '1');
  await expect(diff.getByTestId('revision-added')).toContainText('开展证明事项告知承诺制');
  await expect(diff.getByTestId('revision-removed')).toContainText('加强行政复议工作');
  await expect(diff.getByTestId('revision-changed').first()).toContainText('深入学习宣传习近平法治思想');
  await app.shot('corrections-03-revision');
  await app.corrections.commitRevision();

  await app.checklist.expectCount(4);
  await expect(app.checklist.rows.filter({ hasText: '开展证明事项告知承诺制' })).toHaveCount(1);
  await expect(app.checklist.rows.filter({ hasText: '加强行政复议工作' })).toHaveCount(0);
  const period = await page.getByTestId('period-select').inputValue();
  const kept = await call(page, 'measures.get', { id, periodId: period });
  expect(kept.progress.find((p) => p.periodId === period)?.narrative).toBe(NOTE);
  const plans = await call(page, 'plans.list', {});
  expect(plans).toHaveLength(1);
});
