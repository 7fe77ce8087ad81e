// The inspections screens: the review list and its create form, the review screen driven by keys, sign-off and export.
import { expect, type Locator, type Page } from '@playwright/test';

export class InspectionPage {
  constructor(private readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('review-screen');
  }
  get items(): Locator {
    return this.page.getByTestId('review-item');
  }
  get measure(): Locator {
    return this.page.getByTestId('review-measure');
  }
  get progress(): Locator {
    return this.page.getByTestId('review-progress');
  }
  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }
  get inspectorFiles(): Locator {
    return this.page.getByTestId('inspector-files');
  }
  get status(): Locator {
    return this.page.getByTestId('review-status');
  }

  async create(name: string): Promise<void> {
    await this.page.getByTestId('review-name').fill(name);
    await this.page.getByTestId('review-create-submit').click();
    await expect(this.screen).toBeVisible();
    await expect(this.measure).toBeVisible();
  }

  /** The measure shown beside the verdict form. */
  async current(): Promise<string> {
    return (await this.measure.getAttribute('data-measure-id')) ?? '';
  }

  /** Presses a key on the screen (not in a field) and, for a verdict key, waits until the server has saved it. */
  async key(k: string): Promise<void> {
    await this.page.keyboard.press(k);
  }

  async verdictKey(k: '1' | '2' | '3' | '0', verdict: string): Promise<void> {
    const id = await this.current();
    await this.key(k);
    await expect(this.items.and(this.page.locator(`[data-measure-id="${id}"]`))).toHaveAttribute('data-verdict', verdict);
    await expect(this.saveState).toHaveAttribute('data-state', 'saved');
  }

  /** Moves to the next measure with the key and waits for it to be shown. */
  async next(): Promise<string> {
    const before = await this.current();
    await this.key('j');
    await expect(this.measure).not.toHaveAttribute('data-measure-id', before);
    return this.current();
  }

  async sign(): Promise<void> {
    this.page.once('dialog', (d) => void d.accept());
    await this.page.getByTestId('review-sign').click();
    await expect(this.status).toHaveAttribute('data-testid', 'review-status');
    await expect(this.screen).toHaveAttribute('data-status', '已签署');
  }

  /** Exports the feedback document and returns its bytes, fetched from the download link the screen offers. */
  async exportDocx(): Promise<Buffer> {
    await this.page.getByTestId('export-docx').click();
    const link = this.page.getByTestId('review-download').first();
    await expect(link).toBeVisible({ timeout: 30_000 });
    // The link is signed once the page has asked the host for a signature.
    await expect(link).toHaveAttribute('href', /sig=/);
    const href = (await link.getAttribute('href')) ?? '';
    const r = await this.page.request.get(new URL(href, this.page.url()).toString());
    expect(r.ok()).toBe(true);
    return r.body();
  }
}
