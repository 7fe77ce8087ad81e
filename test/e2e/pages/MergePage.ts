// The merge shown when a save is refused because the quarter was saved in another window meanwhile.
import type { Locator, Page } from '@playwright/test';

export class MergePage {
  constructor(private readonly page: Page) {}

  get box(): Locator {
    return this.page.getByTestId('stale-merge');
  }
  get theirs(): Locator {
    return this.page.getByTestId('stale-theirs');
  }
  get mine(): Locator {
    return this.page.getByTestId('stale-mine');
  }
  get merged(): Locator {
    return this.page.getByTestId('stale-merged');
  }

  async saveMerged(text?: string): Promise<void> {
    if (text !== undefined) await this.merged.fill(text);
    await this.page.getByTestId('stale-save').click();
  }
}
