// The 备份与恢复 screen: back up now, the list of backups, verify and restore with its confirmation.
import { expect, type Locator, type Page } from '@playwright/test';

export class BackupPage {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('backup-row');
  }
  get total(): Locator {
    return this.page.getByTestId('backup-total');
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
  }

  /** Backs up now and returns the new backup's name once it is listed. */
  async create(): Promise<string> {
    const before = Number((await this.total.getAttribute('data-count')) ?? '0');
    await this.page.getByTestId('backup-create').click();
    await expect(this.total).toHaveAttribute('data-count', String(before + 1), { timeout: 30_000 });
    return (await this.rows.first().getAttribute('data-name')) ?? '';
  }

  async verify(name: string): Promise<Locator> {
    await this.row(name).getByTestId('backup-verify').click();
    const report = this.page.getByTestId('backup-verify-report');
    await expect(report).toBeVisible({ timeout: 30_000 });
    return report;
  }

  async restore(name: string): Promise<void> {
    await this.row(name).getByTestId('backup-restore').click();
    await expect(this.page.getByTestId('backup-restore-confirm')).toBeVisible();
    await this.page.getByTestId('backup-restore-yes').click();
    await expect(this.page.locator('[data-testid="backup-row"][data-safety="true"]')).toHaveCount(1, { timeout: 30_000 });
  }
}
