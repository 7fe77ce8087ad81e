// A plan's life on screen: the duplicate warning of the import preview, undo after import, delete, restore.
import { expect, type Locator, type Page } from '@playwright/test';

export class PlansPage {
  constructor(private readonly page: Page) {}

  get duplicate(): Locator {
    return this.page.getByTestId('import-duplicate');
  }
  get treePlans(): Locator {
    return this.page.getByTestId('tree-plan');
  }
  get deletedPlans(): Locator {
    return this.page.getByTestId('deleted-plan');
  }

  async openExisting(): Promise<void> {
    await this.page.getByTestId('import-open-existing').click();
    await expect(this.page.getByTestId('screen-checklist')).toBeVisible();
  }

  async importAnyway(): Promise<void> {
    await this.page.getByTestId('import-anyway').click();
    await expect(this.page.getByTestId('screen-checklist')).toBeVisible({ timeout: 30_000 });
  }

  async undoImport(): Promise<void> {
    await this.page.getByTestId('import-undo').click();
  }

  /** Selects the plan in the tree, asks to delete it and answers the confirmation. */
  async delete(title: string | RegExp, confirm: boolean): Promise<void> {
    await this.treePlans.filter({ hasText: title }).click();
    await this.page.getByTestId('plan-delete').click();
    await expect(this.page.getByTestId('plan-delete-confirm')).toBeVisible();
    await this.page.getByTestId(confirm ? 'plan-delete-yes' : 'plan-delete-no').click();
    await expect(this.page.getByTestId('plan-delete-confirm')).toHaveCount(0);
  }

  async restore(planId: string): Promise<void> {
    await this.page.locator(`[data-testid="deleted-plan"][data-plan-id="${planId}"]`).getByTestId('plan-restore').click();
  }
}
