// Bad files get a clear Chinese message next to the drop zone, never a stack trace, and import nothing.
import { test, expect } from './fixtures';
import { HAN, STACKISH, call } from './helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

test('a picture, an empty text file and a text without measures are refused in Chinese', async ({ app, page }) => {
  await app.firstRun.createUser('赵强', 'clerk', '区市场监管局');
  await app.nav('import');

  const cases = [
    { name: '照片.png', mimeType: 'image/png', buffer: PNG, shot: '30-bad-png' },
    { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0), shot: '31-empty-txt' },
    { name: '通知.txt', mimeType: 'text/plain', buffer: Buffer.from('关于召开会议的通知\n请各单位准时参加。\n', 'utf8'), shot: '32-no-measures' },
  ];
  for (const c of cases) {
    await app.importer.choose({ name: c.name, mimeType: c.mimeType, buffer: c.buffer });
    await expect(app.importer.error).toBeVisible();
    const message = await app.importer.error.innerText();
    expect(message).toMatch(HAN);
    expect(message).not.toMatch(STACKISH);
    await expect(app.importer.preview).toHaveCount(0);
    await app.shot(c.shot);
  }
  const session = await call(page, 'session.get', {});
  expect(session.hasPlans).toBe(false);
});
