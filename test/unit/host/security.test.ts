import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startHost, type RunningHost } from '../../../electron/host/server';
import net from 'node:net';
import { linkSignature } from '../../../electron/host/security';
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

/** A request written byte for byte, for URLs no HTTP client would send. */
function rawRequest(p: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(p), '127.0.0.1', () => sock.write(text));
    let out = '';
    sock.on('data', (d) => (out += d.toString('latin1')));
    sock.on('end', () => resolve(out));
    sock.on('error', reject);
  });
}

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

  it('refuses API and file requests without the secret or with a wrong one', async () => {
    expect((await request(host.origin, '/api/session.get', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await api('session.get', {}, { 'x-fazhi-token': 'f'.repeat(64) })).status).toBe(401);
    // A cookie carrying the secret is not a way in: cookies ignore ports, so every local port would receive it.
    expect((await request(host.origin, '/api/session.get', { method: 'POST', body: '{}', headers: { cookie: `fazhi_token=${host.secret}` } })).status).toBe(401);
    expect((await request(host.origin, `/evidence/file/${'a'.repeat(64)}`)).status).toBe(401);
    expect((await request(host.origin, '/?token=wrong')).status).toBe(401);
    // The secret itself is no start ticket either.
    expect((await request(host.origin, `/?token=${host.secret}`)).status).toBe(401);
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

  it('a start URL opens the app once, hands the page its secret, sets no cookie, and is then refused', async () => {
    const start = new URL(host.openUrl());
    const first = await request(host.origin, start.pathname + start.search);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body.toString()).toContain(`<meta name="fazhi-secret" content="${host.secret}">`);
    expect(first.headers['content-security-policy']).toMatch(/default-src 'none'/);
    const again = await request(host.origin, start.pathname + start.search);
    expect(again.status).toBe(401);
    expect(again.body.toString()).not.toContain(host.secret);
    // The page itself (app code, no data) loads without anything, and without the secret in it.
    const plain = await request(host.origin, '/');
    expect(plain.status).toBe(200);
    expect(plain.body.toString()).not.toContain(host.secret);
  });

  it('file routes accept a short-lived signed link instead of the header', async () => {
    const file = `/exports/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`;
    const exp = Date.now() + 60_000;
    const sig = linkSignature(host.secret, file, exp);
    expect((await request(host.origin, `${file}?exp=${exp}&sig=${sig}`)).status).toBe(404); // admitted; no such export
    expect((await request(host.origin, `${file}?exp=${exp}&sig=${'0'.repeat(64)}`)).status).toBe(401);
    expect((await request(host.origin, `${file}?exp=${exp + 1}&sig=${sig}`)).status).toBe(401);
    const old = Date.now() - 1;
    expect((await request(host.origin, `${file}?exp=${old}&sig=${linkSignature(host.secret, file, old)}`)).status).toBe(401);
    const far = Date.now() + 24 * 3600_000;
    expect((await request(host.origin, `${file}?exp=${far}&sig=${linkSignature(host.secret, file, far)}`)).status).toBe(401);
    // A signature is for one path only.
    expect((await request(host.origin, `/exports/${'1'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}?exp=${exp}&sig=${sig}`)).status).toBe(401);
  });

  it('answers an over-long body with 413 and a malformed URL with 400, logging neither a query nor a stack', async () => {
    const big = await request(host.origin, '/api/session.get', { method: 'POST', headers: { 'x-fazhi-token': host.secret, 'content-length': String(81 * 1024 * 1024) }, body: '{}' }).catch(() => null);
    if (big) expect(big.status).toBe(413);
    const raw = await rawRequest(port, `GET /%E0%A4%A?token=${host.secret} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    // A request that fails inside carries the secret in its query: the log gets the path only.
    await request(host.origin, `/evidence/file/${'b'.repeat(64)}?sig=${host.secret}&token=${host.secret}`, { headers: { 'x-fazhi-token': host.secret } });
    const log = fs.existsSync(path.join(dir, 'data', 'logs', 'fazhi.log')) ? fs.readFileSync(path.join(dir, 'data', 'logs', 'fazhi.log'), 'utf8') : '';
    expect(log).not.toContain(host.secret);
    expect(log).not.toMatch(/URIError|at .*server\.ts/);
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
