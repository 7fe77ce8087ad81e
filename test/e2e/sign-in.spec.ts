// Sign-in and roles in the browser: a password set and asked for, a user switched, an action outside the role refused in words.
import { test, expect } from './fixtures';
import { call } from './helpers';

test('set a password, switch to an inspector, be refused recording progress, sign back in with the password', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.firstRun.createUser('王芳', 'supervisor', '区司法局');
  const tpl = app.checklist.templates.last();
  const count = Number(await tpl.getAttribute('data-measure-count'));
  await tpl.getByTestId('template-use').click();
  await app.checklist.expectCount(count);

  // The supervisor sets her own password.
  await page.getByTestId('set-password').click();
  await page.getByTestId('password-input').fill('wangfang-2024');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('password-dialog')).toHaveCount(0);
  await expect(page.getByTestId('notice-info').last()).toContainText('密码已设置');

  // She adds an inspector and stays herself.
  await page.getByTestId('new-user').click();
  await page.getByTestId('user-name').fill('周督');
  await page.getByTestId('user-role-inspector').check();
  await page.getByTestId('user-department').fill('区司法局');
  await page.getByTestId('user-create').click();
  await expect(app.currentUser).toContainText('王芳');

  // The inspector has no password: switching is immediate. The measure's records are shown read-only, with the reason,
  // and a save sent all the same (another tab, a script) is refused with a sentence.
  await page.getByTestId('switch-user').selectOption({ label: '周督（督察员）' });
  await expect(app.currentUser).toContainText('周督');
  const measureId = await app.checklist.open(app.checklist.rows.first());
  await expect(page.getByTestId('record-refusal')).toContainText(/您的角色[(（]督察员[)）]不能在此填报。可以在此填报的是[:：]办事员、法制机构/);
  await expect(app.checklist.status).toBeDisabled();
  const periodId = await app.checklist.status.evaluate((el) => el.closest('[data-period]')?.getAttribute('data-period') ?? '');
  await expect(call(page, 'progress.set', { measureId, periodId, status: '已完成', narrative: '' })).rejects.toThrow(/督察员.*不能进行此操作/);
  await app.shot('sign-in-01-refused');

  // Back to the supervisor: the password is asked for; a wrong one is refused, the right one signs in.
  await page.getByTestId('switch-user').selectOption({ label: '王芳（法制机构）' });
  await expect(page.getByTestId('password-dialog')).toBeVisible();
  await page.getByTestId('password-input').fill('wrong-password');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('password-error')).toContainText('密码不正确');
  await expect(app.currentUser).toContainText('周督');
  await page.getByTestId('password-input').fill('wangfang-2024');
  await page.getByTestId('password-submit').click();
  await expect(app.currentUser).toContainText('王芳');
  await app.shot('sign-in-02-signed-in');
});
