// Several plans at once: every list names each row's plan, and following a link does not silently narrow the next search.
import { test, expect, fixture } from './fixtures';
import { call } from './helpers';
import { AppPage } from './pages/AppPage';

test.use({ trace: 'off' });

test('with two plans imported, search results, due lists and 缺佐证 entries name their plan; a link keeps the search wide', async ({ browser, host }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const app = new AppPage(await context.newPage(), host, testInfo);
  await app.open();
  const page = app.page;
  await app.firstRun.createUser('冯静', 'supervisor', '区司法局');
  for (const f of ['003_244a23676422eee3.txt', 'caoxian.docx']) {
    await app.nav('import');
    await app.importer.choose(fixture(f));
    await app.importer.waitForPreview();
    await app.importer.commit();
  }
  const plans = await call(page, 'plans.list', {});
  expect(plans).toHaveLength(2);
  const titleOf = new Map(plans.map((p) => [p.id, p.title]));
  await page.getByTestId('period-select').selectOption('2021-Q3');

  // Search across both plans: each row carries the title of its own plan.
  const query = '行政';
  const expected = await call(page, 'measures.list', { periodId: '2021-Q3', query });
  expect(new Set(expected.map((m) => m.planId)).size).toBe(2);
  await app.nav('checklist');
  await page.getByTestId('tree-all').click();
  await page.getByTestId('search-input').fill(query);
  const rows = page.getByTestId('measure-row');
  await expect(page.getByTestId('measure-count')).toHaveAttribute('data-count', String(expected.length));
  const shown = await rows.evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-measure-id'), plan: el.querySelector('[data-testid="plan-tag"]')?.textContent ?? null })),
  );
  expect(shown.length).toBeGreaterThan(0);
  for (const r of shown) expect(r.plan).toBe(titleOf.get(expected.find((m) => m.id === r.id)!.planId));
  await app.shot('traps-plans-search');

  // One plan chosen in the tree: no label is needed, but the narrowing is said beside the search box.
  await page.getByTestId('tree-plan').first().click();
  await expect(page.getByTestId('filter-scope')).toBeVisible();
  await expect(rows.first().getByTestId('plan-tag')).toHaveCount(0);

  // 缺佐证: nothing is attached yet, so every measure of both plans is listed, each with its plan.
  await app.nav('evidence');
  const missing = page.getByTestId('missing-measure');
  const missingRows = await call(page, 'evidence.missing', { periodId: '2021-Q3' });
  await expect(page.getByTestId('missing-list')).toHaveAttribute('data-count', String(missingRows.length));
  const otherPlan = plans[1]!;
  const ofOther = missingRows.find((m) => m.planId === otherPlan.id)!;
  await expect(page.locator(`[data-testid="missing-measure"][data-measure-id="${ofOther.id}"]`).getByTestId('plan-tag')).toHaveText(otherPlan.title);
  const tags = await missing.evaluateAll((els) => els.map((el) => el.querySelector('[data-testid="plan-tag"]')?.textContent ?? null));
  expect(tags.every((t) => t !== null)).toBe(true);
  expect(new Set(tags).size).toBe(2);

  // Following a 缺佐证 entry opens its measure without narrowing the list to that measure's plan.
  await page.locator(`[data-testid="missing-measure"][data-measure-id="${ofOther.id}"] button`).first().click();
  await expect(page.getByTestId('screen-checklist')).toBeVisible();
  await expect(page.getByTestId('filter-scope')).toHaveCount(0);
  await page.getByTestId('search-input').fill(query);
  await expect(page.getByTestId('measure-count')).toHaveAttribute('data-count', String(expected.length));

  // The dashboard with both plans: its due lists name the plan, its section bars too.
  await app.nav('dashboard');
  await expect(page.getByTestId('dashboard-plan')).toHaveValue('');
  const dash = await call(page, 'dashboard.get', { periodId: '2021-Q3' });
  const listed = [...dash.overdue.map((m) => ['overdue', m] as const), ...dash.dueSoon.map((m) => ['due-soon', m] as const)];
  for (const [kind, m] of listed.slice(0, 3)) {
    await expect(page.locator(`[data-testid="${kind}-item"][href$="${encodeURIComponent(m.id)}"]`).getByTestId('plan-tag')).toHaveText(titleOf.get(m.planId)!);
  }
  const chartText = await page.getByTestId('chart-sections').innerText();
  for (const p of plans) expect(chartText).toContain(p.title.slice(0, 6));
  await app.shot('traps-plans-dashboard');
  expect(app.problems().filter((p) => !p.includes('about:srcdoc'))).toEqual([]);
  await context.close();
});
