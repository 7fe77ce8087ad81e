// Exports as jobs on the loopback host: written atomically under <dataDir>/exports/<id>/, downloadable by id only.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { HEADER } from '../../../electron/host/security';
import type { JobStatus } from '../../../shared/api/jobs';
import type { ExportDone } from '../../../shared/api/reports';
import { writeFileAtomic } from '../../../electron/services/reports/atomic';
import { setReportPrinterFactory } from '../../../electron/services/handlers/reports';
import { sweepExports } from '../../../electron/services/reports/exports';
import { chromiumPrinter } from '../../../electron/services/reports/printer';
import { exportProtocolResponse } from '../../../electron/services/reports/route';
import { buildLedger } from './fixture';
import { request } from '../../helpers/http';
import { createUser } from '../../../db/queries/users';
import { removeDir, tempDir } from '../../helpers/temp';

/** An API call as the page makes it, with the secret header. */
async function call<T>(host: RunningHost, name: string, args: unknown): Promise<{ ok: boolean; value: T; error?: { code: string; message: string } }> {
  const r = await request(host.origin, `/api/${name}`, { method: 'POST', headers: { [HEADER]: host.secret, 'content-type': 'application/json', origin: host.origin }, body: JSON.stringify(args) });
  return r.json();
}

async function waitJob(host: RunningHost, job: JobStatus): Promise<JobStatus> {
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    job = (await call<JobStatus>(host, 'jobs.get', { jobId: job.id })).value;
  }
  return job;
}

/** A supervisor signed in on the host: every call but reading the session needs one. */
function signIn(host: RunningHost): string {
  return createUser(host.ctx.db, { name: '王芳', role: 'supervisor', departmentId: null }).id;
}

