// An inspection end to end at 1366×768: five measures judged with the keyboard only, a photo, one rectification, sign-off,
// the feedback document, and the office seeing the task on its measure (same store here; across a package: inspection-exchange.spec.ts).
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { test, expect } from './fixtures';
import { call } from './helpers';

test.describe.configure({ mode: 'serial' });

let rectified = '';

test('an inspector reviews five measures with the keyboard, attaches a photo, demands a rectification and signs', async ({ app, page }, testInfo) => {
  // The office sets the ledger up (inspectors never import outlines); the inspector then works on it.
  await app.firstRun.createUser('王芳', 'supervisor', '区司法局');
  await app.checklist.templates.first().getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  const session = await call(page, 'users.create', { name: '王组长', role: 'inspector', departmentName: '区督察组' });
  const inspector = session.users.find((u) => u.name === '王组长')!;
  await call(page, 'session.switchUser', { userId: inspector.id });
  await page.reload();
  await expect(app.currentUser).toContainText('王组长');
  await app.nav('inspections');
  const insp = app.inspection;
  await insp.create('2024年第三季度法治政府建设督察');
  await app.shot('insp-01-review');

  const photo = path.join(testInfo.outputDir, '现场照片.png');
  fs.mkdirSync(path.dirname(photo), { recursive: true });
  fs.writeFileSync(photo, await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } }));

  // 1: 符合
  await insp.verdictKey('1', '符合');
  // 2: 基本符合 with a finding typed after F, left with Esc (which saves).
  await insp.next();
  await insp.verdictKey('2', '基本符合');
  await insp.key('f');
  await page.keyboard.type('会议记录不完整');
  await page.keyboard.press('Escape');
  await expect(insp.saveState).toHaveAttribute('data-state', 'saved');
  // 3: 不符合, a finding, and a rectification (R, type, Enter).
  rectified = await insp.next();
  await insp.verdictKey('3', '不符合');
  await insp.key('f');
  await page.keyboard.type('未建立工作台账');
  await page.keyboard.press('Control+Enter');
  await expect(insp.saveState).toHaveAttribute('data-state', 'saved');
  await insp.key('r');
  await page.keyboard.type('一个月内建立并报送工作台账');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('区司法局');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rectify-form').locator('.tag')).toHaveText('待整改');
  // 4: 符合 with a photo (A opens the file chooser).
  await insp.next();
  await insp.verdictKey('1', '符合');
  const chooser = page.waitForEvent('filechooser');
  await insp.key('a');
  await (await chooser).setFiles(photo);
  await expect(insp.inspectorFiles).toHaveAttribute('data-count', '1');
  await expect(insp.inspectorFiles.getByRole('img')).toBeVisible();
  // 5: 基本符合, then back up one with K to check the photo is still there.
  await insp.next();
  await insp.verdictKey('2', '基本符合');
  await insp.key('k');
  await expect(insp.inspectorFiles).toHaveAttribute('data-count', '1');

  await expect(insp.progress).toHaveAttribute('data-judged', '5');
  await expect(page.getByTestId('count-不符合')).toHaveAttribute('data-count', '1');
  await page.getByTestId('filter-failed').click();
  await expect(insp.items).toHaveCount(1);
  await expect(insp.measure).toHaveAttribute('data-measure-id', rectified);
  await page.getByTestId('filter-all').click();
  await app.shot('insp-02-judged');

  // The clerks' workflow status is untouched by the verdicts.
  const item = (await call(page, 'reviews.list', {}))[0]!;
  const detail = await call(page, 'reviews.get', { reviewId: item.id });
  const statuses = (await call(page, 'measures.list', { periodId: detail.scope.periodId })).map((m) => m.status);
  expect(detail.items.map((i) => i.status)).toEqual(statuses.slice(0, detail.items.length));

  await insp.sign();
  await expect(page.getByTestId('review-signature')).toHaveAttribute('data-sha256', /^[0-9a-f]{64}$/);
  // Signed: verdict keys change nothing.
  await insp.key('3');
  await expect(insp.items.first()).toHaveAttribute('data-verdict', '符合');
  await page.getByTestId('review-verify').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
  await app.shot('insp-03-signed');

  const docx = await insp.exportDocx();
  const zip = await JSZip.loadAsync(docx);
  const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(text).toContain('会议记录不完整');
  expect(text).toContain('未建立工作台账');
  expect(text).toContain('一个月内建立并报送工作台账');
  expect(text).toMatch(/符合2项、基本符合2项、不符合1项/);
  expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
});

test('the office sees the rectification on its measure, answers it, and a supervisor closes it', async ({ app, page }) => {
  // The office's supervisor adds the department's clerk and a colleague; the clerk works first.
  const supervisor = (await call(page, 'session.get', {})).users.find((u) => u.name === '王芳')!;
  await call(page, 'session.switchUser', { userId: supervisor.id });
  await call(page, 'users.create', { name: '钱办事员', role: 'clerk', departmentName: '区司法局' });
  const users = (await call(page, 'users.create', { name: '赵科长', role: 'supervisor', departmentName: '区司法局' })).users;
  const as = async (name: string): Promise<void> => {
    await call(page, 'session.switchUser', { userId: users.find((u) => u.name === name)!.id });
    await page.reload();
    await expect(app.currentUser).toContainText(name);
  };
  await as('钱办事员');
  await page.goto(`${new URL(page.url()).origin}/#/checklist/${encodeURIComponent(rectified)}`);
  const task = page.getByTestId('rectification-task');
  await expect(task).toHaveCount(1);
  await expect(task.getByTestId('rectification-requirement')).toHaveText('一个月内建立并报送工作台账');
  await expect(task).toHaveAttribute('data-status', '待整改');
  await task.getByTestId('rectification-response').fill('已建立工作台账并报送');
  await task.getByTestId('rectification-respond').click();
  await expect(task).toHaveAttribute('data-status', '已反馈');
  await app.shot('insp-04-task');

  await app.nav('dashboard');
  await expect(page.getByTestId('rectification-summary')).toHaveAttribute('data-open', '1');

  await as('赵科长');
  await page.goto(`${new URL(page.url()).origin}/#/checklist/${encodeURIComponent(rectified)}`);
  await page.getByTestId('rectification-task').getByTestId('rectification-close').click();
  await expect(page.getByTestId('rectification-task')).toHaveAttribute('data-status', '已销号');
  expect(await call(page, 'rectifications.counts', {})).toEqual({ open: 0, overdue: 0 });
});
