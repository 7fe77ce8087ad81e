// The first-run and user screens: create a user with a role and a department.
import { expect, type Locator, type Page } from '@playwright/test';

export type Role = 'clerk' | 'inspector' | 'supervisor';

export class FirstRunPage {
  constructor(private readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('screen-first-run');
  }

  async createUser(name: string, role: Role, department: string): Promise<void> {
    await this.page.getByTestId('user-name').fill(name);
    await this.page.getByTestId(`user-role-${role}`).check();
    await this.page.getByTestId('user-department').fill(department);
    await this.page.getByTestId('user-create').click();
    await expect(this.page.getByTestId('current-user')).toContainText(name);
  }
}
