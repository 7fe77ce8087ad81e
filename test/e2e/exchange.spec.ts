// Exchange end to end with two data folders: the office sends a department its quarter, encrypted; the department
// sets up its PC from it, records progress and attaches a file while the office edits the same measure; the return
// merges at the office with the conflict kept, and the office's receipt shows at the department.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, RENDERER_DIR } from './fixtures';
import { call } from './helpers';
import { startHost, type RunningHost } from '../../electron/host/server';
import { ExchangePage } from './pages/ExchangePage';
import { ChecklistPage } from './pages/ChecklistPage';
import { EvidencePage } from './pages/EvidencePage';
import { FirstRunPage } from './pages/FirstRunPage';

let deptHost: RunningHost | null = null;
let deptDir = '';

test.afterAll(async () => {
  await deptHost?.close();
  if (deptDir) fs.rmSync(deptDir, { recursive: true, force: true });
});

test('a department’s quarter goes out encrypted, comes back merged with its file, the conflict and the receipt', async ({ app, page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const usb = path.join(testInfo.outputDir, 'usb');
  fs.mkdirSync(usb, { recursive: true });

  // The office: a supervisor and a ledger from a template whose measures name their lead units.
  await app.firstRun.createUser('王主任', 'supervisor', '区司法局');
  await app.checklist.templates.filter({ hasText: '曹县' }).getByTestId('template-use').click();
  await expect(app.checklist.rows.first()).toBeVisible();
  const period = await page.getByTestId('period-select').evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value).find((v) => v.endsWith('-Q3')) ?? s.value);
  await page.getByTestId('period-select').selectOption(period);
  const measures = await call(page, 'measures.list', { periodId: period });
  const measure = measures.find((m) => m.lead.length > 0)!;
  const department = measure.lead[0]!.name;

  const office = new ExchangePage(page);
  await office.open();
  const slice = await office.exportSlice(department, period, '司法局 2024', usb);
  await expect(office.owed.filter({ hasText: department })).toBeVisible();
  await app.shot('ex-01-office-export');

  // The department's PC: an empty data folder set up from the package before anyone has a user there.
  deptDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-dept-'));
  deptHost = await startHost({ dataDir: deptDir, rendererDir: RENDERER_DIR });
  const deptContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const dp = await deptContext.newPage();
  const pageErrors: string[] = [];
  dp.on('pageerror', (e) => pageErrors.push(e.message));
  await dp.goto(deptHost.openUrl());
  await expect(dp.getByTestId('screen-first-run')).toBeVisible();
  await dp.getByTestId('setup-from-package').locator('summary').click();
  await dp.getByTestId('setup-file').setInputFiles(slice);
  await dp.getByTestId('setup-passphrase').fill('错误口令');
  await dp.getByTestId('setup-inspect').click();
  await expect(dp.getByTestId('notice-error')).toContainText('口令不正确');
  await dp.getByTestId('setup-passphrase').fill('司法局 2024');
  await dp.getByTestId('setup-inspect').click();
  await expect(dp.getByTestId('setup-preview')).toBeVisible();
  await dp.getByTestId('setup-confirm').click();
  // The PC is a working copy once the setup is gone from the first-run screen.
  await expect(dp.getByTestId('setup-from-package')).toHaveCount(0, { timeout: 60_000 });
  // The office's users came with the ledger, but none of them is signed in here: the clerk adds herself.
  await expect(dp.getByTestId('screen-choose-user')).toBeVisible();
  await expect(dp.getByTestId('current-user')).toHaveCount(0);
  await dp.getByTestId('new-user').click();
  await new FirstRunPage(dp).createUser('李填报', 'clerk', department);
  await dp.getByTestId('period-select').selectOption(period);

  // The department records the quarter and attaches a file.
  const deptList = new ChecklistPage(dp);
  await deptList.open(dp.locator(`[data-testid="measure-row"][data-measure-id="${measure.id}"]`));
  await deptList.setStatus('已完成');
  await deptList.setNarrative('部门:整改全部完成');
  const scan = path.join(usb, '整改报告.txt');
  fs.writeFileSync(scan, '整改报告正文:已完成全部整改。\n'.repeat(200));
  const ev = new EvidencePage(dp);
  // Choosing the file attaches it at once (its fields can be filled in afterwards).
  await ev.panel.getByTestId('evidence-file-input').setInputFiles(scan);
  await expect(ev.panelRows).toHaveCount(1);

  // Meanwhile the office edits the same measure's quarter (later, so its value wins).
  await page.getByTestId('nav-checklist').click();
  await app.checklist.open(page.locator(`[data-testid="measure-row"][data-measure-id="${measure.id}"]`));
  await app.checklist.setNarrative('法治办:请补充材料');

  // The department returns what the office lacks.
  const dept = new ExchangePage(dp);
  await dept.open();
  const back = await dept.exportReturn('台账发出方', usb);

  // The office previews: the conflict is announced; then merges.
  await office.open();
  await office.inspect(back);
  await expect(page.getByTestId('exchange-preview-conflicts')).toBeVisible();
  await app.shot('ex-02-office-preview');
  const receipt = await office.confirm(usb);
  await expect(page.getByTestId('exchange-import-done')).toBeVisible();
  await expect(office.owed).toHaveCount(0);
  // The department's value waits in the conflict list for a supervisor.
  await expect(page.getByTestId('exchange-conflict').filter({ hasText: '部门:整改全部完成' })).toBeVisible();

  // The merged ledger: the office's later narrative stands, the department's file arrived.
  await page.getByTestId('nav-checklist').click();
  await app.checklist.open(page.locator(`[data-testid="measure-row"][data-measure-id="${measure.id}"]`));
  await expect(app.checklist.narrative).toHaveValue('法治办:请补充材料');
  await expect(app.evidence.panelRows.filter({ hasText: '整改报告.txt' })).toHaveCount(1);
  await app.shot('ex-03-office-merged');

  // The receipt goes back: the department sees its return arrived.
  await dept.importReceipt(receipt);
  await expect(dp.locator('[data-testid="exchange-package"][data-direction="sent"][data-kind="return"] [data-testid="exchange-package-receipt"]')).toContainText('已送达');
  await dp.screenshot({ path: path.join(testInfo.project.outputDir, 'screens', 'ex-04-dept-receipt.png') });
  expect(pageErrors).toEqual([]);
  await deptContext.close();
});
