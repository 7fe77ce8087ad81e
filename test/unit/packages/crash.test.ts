import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { attachPaths, cleanupStore, verifyStore } from '../../../db/evidence-store/index';
import { setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { storeIdentity } from '../../../electron/core/packages/sync-port';
import { ROOT } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir, writeFileOfSize } from '../evidence/helpers';
import { dumpStore, seedOffice } from './helpers';

const childScript = path.join(ROOT, 'test', 'unit', 'packages', 'import-child.ts');

let dir: string;
beforeEach(() => {
  dir = tempDir('fazhi-pkgcrash-');
});
afterEach(() => removeStoreDir(dir));

/** Runs the import in a child that stops itself at `at` (0..1 of progress); then SIGKILLs it. */
function importAndKill(data: string, file: string, at: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, data, file, String(at)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let last = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => (last = c.toString().trim().split('\n').at(-1) ?? last));
  const timer = setInterval(() => {
    // A stopped child has reached the chosen point: kill it there.
    if (child.exitCode === null && last !== '' && last !== 'done' && Number(last) >= at * 100) child.kill('SIGKILL');
  }, 50);
  return new Promise((resolve, reject) =>
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`child ended (${code}) without being killed: ${stderr}`));
    }),
  );
}

describe('an import killed half-way', () => {
  it('leaves the store exactly as before, and the package still imports afterwards', async () => {
    const office = await seedOffice(path.join(dir, 'office'));
    const slice = path.join(dir, 'slice.fzpkg');
    await exportPackage(office.db, office.dataDir, { kind: 'slice', slice: { departments: [office.department] }, label: office.department }, slice);
    const deptDir = path.join(dir, 'dept');
    const dept = openStore(deptDir);
    await importPackage(dept, deptDir, slice, undefined);
    const user = systemUser(dept).id;
    setProgress(dept, { measureId: office.measureIds[0]!, periodId: '2024-Q3', status: '已完成', narrative: '已完成', userId: user });
    for (const i of [1, 2, 3]) {
      const f = path.join(dir, `big${i}.bin`);
      writeFileOfSize(f, 48 * 1024 * 1024, i);
      await attachPaths(dept, deptDir, { measureId: office.measureIds[0]!, periodId: '2024-Q3', userId: user }, [{ path: f }]);
    }
    const ret = path.join(dir, 'return.fzpkg');
    await exportPackage(dept, deptDir, { kind: 'return', peerReplicaId: storeIdentity(office.db).replicaId }, ret);
    closeStore(dept);
    const before = dumpStore(office.db);
    closeStore(office.db);

    for (const at of [0.3, 0.75]) {
      const last = await importAndKill(office.dataDir, ret, at);
      expect(Number(last)).toBeGreaterThanOrEqual(at * 100);
      const db = openStore(office.dataDir);
      try {
        expect(dumpStore(db)).toBe(before);
        expect((await verifyStore(db, office.dataDir)).ok).toBe(true);
        // Files stored before the kill belong to no record; the clean-up takes them.
        await cleanupStore(db, office.dataDir, 0);
      } finally {
        closeStore(db);
      }
    }
    const db = openStore(office.dataDir);
    try {
      const r = await importPackage(db, office.dataDir, ret, undefined);
      expect(r.blobs).toBe(3);
      expect(filesUnder(path.join(office.dataDir, 'exchange', 'tmp'))).toEqual([]);
      expect((await verifyStore(db, office.dataDir)).ok).toBe(true);
    } finally {
      closeStore(db);
    }
  }, 180_000);

  it('a new copy killed while it takes a whole ledger (snapshot brought out, then at the merge) stays empty and is made afterwards', async () => {
    const office = await seedOffice(path.join(dir, 'office'));
    for (const i of [1, 2]) {
      const f = path.join(dir, `big${i}.bin`);
      writeFileOfSize(f, 32 * 1024 * 1024, i);
      await attachPaths(office.db, office.dataDir, { measureId: office.measureIds[0]!, periodId: '2024-Q3', userId: office.userId }, [{ path: f }]);
    }
    const whole = path.join(dir, 'whole.fzpkg');
    await exportPackage(office.db, office.dataDir, { kind: 'ledger' }, whole);
    const laptop = path.join(dir, 'laptop');
    let db = openStore(laptop);
    const before = dumpStore(db);
    closeStore(db);
    for (const at of [0.5, 1]) {
      await importAndKill(laptop, whole, at);
      db = openStore(laptop);
      try {
        expect(dumpStore(db)).toBe(before);
      } finally {
        closeStore(db);
      }
    }
    db = openStore(laptop);
    try {
      const r = await importPackage(db, laptop, whole, undefined);
      expect([r.clone, r.fromSnapshot, r.blobs]).toEqual([true, true, 2]);
      expect(db.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(office.db.prepare('SELECT count(*) FROM measures').pluck().get());
      // The killed imports' snapshot and decrypted files went with them.
      expect(filesUnder(path.join(laptop, 'exchange', 'tmp'))).toEqual([]);
      expect((await verifyStore(db, laptop)).ok).toBe(true);
    } finally {
      closeStore(db);
      closeStore(office.db);
    }
  }, 180_000);
});
