// A stale tab: its save over newer text is refused, the newer text is shown beside its own, and the merge is saved.
import { test, expect } from './fixtures';
import { AppPage } from './pages/AppPage';
import { call } from './helpers';

test('a save from a tab opened before another tab saved is refused and merged, never overwriting', async ({ app, page, host }, testInfo) => {
  await app.firstRun.createUser('孙强', 'clerk', '区司法局');
  await app.checklist.templates.first().getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  const measureId = await app.checklist.open(app.checklist.rows.first());

  // The same measure open in a second tab, before either has typed anything.
  const other = new AppPage(await page.context().newPage(), host, testInfo);
  await other.open();
  await other.checklist.open(other.checklist.rows.first());

  await app.checklist.setNarrative('召开专题会议,部署年度任务。');

  await other.checklist.narrative.fill('印发工作方案。');
  await other.checklist.narrative.blur();
  await expect(other.merge.box).toBeVisible();
  await expect(other.merge.theirs).toHaveText('召开专题会议,部署年度任务。');
  await expect(other.merge.mine).toHaveText('印发工作方案。');
  await expect(other.merge.merged).toHaveValue('召开专题会议,部署年度任务。\n印发工作方案。');
  await other.shot('traps-stale-merge');
  const periodId = (await call(page, 'session.get', {})).currentPeriod;
  const stored = async () => (await call(page, 'measures.get', { id: measureId, periodId })).progress.find((p) => p.periodId === periodId)?.narrative;
  expect(await stored()).toBe('召开专题会议,部署年度任务。');

  await other.merge.saveMerged('召开专题会议,部署年度任务;印发工作方案。');
  await expect(other.merge.box).toHaveCount(0);
  await expect(other.page.getByTestId('progress-save-state')).toHaveAttribute('data-state', 'saved');
  expect(await stored()).toBe('召开专题会议,部署年度任务;印发工作方案。');

  // The first tab is now the stale one: its next save is refused in turn.
  await app.checklist.narrative.fill('召开专题会议。');
  await app.checklist.narrative.blur();
  await expect(app.merge.box).toBeVisible();
  await expect(app.merge.theirs).toHaveText('召开专题会议,部署年度任务;印发工作方案。');
  await page.getByTestId('stale-take-theirs').click();
  await expect(app.checklist.narrative).toHaveValue('召开专题会议,部署年度任务;印发工作方案。');
  expect(await stored()).toBe('召开专题会议,部署年度任务;印发工作方案。');
  expect(other.problems()).toEqual([]);
});
