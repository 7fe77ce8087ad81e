// The statistics screen: totals, the two charts and the overdue / due-soon lists.
import type { Locator, Page } from '@playwright/test';

export class DashboardPage {
  constructor(private readonly page: Page) {}

  stat(id: 'total' | 'done' | 'inProgress' | 'notStarted' | 'notApplicable' | 'overdue'): Locator {
    return this.page.getByTestId(`stat-${id}`);
  }
  get sectionChart(): Locator {
    return this.page.getByTestId('chart-sections');
  }
  get departmentChart(): Locator {
    return this.page.getByTestId('chart-departments');
  }
  get overdueItems(): Locator {
    return this.page.getByTestId('overdue-item');
  }
  get dueSoonItems(): Locator {
    return this.page.getByTestId('due-soon-item');
  }
}
