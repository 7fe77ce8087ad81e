// The report screen's draft editor as a page object: choose the annual report, open its draft, edit blocks, save, export.
import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export class ReportDraftPage {
  constructor(private readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByTestId('draft-editor');
  }

  get status(): Locator {
    return this.page.getByTestId('draft-status');
  }

  /** The annual report of `year`, then its draft. */
  async openAnnual(year: number): Promise<void> {
    await this.page.getByTestId('period-mode-year').check();
    await this.page.getByTestId('period-year-select').selectOption(String(year));
    await this.page.getByTestId('kind-annual').check();
    await expect(this.page.frameLocator('[data-testid="report-preview"]').locator('body')).toContainText('一、主要举措和成效');
    await this.page.getByTestId('draft-open').click();
    await expect(this.editor).toBeVisible();
  }

  block(kind: 'h1' | 'h2' | 'p', nth = 0): Locator {
    return this.editor.locator(`[data-testid="draft-block"][data-kind="${kind}"]`).nth(nth);
  }

  blockByKey(key: string): Locator {
    return this.editor.locator(`[data-testid="draft-block"][data-key="${key}"]`);
  }

  text(block: Locator): Locator {
    return block.getByTestId('draft-text');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('draft-save').click();
    await expect(this.status).toHaveAttribute('data-dirty', 'false');
  }

  /** Exports the draft as .docx, waits for the job, downloads it and returns its bytes. */
  async exportDocx(): Promise<Buffer> {
    const before = await this.page.getByTestId('report-export').count();
    await this.page.getByTestId('draft-export').click();
    await expect(this.page.getByTestId('report-export')).toHaveCount(before + 1);
    const entry = this.page.getByTestId('report-export').first();
    await expect(entry).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const [download] = await Promise.all([this.page.waitForEvent('download'), entry.getByTestId('report-download').click()]);
    return fs.readFileSync(await download.path());
  }
}
