// Evidence reuse and versions at 1366×768: attach a Word file to one measure, reuse it on another by picking it, replace it
// with a newer version, find the earlier one in 历史版本 (downloadable), read the Word text in the preview, and see no
// MIME type or SHA-256 as a clerk (a supervisor finds them in a fold).
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { test, expect } from './fixtures';
import { call } from './helpers';

test.describe.configure({ mode: 'serial' });

async function wordFile(file: string, lines: string[]): Promise<string> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

/** Hashes, MIME types and their labels: what a clerk must not have to read. */
const TECHNICAL = /[0-9a-f]{64}|application\/|image\/|SHA-256|MIME/;

let measureA = '';
let firstSha = '';

test('a clerk reuses a file on a second measure, replaces it with a newer version and reads both in plain words', async ({ app, page }, testInfo) => {
  await app.firstRun.createUser('周主任', 'supervisor', '区司法局');
  await app.checklist.templates.first().getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  const session = await call(page, 'users.create', { name: '李文', role: 'clerk', departmentName: '区司法局' });
  await call(page, 'session.switchUser', { userId: session.users.find((u) => u.name === '李文')!.id });
  await app.reload();
  await expect(app.currentUser).toContainText('李文');
  await app.nav('checklist');

  const out = testInfo.outputDir;
  const v1 = await wordFile(path.join(out, 'v1', '督察通报.docx'), ['大渡口区司法局关于法治督察情况的通报', '一、督察发现问题3项。']);
  const v2 = await wordFile(path.join(out, 'v2', '督察通报（修订稿）.docx'), ['大渡口区司法局关于法治督察情况的通报（修订稿）', '一、督察发现问题3项,均已整改到位。']);
  const ev = app.evidence;

  // Measure A: the file attached, its 文号 given afterwards.
  measureA = await app.checklist.open(app.checklist.rows.nth(0));
  await ev.choose(v1);
  await expect(ev.panelRows).toHaveCount(1);
  const rowA = ev.panelRows.first();
  await rowA.getByTestId('evidence-details').click();
  await rowA.getByTestId('evidence-edit').getByRole('textbox').nth(1).fill('渡司发〔2024〕12号');
  await rowA.getByTestId('evidence-edit-save').click();
  await expect(rowA).toContainText('渡司发〔2024〕12号');
  firstSha = (await rowA.getAttribute('data-sha256'))!;

  // Measure B: the same file picked from the store by its 文号, not uploaded again.
  const measureB = await app.checklist.open(app.checklist.rows.nth(1));
  await expect(ev.panel).toHaveAttribute('data-count', '0');
  await ev.panel.getByTestId('evidence-pick-open').click();
  await ev.panel.getByTestId('evidence-pick-query').fill('〔2024〕12号');
  const picks = ev.panel.getByTestId('evidence-pick-row');
  await expect(picks).toHaveCount(1);
  await expect(picks.first()).toContainText('督察通报.docx');
  await expect(picks.first()).toContainText('Word 文档');
  await app.shot('evr-01-picker');
  // A search that matches nothing says so.
  await ev.panel.getByTestId('evidence-pick-query').fill('2023年1月');
  await expect(ev.panel.getByTestId('evidence-picker')).toContainText('没有找到符合条件的材料');
  await ev.panel.getByTestId('evidence-pick-query').fill('督察通报');
  await expect(picks).toHaveCount(1);
  await picks.first().getByTestId('evidence-pick-use').click();
  await expect(ev.panel).toHaveAttribute('data-count', '1');
  await expect(ev.panelRows.first()).toHaveAttribute('data-sha256', firstSha);
  await expect(ev.panelRows.first()).toContainText('渡司发〔2024〕12号');
  const onB = await call(page, 'evidence.list', { measureId: measureB });
  expect(onB.map((i) => [i.name, i.sha256])).toEqual([['督察通报.docx', firstSha]]);

  // Measure A: replaced by the revised file; the first version stays in 历史版本 and still downloads.
  await app.checklist.open(app.checklist.rows.nth(0));
  await expect(ev.panelRows).toHaveCount(1);
  await ev.panelRows.first().getByTestId('evidence-replace-input').setInputFiles(v2);
  await expect(ev.panelRows.first()).toContainText('督察通报（修订稿）.docx');
  await expect(ev.panel).toHaveAttribute('data-count', '1');
  const current = ev.panelRows.first();
  const history = current.getByTestId('evidence-history');
  await expect(history).toContainText('历史版本(1)');
  await history.locator('summary').click();
  const old = history.getByTestId('evidence-history-row');
  await expect(old).toHaveCount(1);
  await expect(old).toContainText('督察通报.docx');
  await app.shot('evr-02-history');
  const [download] = await Promise.all([page.waitForEvent('download'), old.getByTestId('evidence-history-download').click()]);
  expect(download.suggestedFilename()).toBe('督察通报.docx');
  expect(fs.readFileSync((await download.path())!)).toEqual(fs.readFileSync(v1));
  const listed = await call(page, 'evidence.list', { measureId: measureA, withHistory: true });
  expect(listed.map((i) => [i.name, i.supersededBy !== null])).toEqual(expect.arrayContaining([['督察通报.docx', true], ['督察通报（修订稿）.docx', false]]));
  // The replaced file still backs measure B.
  expect((await call(page, 'evidence.list', { measureId: measureB })).map((i) => i.sha256)).toEqual([firstSha]);

  // The Word text in the preview.
  await current.getByTestId('evidence-preview-open').click();
  await expect(ev.preview).toHaveAttribute('data-kind', 'office');
  const text = page.getByTestId('office-text-view');
  await expect(text).toContainText('大渡口区司法局关于法治督察情况的通报（修订稿）');
  await expect(text).toContainText('均已整改到位');
  await expect(ev.preview).toContainText('Word 文档');
  expect(await ev.preview.innerText()).not.toMatch(TECHNICAL);
  await app.shot('evr-03-docx-preview');
  await page.getByTestId('preview-close').click();

  // A clerk's details: plain words, no hash, no MIME type, dates and quarters in Chinese.
  await current.getByTestId('evidence-details').click();
  await expect(current.getByTestId('evidence-facts')).toContainText('Word 文档');
  await expect(current.getByTestId('evidence-facts')).toContainText(/\d{4}年第[一二三四]季度/);
  await expect(current.getByTestId('evidence-facts')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await expect(page.getByTestId('evidence-sha256')).toHaveCount(0);
  await expect(page.getByTestId('evidence-tech')).toHaveCount(0);
  expect(await ev.panel.innerText()).not.toMatch(TECHNICAL);
  await app.nav('evidence');
  await expect(ev.screenRows).toHaveCount(2);
  expect(await page.getByTestId('evidence-screen').innerText()).not.toMatch(TECHNICAL);

  // The first text was right after all: replaced by the earlier version, that one is current again, the revision under
  // it, and one notice says so (not also that the file was "not added twice").
  await app.nav('checklist');
  await app.checklist.open(app.checklist.rows.nth(0));
  await ev.panelRows.first().getByTestId('evidence-replace-input').setInputFiles(v1);
  await expect(ev.panelRows).toHaveCount(1);
  await expect(ev.panelRows.first().getByTestId('evidence-name')).toHaveText('督察通报.docx');
  await expect(ev.panelRows.first().getByTestId('evidence-history')).toContainText('历史版本(1)');
  await expect(page.getByTestId('notice-info').filter({ hasText: '已用“督察通报.docx”替换“督察通报（修订稿）.docx”' })).toHaveCount(1);
  await expect(page.getByTestId('notice-info').filter({ hasText: '未重复添加' })).toHaveCount(0);
  await app.shot('evr-04-earlier-version-back');
});

test('a supervisor finds the format and SHA-256 in a fold', async ({ app, page }) => {
  const s = await call(page, 'session.get', {});
  await call(page, 'session.switchUser', { userId: s.users.find((u) => u.name === '周主任')!.id });
  await app.reload();
  await expect(app.currentUser).toContainText('周主任');
  await app.nav('checklist');
  await app.checklist.open(app.checklist.rows.nth(0));
  const row = app.evidence.panelRows.first();
  await row.getByTestId('evidence-details').click();
  const fold = row.getByTestId('evidence-tech');
  await expect(fold).toBeVisible();
  await expect(row.getByTestId('evidence-sha256')).toBeHidden();
  await fold.locator('summary').click();
  await expect(row.getByTestId('evidence-sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(fold).toContainText('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  // The earlier version is still listed under the newer one, its hash the first file's.
  await expect(row.getByTestId('evidence-history-row')).toHaveCount(1);
  expect(measureA).not.toBe('');
  expect(firstSha).toMatch(/^[0-9a-f]{64}$/);
});
