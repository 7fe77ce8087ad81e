// A run log that cannot be written: the person is told once, not after every import, and told again when it fails anew.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, fixture } from './fixtures';

test('the log-problem notice comes once per problem, not with every reading of the session', async ({ app, page, host }) => {
  test.setTimeout(180_000);
  const logFile = path.join(host.ctx.dataDir, 'logs', 'fazhi.log');
  const notice = page.getByTestId('notice-error').filter({ hasText: '运行日志' });
  const importDoc = async (name: string) => {
    await app.nav('import');
    await app.importer.choose(fixture(name));
    await app.importer.waitForPreview();
    await app.importer.commit();
  };
  const breakLog = () => {
    // A folder where the file should be: appending fails whoever runs the test (root ignores file modes).
    fs.rmSync(logFile, { force: true });
    fs.mkdirSync(logFile);
  };
  await app.firstRun.createUser('王芳', 'supervisor', '区司法局');

  // The import is logged, the log write fails, and the session read after the import brings the problem: shown once.
  breakLog();
  await importDoc('003_244a23676422eee3.txt');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('请检查该磁盘的剩余空间和权限');
  await notice.getByRole('button').click();
  await expect(notice).toHaveCount(0);

  // Another import reads the session again with the same problem: the dismissed notice stays away.
  await importDoc('caoxian.docx');
  await expect(page.getByTestId('screen-checklist')).toBeVisible();
  await expect(notice).toHaveCount(0);

  // Mended, a write goes through (the next import) and the problem is gone; failing anew, it is told again.
  fs.rmdirSync(logFile);
  await importDoc('000_0de7c43a80d3d30b.txt');
  await expect(notice).toHaveCount(0);
  expect(fs.readFileSync(logFile, 'utf8')).toMatch(/import 000_0de7c43a80d3d30b\.txt/);
  breakLog();
  await importDoc('outlines/articles.txt');
  await expect(notice).toHaveCount(1);
});
