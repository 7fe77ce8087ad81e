// Corrections after import: the measure edit form in the detail panel, the departments screen, the revision panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class CorrectionsPage {
  constructor(private readonly page: Page) {}

  get editForm(): Locator {
    return this.page.getByTestId('measure-edit-form');
  }

  /** Opens the open measure's edit form, fills the given fields, saves, and waits for the form to close. */
  async editOpenMeasure(e: { title?: string; lead?: string; responsible?: string; deadline?: string }): Promise<void> {
    await this.page.getByTestId('measure-edit').click();
    const f = this.editForm;
    if (e.title !== undefined) await f.getByTestId('measure-edit-title').fill(e.title);
    if (e.lead !== undefined) await f.getByTestId('measure-edit-lead').fill(e.lead);
    if (e.responsible !== undefined) await f.getByTestId('measure-edit-responsible').fill(e.responsible);
    if (e.deadline !== undefined) await f.getByTestId('measure-edit-deadline').fill(e.deadline);
    await f.getByTestId('measure-edit-save').click();
    await expect(f).toHaveCount(0);
  }

  department(name: string): Locator {
    return this.page.locator(`[data-testid="department-row"][data-name="${name}"]`);
  }

  /** Merges the department `from` into `into` on the departments screen, accepting the confirmation. */
  async mergeDepartment(from: string, into: string): Promise<void> {
    const row = this.department(from);
    await row.getByTestId('department-merge-pick').selectOption({ label: into });
    this.page.once('dialog', (d) => void d.accept());
    await row.getByTestId('department-merge').click();
    await expect(this.department(from)).toHaveCount(0);
  }

  get revisionDiff(): Locator {
    return this.page.getByTestId('revision-diff');
  }

  async compareWith(planTitle: RegExp): Promise<void> {
    const options = await this.page.getByTestId('revision-plan').locator('option').allTextContents();
    const label = options.find((o) => planTitle.test(o));
    if (!label) throw new Error(`no plan matching ${planTitle} among ${options.join(' | ')}`);
    await this.page.getByTestId('revision-plan').selectOption({ label });
    await this.page.getByTestId('revision-compare').click();
    await expect(this.revisionDiff).toBeVisible();
  }

  async commitRevision(): Promise<void> {
    await this.page.getByTestId('revision-commit').click();
    await expect(this.page.getByTestId('screen-checklist')).toBeVisible({ timeout: 30_000 });
  }
}
