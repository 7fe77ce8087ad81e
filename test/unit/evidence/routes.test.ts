import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { closeStore } from '../../../db/open';
import { blobPath, tmpDir } from '../../../db/evidence-store/index';
import { evidenceProtocolResponse } from '../../../electron/services/evidence-routes';
import { execFileSync } from 'node:child_process';
import { grantPath } from '../../../electron/services/file-grants';
import { request } from '../../helpers/http';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir, seedLedger } from './helpers';
import type { AttachResult } from '../../../shared/api/evidence';
import type { JobStatus } from '../../../shared/api/jobs';

let dir: string;
let data: string;
let host: RunningHost;
let measureId: string;
let pdfSha: string;
const pdf = Buffer.from('%PDF-1.4\n% 会议纪要\n');

beforeAll(async () => {
  dir = tempDir('fazhi-evroutes-');
  data = path.join(dir, 'data');
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>法治台账</title>');
  const l = seedLedger(data);
  measureId = l.measureIds[0]!;
  closeStore(l.db);
  host = await startHost({ dataDir: data, rendererDir });
  pdfSha = createHash('sha256').update(pdf).digest('hex');
  // The one user of the store becomes the working user.
  await call('session.get', {});
});
afterAll(async () => {
  await host.close();
  removeStoreDir(dir);
});

const auth = () => ({ 'x-fazhi-token': host.secret });
const get = (p: string) => request(host.origin, p, { headers: auth() });
function upload(query: Record<string, string>, body: Buffer | string, headers: Record<string, string> = {}) {
  const q = new URLSearchParams({ measureId, periodId: '2024-Q3', ...query });
  return request(host.origin, `/evidence/upload?${q}`, { method: 'PUT', headers: { ...auth(), 'content-type': 'application/octet-stream', ...headers }, body });
}
async function call<T>(name: string, args: unknown): Promise<T> {
  const r = await request(host.origin, `/api/${name}`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(args) });
  const j = r.json<{ ok: boolean; value: T; error: unknown }>();
  if (!j.ok) throw new Error(JSON.stringify(j.error));
  return j.value;
}

