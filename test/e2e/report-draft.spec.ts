// The annual report's draft end to end: generate it, edit a heading and a paragraph, save, reload, export, find the edits in the .docx.
import fs from 'node:fs';
import JSZip from 'jszip';
import { test, expect, fixture } from './fixtures';
import { call, previewImport } from './helpers';
import { ReportDraftPage } from './pages/ReportDraftPage';

test.use({ trace: 'off' });

const SEED = fixture('003_244a23676422eee3.txt');
const HEADING = '(一)依法行政制度体系更加完备';
const ADDED = '全年共审查规范性文件42件,做到应审尽审。';

test('generate the annual report as a draft, edit, save, reload, export the edited text', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.firstRun.createUser('王芳', 'supervisor', '区司法局');
  const preview = await previewImport(page, '003.txt', fs.readFileSync(SEED).toString('base64'));
  const done = await call(page, 'import.commit', { token: preview.token, documentIndex: preview.defaultDocument, edits: [] });
  const measures = await call(page, 'measures.list', { periodId: '2021-Q4', planId: done.planId });
  await call(page, 'progress.set', { measureId: measures[0]!.id, periodId: '2021-Q3', status: '推进中', narrative: '前三季度累计审查规范性文件30件。' });
  await call(page, 'progress.set', { measureId: measures[0]!.id, periodId: '2021-Q4', status: '已完成', narrative: '全年审查规范性文件42件。' });
  await call(page, 'progress.set', { measureId: measures[1]!.id, periodId: '2021-Q4', status: '推进中', narrative: '因人员调整,进度滞后。下一步将于2022年6月底前完成。' });

  await app.nav('reports');
  const draft = new ReportDraftPage(page);
  await draft.openAnnual(2021);
  await expect(draft.status).toContainText('尚未保存');
  // Cumulative wording is superseded in the draft; the reason and the carry-over are in parts 三 and 四.
  const values = await draft.editor.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  expect(values.filter((v) => v.includes('前三季度累计'))).toEqual([]);
  const para = draft.blockByKey(`m:${measures[0]!.id}`);
  await expect(draft.text(para)).toHaveValue(/全年审查规范性文件42件/);
  await expect(draft.blockByKey(`gap:${measures[1]!.id}`)).toBeVisible();
  await expect(draft.blockByKey(`plan:${measures[1]!.id}`)).toBeVisible();

  const heading = draft.block('h2', 0);
  await draft.text(heading).fill(HEADING);
  await draft.text(para).fill(`${await draft.text(para).inputValue()}${ADDED}`);
  await expect(draft.status).toHaveAttribute('data-dirty', 'true');
  await expect(heading).toHaveAttribute('data-edited', 'true');
  await page.locator('summary', { hasText: '版头与落款' }).click();
  await page.getByTestId('draft-signer').fill('张明');
  await page.getByTestId('draft-docNumber').fill('盐开管〔2022〕5号');
  await app.shot('report-draft-01-edited');
  await draft.save();
  await expect(draft.status).toContainText('已保存');

  // After a reload the draft comes back with the edits: it was saved, not kept in the page.
  await app.reload();
  await app.nav('reports');
  await draft.openAnnual(2021);
  await expect(draft.text(draft.block('h2', 0))).toHaveValue(HEADING);
  await expect(draft.text(draft.blockByKey(`m:${measures[0]!.id}`))).toHaveValue(new RegExp(ADDED.replace(/[()]/g, '\\$&')));
  await expect(draft.status).toContainText('第 1 版');
  await app.shot('report-draft-02-reloaded');

  const docx = await draft.exportDocx();
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  expect(xml).toContain('（一）依法行政制度体系更加完备');
  expect(xml).toContain('全年共审查规范性文件42件，做到应审尽审。');
  expect(xml).toContain('盐开管〔2022〕5号');
  expect(xml).toContain('张明');
  expect(xml).not.toContain('前三季度累计');
});
