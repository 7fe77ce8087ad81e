// Makes the README's screenshot: the checklist of a seed ledger in real Chromium (`npx tsx test/e2e/readme-screenshot.ts`).
import { chromium } from 'playwright-core';
import path from 'node:path';
import { startHost } from '../../electron/host/server';
import { openStore, closeStore } from '../../db/open';
import { createUser } from '../../db/queries/users';
import { resolveDepartment } from '../../db/queries/departments';
import { importDocument } from '../../db/queries/plans';
import { listMeasures } from '../../db/queries/measures';
import { setProgress } from '../../db/queries/progress';
import { loadTemplate } from '../../electron/services/templates';
import { currentQuarter } from '../../shared/periods';
import type { Status } from '../../shared/model';
import { removeDir, tempDir } from '../helpers/temp';

const root = path.join(import.meta.dirname, '..', '..');
const dir = tempDir();
const db = openStore(dir);
const user = createUser(db, { name: '王芳', role: 'clerk', departmentId: resolveDepartment(db, '县法制办') });
const t = loadTemplate('caoxian-2016');
importDocument(db, t.outline.documents[t.defaultDocument]!, { fileName: t.fileName, sha256: 'readme', format: 'txt', documentIndex: 0 }, user.id);
const period = currentQuarter().id;
const rows = listMeasures(db, { periodId: period });
const plan: [number, Status, string][] = [
  [0, '已完成', '完成政府职能清理,印发职责清单。'],
  [1, '推进中', '行政审批事项目录已完成初稿,正在征求意见。'],
  [2, '推进中', '权力清单动态调整 3 项。'],
  [4, '已完成', '公布公共服务事项目录。'],
  [6, '推进中', '已组织合法性审查培训两期。'],
  [9, '不适用', ''],
];
for (const [i, status, narrative] of plan) setProgress(db, { measureId: rows[i]!.id, periodId: period, status, narrative, userId: user.id });
closeStore(db);

const host = await startHost({ dataDir: dir, rendererDir: path.join(root, 'dist', 'renderer') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await page.goto(host.openUrl());
  await page.getByTestId('measure-row').nth(1).click();
  await page.getByTestId('measure-detail').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(root, 'test', 'e2e', 'readme', 'checklist.png') });
} finally {
  await browser.close();
  await host.close();
  removeDir(dir);
}
