// Cancelling an export or an import of a package with evidence: nothing is left behind and nothing is recorded.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir } from '../evidence/helpers';
import { evidenceFiles, officeWithEvidence, snapshot, type Office } from './helpers';

let dir: string;
let office: Office;
let whole: string;

beforeAll(async () => {
  dir = tempDir('fazhi-cancel-');
  // Enough evidence for several progress reports on the way (they come every 8 MiB).
  ({ office, whole } = await officeWithEvidence(dir, Array.from({ length: 6 }, (_, i) => 8 * 1024 * 1024 + i)));
}, 120_000);

afterAll(() => {
  closeStore(office.db);
  removeStoreDir(dir);
});

it('an export cancelled while evidence is being packed leaves no file and records no package', async () => {
  const out = path.join(dir, 'out');
  fs.mkdirSync(out);
  const before = snapshot(office.db, office.dataDir);
  const ac = new AbortController();
  const steps: string[] = [];
  const run = exportPackage(office.db, office.dataDir, { kind: 'ledger' }, path.join(out, 'cancelled.fzpkg'), {
    signal: ac.signal,
    onProgress: (_f, step) => {
      steps.push(step);
      if (step === '正在打包佐证材料') ac.abort();
    },
  });
  await expect(run).rejects.toMatchObject({ code: 'cancelled', message: expect.stringMatching(/已取消/) });
  expect(steps).toContain('正在打包佐证材料');
  expect(fs.readdirSync(out)).toEqual([]);
  expect(snapshot(office.db, office.dataDir)).toBe(before);
  expect(filesUnder(path.join(office.dataDir, 'exchange', 'tmp'))).toEqual([]);
});

it('an import cancelled before its merge leaves the new data folder empty, and the package imports afterwards', async () => {
  const into = path.join(dir, 'laptop');
  const db = openStore(into);
  try {
    const before = snapshot(db, into);
    const ac = new AbortController();
    const run = importPackage(db, into, whole, undefined, {
      signal: ac.signal,
      onProgress: (_f, step) => {
        if (step === '正在校验交换包') ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled', message: expect.stringMatching(/已取消.未导入任何内容/) });
    expect(snapshot(db, into)).toBe(before);
    expect(filesUnder(path.join(into, 'evidence', 'tmp'))).toEqual([]);
    expect(filesUnder(path.join(into, 'exchange', 'tmp'))).toEqual([]);

    const r = await importPackage(db, into, whole, undefined);
    expect(r.clone).toBe(true);
    // The new copy was filled under a rollback journal and is back in WAL.
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(r.blobs).toBe(6);
    expect(evidenceFiles(into)).toEqual(evidenceFiles(office.dataDir));
    expect(filesUnder(path.join(into, 'evidence', 'tmp'))).toEqual([]);
  } finally {
    closeStore(db);
  }
});
