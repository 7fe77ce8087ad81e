// Correcting the parser's result in the import preview, before anything is committed: split, merge, delete, add.
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';

const OUTLINE = fixture('revisions/gongzuo-yaodian-2024.txt');

test('split, merge, delete and add measures in the preview; the checklist holds the corrected list', async ({ app, page }) => {
  await app.firstRun.createUser('李静', 'supervisor', '区司法局');
  await app.nav('import');
  await app.importer.choose(OUTLINE);
  await app.importer.waitForPreview();
  await expect(app.importer.measures).toHaveCount(4);

  // Split the first measure where its second sentence starts.
  const first = app.importer.measure(0);
  await first.getByTestId('import-edit').click();
  await first.getByTestId('edit-text').evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf('组织各级党委');
    el.focus();
    el.setSelectionRange(at, at);
  });
  await first.getByTestId('edit-split').click();
  await expect(app.importer.measures).toHaveCount(5);
  await expect(app.importer.measure(0).getByTestId('import-measure-title')).toHaveText('深入学习宣传习近平法治思想');
  await expect(app.importer.measure(1).getByTestId('import-measure-title')).toHaveText(/^组织各级党委理论学习中心组开展专题学习/);
  await expect(app.importer.measure(1).getByTestId('import-measure-lead')).toHaveText('区委宣传部');
  await expect(app.importer.measure(1)).toHaveAttribute('data-change', 'split');

  // Merge 推行行政执法三项制度 with 加强行政复议工作 after it.
  await expect(app.importer.measure(3).getByTestId('import-measure-title')).toHaveText('推行行政执法三项制度');
  await app.importer.measure(3).getByTestId('import-merge-next').click();
  await expect(app.importer.measures).toHaveCount(4);
  await expect(app.importer.measure(3).getByTestId('import-measure-lead')).toHaveText('区司法局、区法院');
  await expect(app.importer.measure(3)).toHaveAttribute('data-change', 'merged');

  // Delete 落实普法责任制.
  await expect(app.importer.measure(2).getByTestId('import-measure-title')).toHaveText('落实普法责任制');
  await app.importer.measure(2).getByTestId('import-delete').click();
  await expect(app.importer.measures).toHaveCount(3);
  await expect(page.getByTestId('import-removed')).toContainText('落实普法责任制');

  // Add a measure the parser "missed" after the merged one.
  const merged = app.importer.measure(2);
  await merged.getByTestId('import-add-after').click();
  await merged.getByTestId('add-title').fill('开展行政执法案卷评查');
  await expect(merged.getByTestId('add-number')).toHaveValue('3之二');
  await merged.getByTestId('add-lead').fill('区司法局');
  await merged.getByTestId('add-deadline').fill('2024年11月底前');
  await merged.getByTestId('add-save').click();
  await expect(app.importer.measures).toHaveCount(4);
  await expect(app.importer.measure(3).getByTestId('import-measure-title')).toHaveText('开展行政执法案卷评查');
  await expect(app.importer.counts).toHaveAttribute('data-measures', '4');
  await app.shot('preview-corrections-01');

  await app.importer.commit();
  await app.checklist.expectCount(4);
  const rows = app.checklist.rows;
  await expect(rows.filter({ hasText: '深入学习宣传习近平法治思想' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '组织各级党委理论学习中心组开展专题学习' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '落实普法责任制' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '加强行政复议工作' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '开展行政执法案卷评查' })).toHaveCount(1);

  // What was stored is the corrected measure, not the parser's.
  const period = await page.getByTestId('period-select').inputValue();
  const id = await app.checklist.open(rows.filter({ hasText: '推行行政执法三项制度' }));
  const detail = await call(page, 'measures.get', { id, periodId: period });
  expect(detail.lead.map((u) => u.asWritten)).toEqual(['区司法局', '区法院']);
  expect(detail.text).toContain('畅通复议渠道');
  const addedId = await app.checklist.open(rows.filter({ hasText: '开展行政执法案卷评查' }));
  const added = await call(page, 'measures.get', { id: addedId, periodId: period });
  expect(added.deadline).toBe('2024年11月底前');
  expect(added.lead.map((u) => u.asWritten)).toEqual(['区司法局']);
});
