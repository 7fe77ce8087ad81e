// The package workers as the built app runs them: bundled by esbuild with the app's own options and started from the
// bundle under plain Node (Electron never runs on our build machines, so nothing else tries the bundles).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundleOptions, workerBundles } from '../../../electron/bundles';
import { opsFileFromTexts } from '../../../electron/core/packages/ops-file';
import { opsPartHash } from '../../../electron/core/packages/container';
import { DONE, FAILED, STATUS, readError, sharedState, words } from '../../../electron/core/packages/worker-state';
import type { Manifest } from '../../../electron/core/packages/manifest';
import type { FromWriter } from '../../../electron/core/packages/writer-protocol';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir, writeFileOfSize } from '../evidence/helpers';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
// Inside the project, so that the bundles' external modules (better-sqlite3) resolve from node_modules as in the app.
const out = path.join(root, 'dist', `test-worker-bundles-${process.pid}`);
let dir: string;

beforeAll(async () => {
  dir = tempDir('fazhi-bundles-');
  for (const w of workerBundles(root).filter((b) => b.name !== 'reader-worker.cjs')) {
    await build({ ...bundleOptions, logLevel: 'error', entryPoints: [w.entry], outfile: path.join(out, w.name) });
  }
}, 120_000);

afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
  removeStoreDir(dir);
});

function nextMessage(w: Worker, type: FromWriter['type']): Promise<FromWriter> {
  return new Promise((resolve, reject) => {
    const on = (m: FromWriter) => {
      if (m.type === 'error') reject(new Error(`${m.code}: ${m.message} ${m.detail}`));
      else if (m.type === type) {
        w.off('message', on);
        resolve(m);
      }
    };
    w.on('message', on);
    w.once('error', reject);
  });
}

function exited(w: Worker): Promise<number> {
  return new Promise((resolve) => w.once('exit', resolve));
}

it('writes a package with the writer bundle, copies its evidence back with the copy bundle (refusing a file of the wrong size) and checks it with the chain bundle', async () => {
  const evidence = path.join(dir, 'evidence.bin');
  writeFileOfSize(evidence, 3 * 1024 * 1024 + 7, 21);
  const sha256 = createHash('sha256').update(fs.readFileSync(evidence)).digest('hex');
  const pkg = path.join(dir, 'p.fzpkg');
  const writer = new Worker(path.join(out, 'writer-worker.cjs'), { workerData: { file: pkg, blobs: [{ sha256, path: evidence }], key: null } });
  const writerEnded = exited(writer);
  const texts = [JSON.stringify({ n: 1, text: '推进情况' }), JSON.stringify({ n: 2 })];
  const ready = nextMessage(writer, 'ready');
  writer.postMessage({ type: 'ops', part: opsFileFromTexts(path.join(dir, 'ops.part'), texts), snapshot: null });
  const r = (await ready) as Extract<FromWriter, { type: 'ready' }>;
  expect(r.blobs).toEqual([{ sha256, size: 3 * 1024 * 1024 + 7 }]);
  expect(r.opsPart).toEqual({ sha256: opsPartHash(texts), count: 2 });
  const finished = nextMessage(writer, 'finished');
  writer.postMessage({ type: 'finish', manifest: { packageId: 'bundle-test', formatVersion: 1 } as unknown as Manifest });
  await finished;
  await writerEnded;

  const copy = async (name: string, size: number) => {
    const shared = sharedState();
    const tmp = path.join(dir, `copy-${name}.part`);
    const target = path.join(dir, `store-${name}`, sha256.slice(0, 2), sha256);
    const w = new Worker(path.join(out, 'evidence-copy-worker.cjs'), { workerData: { packageFile: pkg, jobs: [{ sha256, size, tmp, target }], key: null, shared } });
    await exited(w);
    return { status: words(shared)[STATUS], error: readError(shared), tmp, target };
  };
  const good = await copy('good', 3 * 1024 * 1024 + 7);
  expect(good.status).toBe(DONE);
  expect(createHash('sha256').update(fs.readFileSync(good.target)).digest('hex')).toBe(sha256);
  expect(fs.existsSync(good.tmp)).toBe(false);

  // The manifest promising another size than the bytes the package holds.
  const bad = await copy('bad', 3 * 1024 * 1024 + 8);
  expect(bad.status).toBe(FAILED);
  expect(bad.error?.message).toMatch(/损坏或被改动/);
  // Nothing placed; the temporary file is the importing thread's to remove (EvidenceCopy.discard).
  expect(fs.existsSync(bad.target)).toBe(false);

  // The chain check's bundle opens the package as an import does; this one's manifest is a stub, and it says so.
  const shared = sharedState();
  await exited(new Worker(path.join(out, 'chain-check-worker.cjs'), { workerData: { packageFile: pkg, shared } }));
  expect(words(shared)[STATUS]).toBe(FAILED);
  expect(readError(shared)).toMatchObject({ code: 'unreadable_file', detail: expect.stringMatching(/^manifest/) as unknown });
}, 60_000);