describe('PUT /evidence/upload', () => {
  it('streams the body into the store and answers {ok, value}', async () => {
    const r = await upload({ name: '会议纪要😀.pdf', description: '第一次', docNumber: '某文〔2024〕1号', docDate: '2024-06-30' }, pdf);
    expect(r.status).toBe(200);
    const j = r.json<{ ok: true; value: AttachResult }>();
    expect(j.ok).toBe(true);
    expect(j.value.items[0]).toMatchObject({ sha256: pdfSha, name: '会议纪要😀.pdf', mime: 'application/pdf', periodId: '2024-Q2', docNumber: '某文〔2024〕1号' });
    expect(fs.readFileSync(blobPath(data, pdfSha))).toEqual(pdf);
  });

  it('refuses bad parameters and oversize bodies with a Chinese message, writing nothing', async () => {
    const bad = await upload({ periodId: '2024-Q9', name: 'a.txt' }, 'abc');
    expect(bad.status).toBe(400);
    expect(bad.json<{ ok: false; error: { message: string } }>().error.message).toMatch(/季度/);
    const before = await call<unknown[]>('evidence.list', {});
    process.env.FAZHI_MAX_EVIDENCE_BYTES = '10';
    try {
      const big = await upload({ name: 'big.bin' }, Buffer.alloc(100));
      expect(big.status).toBe(413);
      expect(big.json<{ ok: false; error: { code: string; message: string } }>().error).toMatchObject({ code: 'too_large', message: expect.stringMatching(/big\.bin.*上限/) });
    } finally {
      delete process.env.FAZHI_MAX_EVIDENCE_BYTES;
    }
    expect(await call<unknown[]>('evidence.list', {})).toEqual(before);
  });

  it('leaves nothing when the upload is aborted midway', async () => {
    const before = (await call<unknown[]>('evidence.list', {})).length;
    await new Promise<void>((resolve) => {
      const url = new URL(`/evidence/upload?measureId=${measureId}&periodId=2024-Q3&name=aborted.bin`, host.origin);
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'PUT', headers: { ...auth(), 'content-length': String(50 * 1024 * 1024) } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(4 * 1024 * 1024, 7), () => setTimeout(() => req.destroy(), 100));
    });
    // Give the host a moment to notice the closed connection.
    for (let i = 0; i < 50 && filesUnder(tmpDir(data)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(filesUnder(tmpDir(data))).toEqual([]);
    expect((await call<unknown[]>('evidence.list', {})).length).toBe(before);
  });
});

describe('GET /evidence/file/<sha256>', () => {
  it('serves a known hash with its stored type, RFC 5987 name and nosniff', async () => {
    const r = await get(`/evidence/file/${pdfSha}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(pdf);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-disposition']).toBe(`inline; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('会议纪要😀.pdf')}`);
    const d = await get(`/evidence/file/${pdfSha}?download=1`);
    expect(d.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('serves HTML and other active types only as downloads', async () => {
    const r = await upload({ name: 'page.html' }, '<script>alert(1)</script>');
    const sha = r.json<{ value: AttachResult }>().value.items[0]!.sha256;
    const f = await get(`/evidence/file/${sha}`);
    expect(f.headers['content-type']).toBe('application/octet-stream');
    expect(f.headers['content-disposition']).toMatch(/^attachment; /);
    expect(f.headers['content-security-policy']).toMatch(/sandbox/);
  });

  it('refuses everything that is not a known hash: traversal, absolute paths, encoded tricks, unknown hashes', async () => {
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
    const tries = [
      '/evidence/file/../ledger.sqlite',
      '/evidence/file/../../secret.txt',
      '/evidence/file/..%2f..%2fledger.sqlite',
      '/evidence/file/%2e%2e/%2e%2e/ledger.sqlite',
      '/evidence/file/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/evidence/file/%252e%252e%252fledger.sqlite',
      '/evidence/file//etc/passwd',
      '/evidence/file/%2fetc%2fpasswd',
      `/evidence/file/${path.join(data, 'ledger.sqlite')}`,
      `/evidence/file/${'0'.repeat(64)}`,
      `/evidence/file/${pdfSha.toUpperCase()}`,
      `/evidence/file/${pdfSha}/`,
      `/evidence/file/${pdfSha}%00`,
      `/evidence/file/${pdfSha.slice(0, 2)}/${pdfSha}`,
      `/evidence/${pdfSha.slice(0, 2)}/${pdfSha}`,
      '/evidence/tmp/',
      '/evidence/',
      '/ledger.sqlite',
      '/..%2fdata%2fledger.sqlite',
    ];
    for (const p of tries) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body.includes(Buffer.from('SQLite format')), p).toBe(false);
      expect(r.body.toString(), p).not.toContain('do not serve');
      expect(r.body.toString(), p).not.toContain('root:');
    }
  });

  it('answers the same way for the Electron app:// protocol', async () => {
    expect(evidenceProtocolResponse(host.ctx, new URL('app://fazhi/index.html'))).toBeNull();
    const ok = evidenceProtocolResponse(host.ctx, new URL(`app://fazhi/evidence/file/${pdfSha}`))!;
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(pdf);
    for (const p of ['/evidence/file/%2e%2e/ledger.sqlite', '/evidence/file/..%2fledger.sqlite', `/evidence/file/${'0'.repeat(64)}`, `/evidence/${pdfSha}`, '/evidence/file//etc/passwd']) {
      const r = evidenceProtocolResponse(host.ctx, new URL(`app://fazhi${p}`));
      // Either refused here, or (after URL normalisation) not an evidence path at all and left to the renderer's own guard.
      if (r) expect(r.status, p).toBe(404);
      else expect(new URL(`app://fazhi${p}`).pathname.startsWith('/evidence'), p).toBe(false);
    }
  });

  it('needs the secret like every other route', async () => {
    const r = await request(host.origin, `/evidence/file/${pdfSha}`);
    expect(r.status).toBe(401);
  });
});

describe('evidence calls', () => {
  it('attaches by path as a job with progress, then verifies as a job', async () => {
    const file = path.join(dir, '照片.png');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]));
    grantPath(file); // what the Electron main process does when the preload reports a picked or dropped file
    let job = await call<JobStatus>('evidence.attachPaths', { measureId, periodId: '2024-Q3', files: [{ path: file, description: '现场照片' }] });
    while (job.state === 'running') job = await call<JobStatus>('jobs.get', { jobId: job.id });
    expect(job.state).toBe('done');
    expect((job.result as AttachResult).items[0]).toMatchObject({ name: '照片.png', mime: 'image/png', description: '现场照片' });
    let v = await call<JobStatus>('evidence.verify', {});
    while (v.state === 'running') v = await call<JobStatus>('jobs.get', { jobId: v.id });
    expect(v.result).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a path the user did not choose, whatever file it names', async () => {
    for (const p of ['/etc/passwd', path.join(dir, 'data', 'ledger.sqlite'), path.join(dir, 'not-chosen.txt')]) {
      const r = await request(host.origin, '/api/evidence.attachPaths', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fazhi-token': host.secret },
        body: JSON.stringify({ measureId, periodId: '2024-Q3', files: [{ path: p }] }),
      });
      const body = r.json<{ ok: boolean; error: { code: string; message: string } }>();
      expect(body, p).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(body.error.message).toMatch(/选择或拖入/);
    }
  });

  it('refuses a FIFO before opening it, even when chosen', async () => {
    const fifo = path.join(dir, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    grantPath(fifo);
    let job = await call<JobStatus>('evidence.attachPaths', { measureId, periodId: '2024-Q3', files: [{ path: fifo }] });
    while (job.state === 'running') job = await call<JobStatus>('jobs.get', { jobId: job.id });
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/不是普通文件/);
  });

  it('refuses a folder by path with a Chinese message in the job', async () => {
    grantPath(dir);
    let job = await call<JobStatus>('evidence.attachPaths', { measureId, periodId: '2024-Q3', files: [{ path: dir }] });
    while (job.state === 'running') job = await call<JobStatus>('jobs.get', { jobId: job.id });
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/文件夹/);
  });
});

