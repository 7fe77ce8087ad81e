// A file dropped on the drop zone is read and previewed; the same file again is flagged as already imported.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, fixture } from './fixtures';

async function dropFile(page: Page, file: string, name: string): Promise<void> {
  const b64 = fs.readFileSync(file).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name }) => {
      const dt = new DataTransfer();
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name, { type: 'text/plain' }));
      return dt;
    },
    { b64, name },
  );
  await page.getByTestId('import-dropzone').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
}

test('drop a GB18030 outline, import it, drop it again and see it is a duplicate', async ({ app, page }) => {
  await app.firstRun.createUser('孙丽', 'supervisor', '区司法局');
  await app.nav('import');
  await dropFile(page, fixture('yancheng-gb18030.txt'), '盐城重点工作计划.txt');
  await app.importer.waitForPreview();
  await expect(app.importer.measures).toHaveCount(23);
  await expect(page.getByTestId('import-file-info')).toContainText(/gb18030/i);
  await expect(app.importer.measure(0).getByTestId('import-measure-lead')).not.toHaveText('未注明');
  await app.importer.commit();
  await app.checklist.expectCount(23);

  await app.nav('import');
  await dropFile(page, fixture('yancheng-gb18030.txt'), '盐城重点工作计划.txt');
  await app.importer.waitForPreview();
  await expect(page.getByTestId('import-duplicate')).toBeVisible();
  await expect(app.importer.commitButton).toBeDisabled();
  await app.shot('33-duplicate');
});
