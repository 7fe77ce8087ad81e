// The keyboard: every control reached by Tab shows a focus ring (the file picker too), and Enter works a button or a bar.
import type { Page } from '@playwright/test';
import { test, expect, fixture } from './fixtures';
import { AppPage } from './pages/AppPage';

test.use({ trace: 'off' });

interface Focused {
  tag: string;
  testId: string | null;
  /** The element that draws the ring: the control itself, or the label of a hidden file input. */
  ring: string;
}

/** What has focus now and whether it (or, for a hidden file input, its label) draws a visible ring. */
async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el.tagName === 'IFRAME') return null;
    const hiddenInput = el instanceof HTMLInputElement && el.classList.contains('sr-only');
    const target = hiddenInput ? el.closest('label')! : el;
    const cs = getComputedStyle(target);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none';
    // An SVG bar shows its focus on its track (see .chart-row:focus-visible in styles.css).
    const track = el.querySelector('.chart-track');
    const stroke = track ? getComputedStyle(track).strokeWidth !== '0px' && getComputedStyle(track).stroke !== 'none' : false;
    return { tag: el.tagName, testId: el.getAttribute('data-testid'), ring: outline ? 'outline' : shadow ? 'shadow' : stroke ? 'stroke' : 'none' };
  });
}

/** Presses Tab `n` times and returns every control that took focus. */
async function tabThrough(page: Page, n: number): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f) seen.push(f);
  }
  return seen;
}

test('Tab shows a ring on every control of the daily screens, the file picker included; Enter works buttons and chart bars', async ({ browser, host }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const app = new AppPage(await context.newPage(), host, testInfo);
  await app.open();
  const page = app.page;
  await app.firstRun.createUser('冯静', 'supervisor', '区司法局');

  // The import screen's file picker is a hidden input in a label drawn as a button: Tab reaches it and the label shows the ring.
  await app.nav('import');
  await page.getByTestId('nav-import').focus();
  const onImport = await tabThrough(page, 25);
  const picker = onImport.find((f) => f.testId === 'import-file-input');
  expect(picker, 'Tab reaches the file picker').toBeDefined();
  expect(picker!.ring).not.toBe('none');
  expect(onImport.filter((f) => f.ring === 'none')).toEqual([]);

  await app.importer.choose(fixture('003_244a23676422eee3.txt'));
  await app.importer.waitForPreview();
  await app.importer.commit();

  // The checklist: every control Tab reaches has a ring.
  await app.nav('checklist');
  await page.getByTestId('nav-checklist').focus();
  const onChecklist = await tabThrough(page, 30);
  expect(onChecklist.length).toBeGreaterThan(10);
  expect(onChecklist.filter((f) => f.ring === 'none')).toEqual([]);

  // Enter on a button does what a click does: 我的部门 narrows the list to the user's department.
  await page.getByTestId('filter-overdue').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-mine')).toBeFocused();
  expect((await focused(page))!.ring).toBe('outline');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('filter-mine')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('filter-mine')).toHaveAttribute('aria-pressed', 'false');

  // The dashboard: a section bar is reached by Tab, shows it has focus, and Enter opens the checklist narrowed to it.
  await app.nav('dashboard');
  await page.getByTestId('dashboard-plan').focus();
  let bar: Focused | null = null;
  for (let i = 0; i < 30 && !bar; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f?.ring ?? 'outline', `ring on ${f?.tag} ${f?.testId}`).not.toBe('none');
    if (f?.testId === 'chart-row') bar = f;
  }
  expect(bar, 'Tab reaches a chart bar').not.toBeNull();
  await app.shot('traps-keyboard-bar');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screen-checklist')).toBeVisible();
  await expect(page.getByTestId('filter-scope')).toBeVisible();

  // The report screen: Tab to 导出 Word, Enter exports it.
  await app.nav('reports');
  await page.getByTestId('report-charts').focus();
  const onReports = await tabThrough(page, 3);
  expect(onReports.filter((f) => f.ring === 'none')).toEqual([]);
  await page.getByTestId('export-docx').focus();
  expect((await focused(page))!.ring).not.toBe('none');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/法治政府建设推进情况\.docx$/);
  expect(app.problems().filter((p) => !p.includes('about:srcdoc'))).toEqual([]);
  await context.close();
});
