// Cancelling an export or an import of a package with evidence: nothing is left behind and nothing is recorded.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { attachPaths } from '../../../db/evidence-store/index';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir, writeFileOfSize } from '../evidence/helpers';
import { evidenceFiles, seedOffice, snapshot, type Office } from './helpers';

let dir: string;
let office: Office;
let whole: string;

beforeAll(async () => {
  dir = tempDir('fazhi-cancel-');
  office = await seedOffice(path.join(dir, 'office'));
  // Enough evidence for several progress reports on the way (they come every 8 MiB).
  for (let i = 0; i < 6; i++) {
    const f = path.join(dir, `evidence-${i}.bin`);
    writeFileOfSize(f, 8 * 1024 * 1024 + i, 40 + i);
    await attachPaths(office.db, office.dataDir, { measureId: office.measureIds[i % office.measureIds.length]!, periodId: '2024-Q3', userId: office.userId }, [{ path: f }]);
    fs.rmSync(f);
  }
  whole = path.join(dir, 'whole.fzpkg');
  await exportPackage(office.db, office.dataDir, { kind: 'ledger' }, whole);
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
