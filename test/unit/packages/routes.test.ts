import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { closeStore } from '../../../db/open';
import { request } from '../../helpers/http';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir } from '../evidence/helpers';
import { seedOffice } from './helpers';
import type { JobStatus } from '../../../shared/api/jobs';
import { createUser } from '../../../db/queries/users';
import type { ExchangeOverview, ExportDone, ImportDone, PackagePreview } from '../../../shared/api/packages';

let dir: string;
let office: RunningHost;
let dept: RunningHost;
let department: string;

function renderer(): string {
  const r = path.join(dir, 'renderer');
  fs.mkdirSync(r, { recursive: true });
  fs.writeFileSync(path.join(r, 'index.html'), '<!doctype html><title>法治台账</title>');
  return r;
}

beforeAll(async () => {
  dir = tempDir('fazhi-exroutes-');
  const o = await seedOffice(path.join(dir, 'office'));
  department = o.department;
  closeStore(o.db);
  office = await startHost({ dataDir: path.join(dir, 'office'), rendererDir: renderer() });
  dept = await startHost({ dataDir: path.join(dir, 'dept'), rendererDir: renderer() });
  // A supervisor works at the office.
  office.ctx.userId = createUser(office.ctx.db, { name: '王主任', role: 'supervisor', departmentId: null }).id;
});
afterAll(async () => {
  await office.close();
  await dept.close();
  removeStoreDir(dir);
});

const auth = (h: RunningHost) => ({ 'x-fazhi-token': h.secret });

async function call<T>(h: RunningHost, name: string, args: unknown): Promise<T> {
  const r = await request(h.origin, `/api/${name}`, { method: 'POST', headers: { ...auth(h), 'content-type': 'application/json' }, body: JSON.stringify(args) });
  const j = r.json<{ ok: boolean; value: T; error: { message: string } }>();
  if (!j.ok) throw new Error(j.error.message);
  return j.value;
}

async function job<T>(h: RunningHost, started: JobStatus): Promise<T> {
  let s = started;
  while (s.state === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    s = await call<JobStatus>(h, 'jobs.get', { jobId: s.id });
  }
  if (s.state !== 'done') throw new Error(s.error?.message ?? s.state);
  return s.result as T;
}

describe('the 交换 screen’s calls over the loopback host', () => {
  it('exports a slice as a download, takes it as an upload on an empty PC, previews and imports it', async () => {
    const done = await job<ExportDone>(office, await call(office, 'exchange.export', { kind: 'slice', departments: [department], passphrase: '口令' }));
    expect(done.encrypted).toBe(true);
    const dl = await request(office.origin, done.downloadUrl, { headers: auth(office) });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/attachment/);
    expect(dl.body.length).toBe(done.size);

    const up = await request(dept.origin, '/exchange/upload', { method: 'PUT', headers: { ...auth(dept), 'content-type': 'application/octet-stream' }, body: dl.body });
    expect(up.status).toBe(200);
    const { uploadId } = up.json<{ ok: true; value: { uploadId: string } }>().value;

    await expect(job(dept, await call(dept, 'exchange.inspect', { source: { uploadId }, passphrase: '错' }))).rejects.toThrow(/口令不正确/);
    const preview = await job<PackagePreview>(dept, await call(dept, 'exchange.inspect', { source: { uploadId }, passphrase: '口令' }));
    expect(preview).toMatchObject({ clone: true, encrypted: true, kind: 'slice', label: department });
    expect(preview.apply).toBeGreaterThan(0);

    // No user on the empty PC yet: setting it up from a package is allowed all the same.
    const imported = await job<ImportDone>(dept, await call(dept, 'exchange.import', { source: { uploadId }, passphrase: '口令' }));
    expect(imported.clone).toBe(true);
    const receipt = await request(dept.origin, imported.receiptUrl, { headers: auth(dept) });
    expect(receipt.status).toBe(200);

    const rup = await request(office.origin, '/exchange/upload', { method: 'PUT', headers: { ...auth(office), 'content-type': 'application/octet-stream' }, body: receipt.body });
    const r = await call<{ new: boolean }>(office, 'exchange.importReceipt', { source: { uploadId: rup.json<{ ok: true; value: { uploadId: string } }>().value.uploadId } });
    expect(r.new).toBe(true);
    const overview = await call<ExchangeOverview>(office, 'exchange.overview', {});
    const sent = overview.packages.find((p) => p.id === done.packageId)!;
    expect(sent.receipts).toHaveLength(1);
    expect(overview.owed.map((x) => x.label)).toEqual([department]);
  });
});
