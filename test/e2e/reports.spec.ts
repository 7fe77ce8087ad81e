// Reports end to end: import a seed, record a quarter's progress, preview each kind and export it in every format.
import { fullWidthPunctuation } from '../../shared/zh-punctuation';
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Locator, Page } from '@playwright/test';
import { test, expect, fixture } from './fixtures';
import { call, previewImport } from './helpers';

test.describe.configure({ mode: 'serial' });
// Tracing injects a script into every frame, which the sandboxed preview frame rightly refuses with a console error.
test.use({ trace: 'off' });

const SEED = fixture('003_244a23676422eee3.txt');
const QUARTER = '2021-Q3';
const NARRATIVE = '已完成行政执法案卷评查,共评查案卷120卷。';

/** The report screen as a page object. */
class ReportsPage {
  constructor(private readonly page: Page) {}
  get preview(): Locator {
    return this.page.getByTestId('report-preview');
  }
  get figures(): Locator {
    return this.page.getByTestId('report-figures');
  }
  previewBody() {
    return this.page.frameLocator('[data-testid="report-preview"]').locator('body');
  }
  /** Exports in a format, waits for the job, downloads the file and returns its bytes. */
  async export(format: 'docx' | 'xlsx' | 'pdf' | 'html'): Promise<Buffer> {
    const before = await this.page.getByTestId('report-export').count();
    await this.page.getByTestId(`export-${format}`).click();
    const entry = this.page.getByTestId('report-export').first();
    await expect(this.page.getByTestId('report-export')).toHaveCount(before + 1);
    await expect(entry).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const [download] = await Promise.all([this.page.waitForEvent('download'), entry.getByTestId('report-download').click()]);
    return fs.readFileSync(await download.path());
  }
}

test('record a quarter, then export every kind in every format from the report screen', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.firstRun.createUser('王芳', 'supervisor', '区司法局');
  // With nothing imported the screen says so in place, not as an error.
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('report-note')).toContainText('没有措施');
  await expect(app.errorNotice).toHaveCount(0);
  await page.getByTestId('nav-checklist').click();
  const preview = await previewImport(page, '003.txt', fs.readFileSync(SEED).toString('base64'));
  const done = await call(page, 'import.commit', { token: preview.token, documentIndex: preview.defaultDocument, edits: [] });
  const measures = await call(page, 'measures.list', { periodId: QUARTER, planId: done.planId });
  expect(measures.length).toBeGreaterThan(5);
  await call(page, 'progress.set', { measureId: measures[0]!.id, periodId: QUARTER, status: '已完成', narrative: NARRATIVE });
  await call(page, 'progress.set', { measureId: measures[1]!.id, periodId: QUARTER, status: '推进中', narrative: '正在起草制度文件。' });
  await call(page, 'progress.set', { measureId: measures[2]!.id, periodId: QUARTER, status: '不适用', narrative: '' });

  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('screen-reports')).toBeVisible();
  const r = new ReportsPage(page);
  await page.getByTestId('period-year-select').selectOption('2021');
  await page.getByTestId('period-quarter-select').selectOption('3');
  await page.getByTestId('report-issuer').fill('盐城经济技术开发区管委会');
  await expect(r.figures).toContainText(`措施 ${measures.length} 项：已完成 1，推进中 1`);
  // Several areas at once: the figures count only their measures.
  const sections = await call(page, 'sections.list', {});
  const [a, b] = sections.filter((x) => !x.preamble && x.measureCount > 0 && x.path.length === 2);
  await page.getByTestId('scope-section').locator('summary').click();
  await page.getByTestId('scope-section').getByLabel(a!.heading).check();
  await page.getByTestId('scope-section').getByLabel(b!.heading).check();
  await expect(page.getByTestId('scope-section').locator('summary')).toHaveText('已选 2 个领域');
  await expect(r.figures).toContainText(`措施 ${a!.measureCount + b!.measureCount} 项`);
  await page.getByTestId('scope-section').getByLabel(a!.heading).uncheck();
  await page.getByTestId('scope-section').getByLabel(b!.heading).uncheck();
  await expect(r.figures).toContainText(`措施 ${measures.length} 项`);
  // The preview is the report itself, styled in its frame without breaking the app's CSP.
  await expect(r.previewBody()).toContainText('盐城经济技术开发区管委会关于2021年第三季度法治政府建设工作推进情况的报告');
  // Reports set the clerk's narrative in full-width punctuation, as official documents are.
  await expect(r.previewBody()).toContainText(fullWidthPunctuation(NARRATIVE));
  await expect(r.previewBody().locator('svg').first()).toBeVisible();
  const font = await r.previewBody().locator('h1.title').evaluate((el) => getComputedStyle(el).fontSize);
  expect(font).toBe('29.3333px');
  await app.shot('reports-01-quarterly');

  const kinds = [
    { kind: 'quarterly', mode: 'quarter', text: '四、2021年第四季度工作计划' },
    { kind: 'annual', mode: 'year', text: '三、存在的不足和原因' },
    { kind: 'ledger', mode: 'quarter', text: '2021年第三季度进展情况' },
  ] as const;
  for (const k of kinds) {
    await page.getByTestId(`period-mode-${k.mode}`).check();
    await page.getByTestId(`kind-${k.kind}`).check();
    await expect(r.previewBody()).toContainText(k.text);
    await app.shot(`reports-02-${k.kind}`);
    const docx = await r.export('docx');
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(k.kind === 'ledger' ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' : '<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain(k.text);
    const xlsx = await r.export('xlsx');
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(Object.keys((await JSZip.loadAsync(xlsx)).files)).toContain('xl/workbook.xml');
    const pdf = await r.export('pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const html = (await r.export('html')).toString('utf8');
    expect(html).toContain(k.text);
    expect(html).not.toMatch(/<script|<link|src="http/);
  }
  await expect(page.getByTestId('report-export')).toHaveCount(12);
  await expect(page.locator('[data-testid="report-export"][data-state="done"]')).toHaveCount(12);
  await app.shot('reports-03-exports');
});

test('the download route serves exports by id only', async ({ page, host }) => {
  await page.goto(host.openUrl());
  const origin = new URL(page.url()).origin;
  const headers = { 'x-fazhi-token': host.secret };
  expect((await page.request.get(`${origin}/exports/00000000-0000-4000-8000-000000000000`, { headers })).status()).toBe(404);
  expect((await page.request.get(`${origin}/exports/..%2F..%2Fledger.sqlite`, { headers })).status()).toBe(404);
  expect((await page.request.get(`${origin}/exports/`, { headers })).status()).toBe(404);
  // Without the secret or a signed link, not even a 404 gives anything away.
  expect((await page.request.get(`${origin}/exports/00000000-0000-4000-8000-000000000000`)).status()).toBe(401);
});
