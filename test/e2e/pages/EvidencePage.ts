// The evidence panel of a measure and the 佐证材料 screen, as a clerk sees them.
import { expect, type Locator, type Page } from '@playwright/test';

export class EvidencePage {
  constructor(private readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('evidence-panel');
  }
  get panelRows(): Locator {
    return this.panel.getByTestId('evidence-row');
  }
  get screenRows(): Locator {
    return this.page.getByTestId('evidence-screen').getByTestId('evidence-row');
  }
  get preview(): Locator {
    return this.page.getByTestId('evidence-preview');
  }
  get missing(): Locator {
    return this.page.getByTestId('missing-list');
  }

  get fileInput(): Locator {
    return this.panel.getByTestId('evidence-file-input');
  }
  get pendingFiles(): Locator {
    return this.panel.getByTestId('pending-file');
  }
  get pendingElsewhere(): Locator {
    return this.panel.getByTestId('evidence-pending-elsewhere');
  }

  /** Chooses files in the measure's panel; they are attached without another click. */
  async choose(files: string | string[] | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(files);
  }

  async verify(): Promise<void> {
    await this.page.getByTestId('verify-start').click();
    await expect(this.page.getByTestId('verify-report')).toBeVisible({ timeout: 30_000 });
  }
}
