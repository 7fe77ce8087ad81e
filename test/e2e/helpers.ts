// Reads the ledger through the same HTTP API the page uses (the page's secret header), to check what the screens show.
import type { Page } from '@playwright/test';
import type { CallName, ArgsOf, ResultOf } from '../../shared/api/contract';
import type { ImportPreview } from '../../shared/api/ledger';

export async function call<K extends CallName>(page: Page, name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const origin = new URL(page.url()).origin;
  // The secret the page took from its start address; the host sets no cookie, so a request without it is refused.
  const secret = await page.evaluate(() => sessionStorage.getItem('fazhi.secret'));
  const r = await page.request.post(`${origin}/api/${name}`, { data: args, headers: { Origin: origin, 'x-fazhi-token': secret ?? '' } });
  const body = (await r.json()) as { ok: boolean; value?: ResultOf<K>; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message ?? 'failed'}`);
  return body.value as ResultOf<K>;
}

/** Reads an outline through the API as the screen does: start the preview job, poll it, return the preview. */
export async function previewImport(page: Page, fileName: string, dataBase64: string): Promise<ImportPreview> {
  let job = await call(page, 'import.preview', { fileName, dataBase64 });
  while (job.state === 'running') {
    await page.waitForTimeout(100);
    job = await call(page, 'jobs.get', { jobId: job.id });
  }
  if (job.state !== 'done') throw new Error(`import.preview: ${job.error?.message ?? job.state}`);
  return job.result as ImportPreview;
}

export const HAN = /[\u4e00-\u9fff]/;
/** What a stack trace or a raw exception looks like; none may reach a clerk. */
export const STACKISH = /\bat \S+ \(|Error:|TypeError|undefined|\[object Object\]/;
