// The whole app in a page: opening it with the host's secret URL, the header, notices and screenshots.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';
import type { RunningHost } from '../../../electron/host/server';
import { FirstRunPage } from './FirstRunPage';
import { ImportPage } from './ImportPage';
import { ChecklistPage } from './ChecklistPage';
import { CorrectionsPage } from './CorrectionsPage';
import { DashboardPage } from './DashboardPage';
import { EvidencePage } from './EvidencePage';
import { InspectionPage } from './InspectionPage';
import { PlansPage } from './PlansPage';
import { MergePage } from './MergePage';
import { BackupPage } from './BackupPage';

export class AppPage {
  readonly firstRun: FirstRunPage;
  readonly importer: ImportPage;
  readonly checklist: ChecklistPage;
  readonly corrections: CorrectionsPage;
  readonly dashboard: DashboardPage;
  readonly evidence: EvidencePage;
  readonly inspection: InspectionPage;
  readonly plans: PlansPage;
  readonly merge: MergePage;
  readonly backup: BackupPage;
  private readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    readonly host: RunningHost,
    private readonly testInfo: TestInfo,
  ) {
    this.firstRun = new FirstRunPage(page);
    this.importer = new ImportPage(page);
    this.checklist = new ChecklistPage(page);
    this.corrections = new CorrectionsPage(page);
    this.dashboard = new DashboardPage(page);
    this.evidence = new EvidencePage(page);
    this.inspection = new InspectionPage(page);
    this.plans = new PlansPage(page);
    this.merge = new MergePage(page);
    this.backup = new BackupPage(page);
    page.on('console', (m) => {
      // Failed loads are recorded with their URL by the response handler below.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) this.errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) this.errors.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
    });
  }

  /** Opens a one-time start URL: the page takes its secret from it and removes the token from the address bar. */
  async open(): Promise<void> {
    await this.page.goto(this.host.openUrl());
    await expect(this.page.getByTestId('app-loading')).toHaveCount(0);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.page.getByTestId('app-loading')).toHaveCount(0);
  }

  problems(): string[] {
    return [...this.errors];
  }

  get currentUser(): Locator {
    return this.page.getByTestId('current-user');
  }

  get errorNotice(): Locator {
    return this.page.getByTestId('notice-error');
  }

  /** Goes to a screen of the main navigation by its id (see renderer/src/nav.tsx). */
  async nav(id: string): Promise<void> {
    const link = this.page.getByTestId(`nav-${id}`);
    // Screens used now and then are under 更多.
    if (!(await link.isVisible())) await this.page.getByTestId('nav-more').locator('summary').click();
    await link.click();
    await expect(this.page.getByTestId(`screen-${id}`)).toBeVisible();
  }

  /** Saves test-results/e2e/screens/<name>.png for people to look at. */
  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(this.testInfo.project.outputDir, 'screens', `${name}.png`) });
  }
}
