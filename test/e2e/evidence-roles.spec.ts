// The 佐证材料 screen (and the header) offer removing and editing a file, clearing the store and adding users only to those
// the store lets do it: a supervisor, not an inspector; at 1366×768 and at 150% scaling.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { call } from './helpers';
import { AppPage } from './pages/AppPage';
import { layoutProblems } from './pages/LayoutProbe';

test.describe.configure({ mode: 'serial' });

test('a supervisor may remove and edit a file on the screen; an inspector sees it without those buttons', async ({ app, page }, testInfo) => {
  await app.firstRun.createUser('王芳', 'supervisor', '区司法局');
  await app.checklist.templates.first().getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  await app.checklist.open(app.checklist.rows.first());
  const file = path.join(testInfo.outputDir, '专题会议纪要.txt');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '区司法局召开专题会议,研究部署法治政府建设工作。');
  await app.evidence.panel.getByTestId('evidence-file-input').setInputFiles(file);
  await expect(app.evidence.panelRows).toHaveCount(1);

  await app.nav('evidence');
  const row = app.evidence.screenRows.first();
  await expect(row).toContainText('专题会议纪要.txt');
  await expect(row.getByTestId('evidence-remove')).toBeVisible();
  await expect(page.getByTestId('cleanup-start')).toBeVisible();
  await expect(page.getByTestId('new-user')).toBeVisible();

  const users = (await call(page, 'users.create', { name: '王组长', role: 'inspector', departmentName: '区督察组' })).users;
  await call(page, 'session.switchUser', { userId: users.find((u) => u.name === '王组长')!.id });
  await app.reload();
  await app.nav('evidence');
  await expect(row).toContainText('专题会议纪要.txt');
  await expect(row.getByTestId('evidence-remove')).toHaveCount(0);
  await row.getByTestId('evidence-details').click();
  await expect(row.getByTestId('evidence-edit')).toHaveCount(0);
  // Checking the files is for everyone; clearing unused ones from the store is for supervisors.
  await expect(page.getByTestId('verify-start')).toBeVisible();
  await expect(page.getByTestId('cleanup-start')).toHaveCount(0);
  // Nor is adding users: once a store has users, that is for supervisors.
  await expect(page.getByTestId('new-user')).toHaveCount(0);
  await app.shot('ev-roles-inspector-1366');
  // What the screen no longer offers, the store refuses all the same.
  const id = (await call(page, 'evidence.list', {}))[0]!.id;
  await expect(call(page, 'evidence.remove', { id })).rejects.toThrow(/督察员/);
});

test('at 150% the inspector’s evidence screen keeps its shape', async ({ browser, host }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 910, height: 512 }, deviceScaleFactor: 1.5, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const app = new AppPage(await context.newPage(), host, testInfo);
  await app.open();
  await app.nav('evidence');
  const row = app.evidence.screenRows.first();
  await expect(row).toContainText('专题会议纪要.txt');
  await expect(row.getByTestId('evidence-remove')).toHaveCount(0);
  expect(await layoutProblems(app.page)).toEqual([]);
  await app.shot('ev-roles-inspector-150');
  expect(app.problems()).toEqual([]);
  await context.close();
});
