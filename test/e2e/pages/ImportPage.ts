// The import screen: choose a file, read the preview, correct a measure, commit.
import { expect, type Locator, type Page } from '@playwright/test';

export class ImportPage {
  constructor(private readonly page: Page) {}

  get fileInput(): Locator {
    return this.page.getByTestId('import-file-input');
  }
  get error(): Locator {
    return this.page.getByTestId('import-error');
  }
  get preview(): Locator {
    return this.page.getByTestId('import-preview');
  }
  get docTitle(): Locator {
    return this.page.getByTestId('import-doc-title');
  }
  get docOptions(): Locator {
    return this.page.getByTestId('import-doc-option');
  }
  get measures(): Locator {
    return this.page.getByTestId('import-measure');
  }
  get counts(): Locator {
    return this.page.getByTestId('import-counts');
  }
  get commitButton(): Locator {
    return this.page.getByTestId('import-commit');
  }

  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  async waitForPreview(): Promise<void> {
    await expect(this.preview).toBeVisible({ timeout: 30_000 });
  }

  /** Corrects the measure at `index` of the shown document through the inline form. */
  async editMeasure(index: number, e: { title?: string; lead?: string; responsible?: string; deadline?: string }): Promise<void> {
    const row = this.page.locator(`[data-testid="import-measure"][data-index="${index}"]`);
    await row.getByTestId('import-edit').click();
    if (e.title !== undefined) await row.getByTestId('edit-title').fill(e.title);
    if (e.lead !== undefined) await row.getByTestId('edit-lead').fill(e.lead);
    if (e.responsible !== undefined) await row.getByTestId('edit-responsible').fill(e.responsible);
    if (e.deadline !== undefined) await row.getByTestId('edit-deadline').fill(e.deadline);
    await row.getByTestId('edit-save').click();
    await expect(row.getByTestId('import-edit-form')).toHaveCount(0);
  }

  measure(index: number): Locator {
    return this.page.locator(`[data-testid="import-measure"][data-index="${index}"]`);
  }

  async commit(): Promise<void> {
    await this.commitButton.click();
    await expect(this.page.getByTestId('screen-checklist')).toBeVisible({ timeout: 30_000 });
  }
}