describe('replacing, reusing and reading the text of stored files over the host', () => {
  it('uploads a newer version with replaces, reads the .xlsx words in the worker, and reuses the old version elsewhere', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('台账');
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const first = (await upload({ name: '执法台账.xlsx', docNumber: '渡执〔2024〕3号' }, await book([['单位', '案件数'], ['区市场监管局', 40]]))).json<{ ok: true; value: AttachResult }>().value.items[0]!;
    const r = await upload({ name: '执法台账（更新）.xlsx', replaces: first.id }, await book([['单位', '案件数'], ['区市场监管局', 42]]));
    expect(r.status).toBe(200);
    const next = r.json<{ ok: true; value: AttachResult }>().value.items[0]!;
    const listed = await call<{ id: string; supersededBy: string | null }[]>('evidence.list', { measureId, withHistory: true });
    expect(listed.find((i) => i.id === first.id)?.supersededBy).toBe(next.id);
    expect((await call<{ id: string }[]>('evidence.list', { measureId })).map((i) => i.id)).not.toContain(first.id);

    const text = await call<{ text: string; truncated: boolean }>('evidence.text', { id: next.id });
    expect(text).toEqual({ text: '【台账】\n单位\t案件数\n区市场监管局\t42', truncated: false });
    // A second replacement of the old version is refused: it is no longer the current one.
    const again = await upload({ name: '执法台账（再改）.xlsx', replaces: first.id }, await book([['x', 1]]));
    expect(again.status).toBe(409);
    expect(again.json<{ ok: false; error: { message: string } }>().error.message).toContain('已被新版本');

    // The picker offers current versions only; an earlier one is reached through its history.
    const picks = await call<{ id: string; name: string }[]>('evidence.pick', { query: '执法台账' });
    expect(picks.map((p) => p.id)).toEqual([next.id]);
    const measures = await call<{ id: string }[]>('measures.list', { periodId: '2024-Q3' });
    const other = measures.find((m) => m.id !== measureId)!;
    const reused = await call<AttachResult>('evidence.reuse', { sourceId: first.id, measureId: other.id, periodId: '2024-Q3' });
    expect(reused.items.map((i) => [i.measureId, i.sha256])).toEqual([[other.id, first.sha256]]);
  });
});
