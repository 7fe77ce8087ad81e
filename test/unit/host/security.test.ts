import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { request } from '../../helpers/http';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
let rendererDir: string;
let host: RunningHost;
let port: string;

beforeAll(async () => {
  dir = tempDir();
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>法治台账</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  host = await startHost({ dataDir: path.join(dir, 'data'), rendererDir });
  port = new URL(host.origin).port;
});
afterAll(async () => {
  await host.close();
  removeDir(dir);
});

const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  request(host.origin, `/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fazhi-token': host.secret, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('loopback host gate', () => {
  it('binds to 127.0.0.1 on a random port', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(port)).toBeGreaterThan(0);
  });

  it('refuses requests without the secret or with a wrong one', async () => {
    expect((await request(host.origin, '/')).status).toBe(401);
    expect((await request(host.origin, '/api/session.get', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await api('session.get', {}, { 'x-fazhi-token': 'f'.repeat(64) })).status).toBe(401);
    expect((await request(host.origin, '/', { headers: { cookie: 'fazhi_token=wrong' } })).status).toBe(401);
    expect((await request(host.origin, '/?token=wrong')).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) even with the secret', async () => {
    const r = await api('session.get', {}, { host: `evil.example:${port}` });
    expect(r.status).toBe(403);
    expect((await api('session.get', {}, { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
  });

  it('refuses a foreign Origin even with the secret', async () => {
    expect((await api('session.get', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('session.get', {}, { origin: `http://127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
    expect((await api('session.get', {}, { origin: 'null' })).status).toBe(403);
    expect((await api('session.get', {}, { origin: host.origin })).status).toBe(200);
  });

  it('opening the start URL sets an HttpOnly SameSite cookie that then admits the page', async () => {
    const r = await request(host.origin, `/?token=${host.secret}`);
    expect(r.status).toBe(303);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(host.origin, '/', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('法治台账');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('serves nothing outside the renderer folder', async () => {
    const h = { 'x-fazhi-token': host.secret };
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const r = await request(host.origin, p, { headers: h });
      expect(r.status, p).toBe(404);
      expect(r.body.toString()).not.toContain('do not serve');
    }
  });
});

describe('API over the host', () => {
  it('answers a valid call with data', async () => {
    const r = await api('session.get', {});
    expect(r.status).toBe(200);
    const body = r.json<{ ok: boolean; value: { users: unknown[]; currentPeriod: string } }>();
    expect(body.ok).toBe(true);
    expect(body.value.users).toEqual([]);
    expect(body.value.currentPeriod).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('rejects malformed arguments with a validation error, and keeps serving', async () => {
    const cases: [string, unknown][] = [
      ['users.create', { name: '', role: 'clerk' }],
      ['users.create', { name: '李四', role: 'boss' }],
      ['measures.list', { periodId: '2024-Q9' }],
      ['measures.list', { periodId: '2024-Q1', extra: 1 }],
      ['progress.set', { measureId: 'x', periodId: '2024-Q1', status: '完成了', narrative: '' }],
      ['measures.get', JSON.stringify('not an object')],
      ['import.preview', { fileName: 'a.txt', dataBase64: 42 }],
    ];
    for (const [name, args] of cases) {
      const r = await api(name, args);
      expect(r.status, name).toBe(200);
      const body = r.json<{ ok: boolean; error: { code: string; message: string } }>();
      expect(body.ok, name).toBe(false);
      expect(body.error.code, name).toBe('validation');
      expect(body.error.message, name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await api('session.get', {})).json<{ ok: boolean }>().ok).toBe(true);
  });

  it('rejects broken JSON and unknown calls as data, never a crash', async () => {
    const bad = await api('session.get', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('validation');
    const unknown = await api('no.such.call', {});
    expect(unknown.json<{ ok: boolean; error: { code: string } }>()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await request(host.origin, '/api/session.get', { headers: { 'x-fazhi-token': host.secret } })).status).toBe(405);
  });

  it('refuses writes before a user is chosen, with a Chinese message', async () => {
    const r = await api('import.template', { templateId: 'yancheng-2021' });
    const body = r.json<{ ok: boolean; error: { code: string; message: string } }>();
    expect(body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(body.error.message).toMatch(/用户/);
  });
});
