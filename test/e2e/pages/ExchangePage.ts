// The 交换 screen: export a package, import one after its preview, import a receipt, the list of packages.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

export class ExchangePage {
  constructor(private readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('exchange');
  }
  get preview(): Locator {
    return this.page.getByTestId('exchange-preview');
  }
  get packages(): Locator {
    return this.page.getByTestId('exchange-package');
  }
  get owed(): Locator {
    return this.page.getByTestId('exchange-owed-item');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-exchange').click();
    await expect(this.screen).toBeVisible();
  }

  private async save(link: Locator, dir: string): Promise<string> {
    const [download]: [Download, void] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  }

  /** Exports a department's slice of one quarter; returns the downloaded file. */
  async exportSlice(department: string, periodId: string, passphrase: string, dir: string): Promise<string> {
    await this.page.getByTestId('exchange-kind-slice').check();
    const pick = this.page.getByTestId('exchange-departments');
    await pick.locator('summary').click();
    await pick.getByLabel(department, { exact: true }).check();
    await pick.locator('summary').click();
    await this.page.getByTestId('exchange-period').selectOption(periodId);
    await this.page.getByTestId('exchange-export-passphrase').fill(passphrase);
    return this.startExport(dir);
  }

  /** Exports the whole ledger (to set up a laptop or a new PC); returns the downloaded file. */
  async exportLedger(passphrase: string, dir: string): Promise<string> {
    await this.page.getByTestId('exchange-kind-ledger').check();
    await this.page.getByTestId('exchange-export-passphrase').fill(passphrase);
    return this.startExport(dir);
  }

  /** Exports a return to a known peer (by its label). */
  async exportReturn(peerLabel: string, dir: string): Promise<string> {
    await this.page.getByTestId('exchange-kind-return').check();
    await this.page.getByTestId('exchange-peer').selectOption({ label: peerLabel });
    await this.page.getByTestId('exchange-export-passphrase').fill('');
    return this.startExport(dir);
  }

  private async startExport(dir: string): Promise<string> {
    await this.page.getByTestId('exchange-export-start').click();
    const link = this.page.getByTestId('exchange-download');
    await expect(link).toBeVisible({ timeout: 30_000 });
    return this.save(link, dir);
  }

  async inspect(file: string, passphrase = ''): Promise<void> {
    await this.page.getByTestId('exchange-import-file').setInputFiles(file);
    await this.page.getByTestId('exchange-import-passphrase').fill(passphrase);
    await this.page.getByTestId('exchange-inspect').click();
    await expect(this.preview).toBeVisible({ timeout: 30_000 });
  }

  /** Confirms the previewed import; returns the receipt file. */
  async confirm(dir: string): Promise<string> {
    await this.page.getByTestId('exchange-confirm').click();
    const link = this.page.getByTestId('exchange-receipt-download');
    await expect(link).toBeVisible({ timeout: 30_000 });
    return this.save(link, dir);
  }

  async importReceipt(file: string): Promise<void> {
    await this.page.getByTestId('exchange-receipt-file').setInputFiles(file);
  }
}
