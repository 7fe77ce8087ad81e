// The encrypted laptop copy end to end: a store encrypted with the CLI, the host started without its passphrase,
// the unlock screen, a wrong passphrase, the wait after five, unlock, lock, unlock again.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost, type RunningHost } from '../../electron/host/server';
import { closeStore, openStore } from '../../db/open';
import { createUser } from '../../db/queries/users';
import { importDocument } from '../../db/queries/plans';
import { setPassphrase } from '../../db/store-key';
import { runCli } from '../../electron/host/cli';
import { sampleDocument } from '../helpers/sample-doc';
import { RENDERER_DIR } from './fixtures';
import { AppPage } from './pages/AppPage';

const PASS = '督察组口令-2026';
let dir: string;
let data: string;
let host: RunningHost;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-enc-'));
  data = path.join(dir, 'data');
  const db = openStore(data);
  const userId = createUser(db, { name: '孙督察', role: 'supervisor', departmentId: null }).id;
  importDocument(db, sampleDocument(), { fileName: '方案.docx', sha256: 'e'.repeat(64), format: 'docx', documentIndex: 0 }, userId);
  closeStore(db);
  const passFile = path.join(dir, 'pass.txt');
  fs.writeFileSync(passFile, `${PASS}\n`, { mode: 0o600 });
  const err: string[] = [];
  const code = await runCli(['store', 'encrypt', '--passphrase-file', passFile, '--data-dir', data], { out: () => undefined, err: (s) => err.push(s) });
  expect(code, err.join('\n')).toBe(0);
  // The host starts as it would after a reboot: no passphrase known, the store locked.
  setPassphrase(data, null);
  host = await startHost({ dataDir: data, rendererDir: RENDERER_DIR });
});

test.afterAll(async () => {
  await host.close();
  for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (f.isFile()) fs.chmodSync(path.join(f.parentPath, f.name), 0o644);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('unlock screen, wrong passphrase, wait after five, unlock, lock, unlock again', async ({ page }, testInfo) => {
  const app = new AppPage(page, host, testInfo);
  await app.open();
  const unlock = page.getByTestId('unlock-screen');
  await expect(unlock).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await expect(page.getByTestId('unlock-protects')).toContainText('丢失');
  await expect(page.getByTestId('unlock-not-protects')).toContainText('已解锁');
  await app.shot('encryption-01-locked');

  const passphrase = page.getByTestId('unlock-passphrase');
  const submit = page.getByTestId('unlock-submit');
  const error = page.getByTestId('unlock-error');
  for (let i = 1; i <= 5; i++) {
    await passphrase.fill(`错误的口令${i}`);
    await submit.click();
    await expect(error).toContainText(`口令不正确，台账未打开（已连续输错 ${i} 次）`);
  }
  await app.shot('encryption-02-wrong');
  // After five wrong tries in a row even the right passphrase waits: enforced by the host, not the page.
  await passphrase.fill(PASS);
  await submit.click();
  await expect(error).toContainText('请等待');
  await expect(unlock).toBeVisible();
  // The wait is over (the failure count is the host's file; removing it stands for the 30 s passing).
  fs.rmSync(path.join(data, '.unlock-failures.json'));

  await passphrase.fill(PASS);
  await submit.click();
  await expect(unlock).toHaveCount(0);
  await expect(page.getByTestId('current-user')).toContainText('孙督察');
  await app.nav('checklist');
  await expect(app.checklist.rows.first()).toBeVisible();

  await app.nav('backup');
  await expect(page.getByTestId('lock-settings')).toBeVisible();
  await expect(page.getByTestId('idle-minutes')).toHaveValue('15');
  await page.getByTestId('idle-minutes').selectOption('5');
  await expect(page.getByTestId('idle-minutes')).toHaveValue('5');

  await page.getByTestId('lock-now').click();
  await expect(unlock).toBeVisible();
  await expect(page.getByTestId('unlock-not-protects')).toContainText('5 分钟');
  // Locked on the host too: the ledger cannot be read with the page's own secret.
  const secret = await page.evaluate(() => sessionStorage.getItem('fazhi.secret'));
  const r = await page.request.post(`${host.origin}/api/measures.list`, { data: { periodId: '2024-Q3' }, headers: { Origin: host.origin, 'x-fazhi-token': secret ?? '' } });
  expect(((await r.json()) as { error: { code: string } }).error.code).toBe('passphrase_required');
  await app.shot('encryption-03-locked-again');

  await passphrase.fill(PASS);
  await submit.click();
  await expect(unlock).toHaveCount(0);
  await expect(page.getByTestId('current-user')).toContainText('孙督察');
  expect(app.problems()).toEqual([]);
});