describe('report exports through the host', () => {
  const dataDir = tempDir();
  const rendererDir = tempDir();
  let host: RunningHost;
  const api = <T>(name: string, args: unknown) => call<T>(host, name, args);

  afterAll(async () => {
    await host?.close();
    removeDir(dataDir);
    removeDir(rendererDir);
  });

  it('exports a ledger .xlsx as a job and serves it at /exports/<id>', async () => {
    host = await startHost({ dataDir, rendererDir });
    buildLedger(host.ctx.db);
    host.ctx.userId = signIn(host);
    const started = await api<JobStatus>('reports.export', { period: '2024-Q3', kind: 'ledger', format: 'xlsx' });
    expect(started.ok).toBe(true);
    const job = await waitJob(host, started.value);
    expect(job.state).toBe('done');
    const done = job.result as ExportDone;
    expect(done.fileName).toBe('2024年第三季度法治政府建设台账.xlsx');
    expect(done.path).toBe(path.join(dataDir, 'exports', done.exportId, done.fileName));
    expect(fs.readdirSync(path.dirname(done.path))).toEqual([done.fileName]);
    const r = await request(host.origin, done.downloadUrl, { headers: { [HEADER]: host.secret } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(done.fileName)}`);
    expect(r.body.equals(fs.readFileSync(done.path))).toBe(true);
    // Nothing but an export id reaches the disk; without the secret nothing at all.
    expect((await request(host.origin, '/exports/..%2Fledger.sqlite', { headers: { [HEADER]: host.secret } })).status).toBe(404);
    expect((await request(host.origin, done.downloadUrl)).status).toBe(401);

    // The same narrow route as Electron's app:// protocol serves it.
    const viaProtocol = exportProtocolResponse(host.ctx, new URL(`app://fazhi${done.downloadUrl}`))!;
    expect(viaProtocol.status).toBe(200);
    expect(Buffer.from(await viaProtocol.arrayBuffer()).equals(fs.readFileSync(done.path))).toBe(true);
    for (const p of ['/exports/..%2Fledger.sqlite', '/exports/00000000-0000-0000-0000-000000000000', '/exports/']) {
      expect(exportProtocolResponse(host.ctx, new URL(`app://fazhi${p}`))!.status, p).toBe(404);
    }
    expect(exportProtocolResponse(host.ctx, new URL('app://fazhi/index.html'))).toBeNull();
  });

  it('returns the preview with figures, and refuses bad periods, empty scopes and an output path from the page', async () => {
    const p = await api<{ figures: { total: number }; css: string; body: string }>('reports.preview', { period: '2024', kind: 'annual' });
    expect(p.ok).toBe(true);
    expect(p.value.figures.total).toBe(9);
    expect(p.value.body).not.toContain('<style');
    const bad = await api('reports.preview', { period: '2024-Q9', kind: 'annual' });
    expect(bad.error?.code).toBe('validation');
    const empty = await api('reports.export', { period: '2024', kind: 'annual', format: 'docx', scope: { planIds: ['nope'] } });
    expect(empty.error?.code).toBe('no_measures');
    const out = await api('reports.export', { period: '2024', kind: 'annual', format: 'html', outPath: path.join(dataDir, 'x.html') });
    expect(out.error?.code).toBe('validation');
    expect(fs.existsSync(path.join(dataDir, 'x.html'))).toBe(false);
  });
});

describe('a failed or cancelled export', () => {
  it('leaves nothing under exports/ and says why in Chinese', async () => {
    const dataDir = tempDir();
    const rendererDir = tempDir();
    const host = await startHost({ dataDir, rendererDir });
    try {
      buildLedger(host.ctx.db);
      host.ctx.userId = signIn(host);
      setReportPrinterFactory(() => ({
        pdf: () => Promise.reject(new Error('printer on fire')),
        close: () => Promise.resolve(),
      }));
      const job = await waitJob(host, (await call<JobStatus>(host, 'reports.export', { period: '2024', kind: 'annual', format: 'pdf' })).value);
      expect(job.state).toBe('failed');
      expect(job.error?.message).toMatch(/[\u4e00-\u9fff]/);
      // The .docx needs no printer and still comes out.
      const docx = await waitJob(host, (await call<JobStatus>(host, 'reports.export', { period: '2024', kind: 'annual', format: 'docx' })).value);
      expect(docx.state).toBe('done');
      const dirs = fs.existsSync(path.join(dataDir, 'exports')) ? fs.readdirSync(path.join(dataDir, 'exports')) : [];
      expect(dirs).toEqual([(docx.result as ExportDone).exportId]);
    } finally {
      setReportPrinterFactory(() => chromiumPrinter());
      await host.close();
      removeDir(dataDir);
      removeDir(rendererDir);
    }
  });
});

describe('export sweep', () => {
  it('removes export folders older than a week, keeps newer ones and anything that is not an export', () => {
    const dataDir = tempDir();
    const old = path.join(dataDir, 'exports', '11111111-1111-4111-8111-111111111111');
    const fresh = path.join(dataDir, 'exports', '22222222-2222-4222-8222-222222222222');
    const other = path.join(dataDir, 'exports', 'keep-me');
    for (const d of [old, fresh, other]) fs.mkdirSync(d, { recursive: true });
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    fs.utimesSync(old, weekAgo, weekAgo);
    fs.utimesSync(other, weekAgo, weekAgo);
    expect(sweepExports(dataDir)).toBe(1);
    expect(fs.readdirSync(path.join(dataDir, 'exports')).sort()).toEqual(['22222222-2222-4222-8222-222222222222', 'keep-me']);
    removeDir(dataDir);
  });
});

describe('atomic write', () => {
  it('replaces a file whole, and a failed write leaves the old file and no temporary file', async () => {
    const dir = tempDir();
    const target = path.join(dir, '报告.docx');
    await writeFileAtomic(target, Buffer.from('old'));
    await writeFileAtomic(target, Buffer.from('new'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    // A directory in the way: the rename fails; nothing half-written is left behind.
    const blocked = path.join(dir, 'blocked.pdf');
    fs.mkdirSync(path.join(blocked, 'inner'), { recursive: true });
    await expect(writeFileAtomic(blocked, Buffer.from('x'))).rejects.toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['blocked.pdf', '报告.docx']);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    removeDir(dir);
  });
});
