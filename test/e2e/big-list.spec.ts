// 5,000 measures: the list renders only what is on screen and reaches its end by keyboard (speed is in npm run bench).
import { test, expect } from './fixtures';
import { importDocument } from '../../db/queries/plans';
import { generateDocument } from '../helpers/generate';
import { call } from './helpers';

const N = 5000;

test('a ledger of 5,000 measures renders only what is on screen', async ({ app, page, host }) => {
  await app.firstRun.createUser('钱进', 'supervisor', '区司法局');
  const { user } = await call(page, 'session.get', {});
  importDocument(host.ctx.db, generateDocument(N, 7), { fileName: 'big.txt', sha256: 'e2e-big', format: 'txt', documentIndex: 0 }, user!.id);
  await app.reload();

  const c = app.checklist;
  await c.expectCount(N);
  // Only the rows in view (plus overscan) exist in the page, at the top and after scrolling through.
  expect(await c.rows.count()).toBeLessThan(60);
  await c.list.evaluate(async (el) => {
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
    for (let y = 0; y < el.scrollHeight; y += el.clientHeight * 10) {
      el.scrollTop = y;
      await frame();
    }
  });
  expect(await c.rows.count()).toBeLessThan(60);

  await c.list.focus();
  await page.keyboard.press('End');
  await expect(c.rows.last()).toHaveClass(/active/);
  await expect(c.rows.last()).toContainText(String(N));
  await page.keyboard.press('Enter');
  await expect(c.detail).toBeVisible();
  await c.search.fill('行政复议');
  await expect(c.count).not.toHaveAttribute('data-count', String(N));
  await app.shot('40-big-list');
});
