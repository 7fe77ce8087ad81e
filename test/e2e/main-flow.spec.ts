// The main flow: first user, import the 大渡口 outline, filter and search, record progress, reload, dashboard.
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';

test.describe.configure({ mode: 'serial' });

const SEED = fixture('000_0de7c43a80d3d30b.txt');
const PLAN_TITLE = /大渡口区法治政府建设\s*实施方案[((]2017—2020年[))]/;
const NARRATIVE = '已召开行政复议工作推进会,全区受理行政复议案件12件,办结10件。';

test('first run: create a user, import the outline through the preview, see 42 measures', async ({ app, page }) => {
  await expect(app.firstRun.screen).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await app.shot('01-first-run');
  await app.firstRun.createUser('李明', 'clerk', '区司法局');
  await expect(app.currentUser).toContainText('办事员');
  await expect(app.currentUser).toContainText('区司法局');
  // An empty store offers the built-in outlines.
  await expect(app.checklist.templates.first()).toBeVisible();
  await app.shot('02-empty-store');

  await app.nav('import');
  await app.shot('03-import');
  await app.importer.choose(SEED);
  await app.importer.waitForPreview();
  await expect(app.importer.docTitle).toHaveText(PLAN_TITLE);
  await expect(app.importer.docOptions).toHaveCount(5);
  await expect(app.importer.docOptions.filter({ has: page.locator('input:checked') })).toContainText(PLAN_TITLE);
  await expect(app.importer.measures).toHaveCount(42);
  await expect(app.importer.counts).toHaveAttribute('data-measures', '42');
  await expect(app.importer.commitButton).toContainText('42');
  await app.shot('04-import-preview');

  // The outline names no units per measure: the supervisor fills them in before importing.
  await app.importer.editMeasure(0, { lead: '区司法局', responsible: '区政府办公室、区发展改革委' });
  await app.importer.editMeasure(29, { lead: '区司法局', deadline: '2019年年底前' });
  await expect(app.importer.measure(0)).toContainText('已修改');
  await expect(app.importer.measure(0).getByTestId('import-measure-lead')).toHaveText('区司法局');
  await app.importer.measure(29).scrollIntoViewIfNeeded();
  await app.shot('05-import-edited');

  await app.importer.commit();
  await app.checklist.expectCount(42);
  await expect(page.getByTestId('tree-plan')).toContainText(PLAN_TITLE);
  await app.shot('06-checklist');
});

test('filter by department, "我的部门", search 复议, move with the keyboard', async ({ app, page }) => {
  const c = app.checklist;
  await c.expectCount(42);

  await c.departmentFilter.selectOption({ label: '区司法局' });
  await c.expectCount(2);
  await expect(c.rows.first()).toContainText('区司法局');
  await app.shot('07-filter-department');
  await page.getByTestId('filter-clear').click();
  await c.expectCount(42);
  await page.getByTestId('filter-mine').click();
  await expect(page.getByTestId('filter-mine')).toHaveAttribute('aria-pressed', 'true');
  await c.expectCount(2);
  await page.getByTestId('filter-mine').click();
  await c.expectCount(42);

  // What the search must find: every measure whose text says 复议, and nothing else.
  const period = await page.getByTestId('period-select').inputValue();
  const all = await call(page, 'measures.list', { periodId: period });
  const texts = await Promise.all(all.map((m) => call(page, 'measures.get', { id: m.id, periodId: period })));
  const expected = texts.filter((m) => `${m.title}${m.text}`.includes('复议')).map((m) => m.id);
  expect(expected.length).toBeGreaterThan(0);

  await page.keyboard.press('Control+f');
  await expect(c.search).toBeFocused();
  await page.keyboard.type('复议');
  await c.expectCount(expected.length);
  expect((await c.shownIds()).sort()).toEqual([...expected].sort());
  await app.shot('08-search');

  await c.list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(c.detail).toHaveAttribute('data-measure-id', expected.length > 1 ? (await c.shownIds())[1]! : expected[0]!);
});

test('record status and progress, reload, find them kept and in the history', async ({ app, page }) => {
  const c = app.checklist;
  await c.search.fill('复议');
  await expect(c.count).not.toHaveAttribute('data-count', '42');
  // Measure 30 is the one given 区司法局 as lead unit at import.
  const row = c.rows.filter({ hasText: '加强行政复议基础工作' });
  const id = await c.open(row);
  await expect(page.getByTestId('detail-lead')).toHaveText('区司法局');
  await c.setStatus('推进中');
  await c.setNarrative(NARRATIVE);
  await expect(c.saveState).toHaveText('已保存');
  await expect(row).toHaveAttribute('data-status', '推进中');
  await app.shot('09-progress-saved');

  await app.reload();
  // The URL names the open measure, so the reload lands on it again.
  await expect(c.detail).toHaveAttribute('data-measure-id', id);
  await expect(c.status).toHaveValue('推进中');
  await expect(c.narrative).toHaveValue(NARRATIVE);
  const period = await page.getByTestId('period-select').inputValue();
  await expect(page.locator(`[data-testid="progress-record"][data-period="${period}"]`)).toContainText(NARRATIVE);
  await expect(c.history.filter({ has: page.locator(`xpath=self::*[@data-field="status:${period}"]`) })).toContainText('推进中');
  await expect(c.history.filter({ has: page.locator(`xpath=self::*[@data-field="narrative:${period}"]`) })).toContainText('已召开行政复议工作推进会');
  await expect(c.history.first()).toContainText('李明');
  await app.shot('10-after-reload');
});

test('the dashboard counts it; one click from an overdue measure back to it', async ({ app, page }) => {
  await app.nav('dashboard');
  const d = app.dashboard;
  await expect(d.stat('total')).toHaveAttribute('data-value', '42');
  await expect(d.stat('inProgress')).toHaveAttribute('data-value', '1');
  await expect(d.stat('notStarted')).toHaveAttribute('data-value', '41');
  await expect(d.sectionChart.locator('[data-testid="chart-row"][data-in-progress="1"]')).toHaveCount(1);
  await expect(d.departmentChart.getByRole('listitem', { name: /区司法局/ })).toHaveAttribute('aria-label', /推进中 1 项/);
  await app.shot('11-dashboard');

  const first = d.overdueItems.first();
  await expect(first).toBeVisible();
  const href = (await first.getAttribute('href')) ?? '';
  await first.click();
  await expect(page.getByTestId('screen-checklist')).toBeVisible();
  await expect(app.checklist.detail).toHaveAttribute('data-measure-id', decodeURIComponent(href.split('/').pop()!));
  await app.shot('12-from-dashboard');

  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByTestId('nav-checklist')).toHaveText('Ledger');
  await app.shot('13-english');
  await page.getByTestId('language-select').selectOption('zh');
  await expect(page.getByTestId('nav-checklist')).toHaveText('台账');
});
