// The checklist: tree, filters, search, the virtualized list and the detail pane with its progress editor.
import { expect, type Locator, type Page } from '@playwright/test';

export class ChecklistPage {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('measure-row');
  }
  get list(): Locator {
    return this.page.getByTestId('measure-list');
  }
  get count(): Locator {
    return this.page.getByTestId('measure-count');
  }
  get search(): Locator {
    return this.page.getByTestId('search-input');
  }
  get departmentFilter(): Locator {
    return this.page.getByTestId('filter-department');
  }
  get detail(): Locator {
    return this.page.getByTestId('measure-detail');
  }
  get status(): Locator {
    return this.page.getByTestId('progress-status');
  }
  get narrative(): Locator {
    return this.page.getByTestId('progress-narrative');
  }
  get saveState(): Locator {
    return this.page.getByTestId('progress-save-state');
  }
  get history(): Locator {
    return this.page.getByTestId('history-entry');
  }
  get templates(): Locator {
    return this.page.getByTestId('template-item');
  }

  /** Waits until the list shows `n` measures and is not loading. */
  async expectCount(n: number): Promise<void> {
    await expect(this.count).toHaveAttribute('data-count', String(n));
    await expect(this.count).toHaveAttribute('aria-busy', 'false');
  }

  async shownCount(): Promise<number> {
    await expect(this.count).toHaveAttribute('aria-busy', 'false');
    return Number(await this.count.getAttribute('data-count'));
  }

  async shownIds(): Promise<string[]> {
    return this.rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-measure-id') ?? ''));
  }

  async open(row: Locator): Promise<string> {
    const id = (await row.getAttribute('data-measure-id')) ?? '';
    await row.click();
    await expect(this.detail).toHaveAttribute('data-measure-id', id);
    return id;
  }

  async setStatus(label: string): Promise<void> {
    await this.status.selectOption({ label });
    await expect(this.saveState).toHaveAttribute('data-state', 'saved');
  }

  async setNarrative(text: string): Promise<void> {
    await this.narrative.fill(text);
    await this.narrative.blur();
    await expect(this.saveState).toHaveAttribute('data-state', 'saved');
  }
}
