import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { attachPaths, blobPath, verifyStore } from '../../../db/evidence-store/index';
import { progressOf, setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import { exportPackage, writeReceipt } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { importReceipt } from '../../../electron/core/packages/receipt';
import { listPackages, owedReturns } from '../../../electron/core/packages/bookkeeping';
import { exportPlan, storeIdentity } from '../../../electron/core/packages/sync-port';
import { writeOpsFile } from '../../../electron/core/packages/ops-file';
import { opsPartHash } from '../../../electron/core/packages/container';
import { opsSince } from '../../../db/sync/index';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir, writeFileOfSize } from '../evidence/helpers';
import { seedOffice, snapshot, type Office } from './helpers';

const FAST = { kdf: { log2N: 10, r: 8, p: 1 } };

let dir: string;
let office: Office;
beforeEach(async () => {
  dir = tempDir('fazhi-exch-');
  office = await seedOffice(path.join(dir, 'office'));
});
afterEach(() => {
  closeStore(office.db);
  removeStoreDir(dir);
});

describe('office → department → office', () => {
  it('sets up a department from its slice, brings its quarter back with files, keeps the conflict, and closes the loop with receipts', async () => {
    const o = office;
    const m0 = o.measureIds[0]!;
    const scan = path.join(dir, 'scan.pdf');
    writeFileOfSize(scan, 3 * 1024 * 1024 + 17, 9);
    await attachPaths(o.db, o.dataDir, { measureId: m0, periodId: '2024-Q2', userId: o.userId }, [{ path: scan }]);

    // The office sends the department its slice, encrypted.
    const slicePkg = path.join(dir, 'usb', 'slice.fzpkg');
    fs.mkdirSync(path.dirname(slicePkg));
    const sent = await exportPackage(o.db, o.dataDir, { kind: 'slice', slice: { departments: [o.department] }, label: o.department, passphrase: '司法 2024' }, slicePkg, FAST);
    expect(sent.ops).toBeGreaterThan(0);
    expect(sent.blobs).toBe(1);
    expect(owedReturns(o.db).map((x) => x.label)).toEqual([o.department]);

    // The department's empty PC becomes a working copy.
    const deptDir = path.join(dir, 'dept');
    const dept = openStore(deptDir);
    try {
      const r1 = await importPackage(dept, deptDir, slicePkg, '司法 2024', FAST);
      expect(r1.clone).toBe(true);
      expect(storeIdentity(dept).ledgerId).toBe(storeIdentity(o.db).ledgerId);
      expect(storeIdentity(dept).replicaId).not.toBe(storeIdentity(o.db).replicaId);
      const deptMeasures = dept.prepare('SELECT id FROM measures').pluck().all() as string[];
      expect(deptMeasures).toContain(m0);
      expect(fs.existsSync(blobPath(deptDir, dept.prepare('SELECT sha256 FROM evidence').pluck().get() as string))).toBe(true);
      const deptUser = systemUser(dept).id;
      const r1Receipt = writeReceipt(dept, r1.receipt, r1.senderReplicaId, path.join(dir, 'usb', 'slice-回执.fzpkg'));

      // Both sides work on the same quarter of the same measure; the department also attaches a file.
      setProgress(dept, { measureId: m0, periodId: '2024-Q3', status: '已完成', narrative: '部门:已完成全部整改', userId: deptUser });
      const report = path.join(dir, 'report.docx');
      writeFileOfSize(report, 200_000, 5);
      await attachPaths(dept, deptDir, { measureId: m0, periodId: '2024-Q3', userId: deptUser }, [{ path: report }]);
      setProgress(o.db, { measureId: m0, periodId: '2024-Q3', status: '推进中', narrative: '法治办:督促中', userId: o.userId });

      // The department returns only what the office lacks.
      const back = path.join(dir, 'usb', 'return.fzpkg');
      const peer = storeIdentity(o.db).replicaId;
      const ret = await exportPackage(dept, deptDir, { kind: 'return', peerReplicaId: peer }, back);
      expect(ret.blobs).toBe(1);
      expect(ret.ops).toBeLessThan(sent.ops);

      const r2 = await importPackage(o.db, o.dataDir, back, undefined);
      expect(r2.clone).toBe(false);
      expect(r2.applied).toBeGreaterThan(0);
      expect(r2.refused).toBe(0);
      expect(r2.conflicts).toBeGreaterThanOrEqual(1);
      const q3 = progressOf(o.db, m0).find((p) => p.periodId === '2024-Q3')!;
      // The later edit (the office's) wins; the department's value waits in the conflict list.
      expect(q3.narrative).toBe('法治办:督促中');
      const files = o.db.prepare("SELECT sha256 FROM evidence WHERE period_id = '2024-Q3'").pluck().all() as string[];
      expect(files).toHaveLength(1);
      expect(fs.statSync(blobPath(o.dataDir, files[0]!)).size).toBe(200_000);
      expect((await verifyStore(o.db, o.dataDir)).ok).toBe(true);
      expect(owedReturns(o.db)).toEqual([]);

      // Receipts: the office learns its slice arrived; a second import of the same receipt changes nothing.
      const rr = await importReceipt(o.db, o.dataDir, r1Receipt.file);
      expect(rr.new).toBe(true);
      const before = snapshot(o.db, o.dataDir);
      expect((await importReceipt(o.db, o.dataDir, r1Receipt.file)).new).toBe(false);
      expect(snapshot(o.db, o.dataDir)).toBe(before);
      const slicePkgEntry = listPackages(o.db).find((p) => p.id === sent.packageId)!;
      expect(slicePkgEntry.receipts.map((x) => x.receiverReplicaId)).toEqual([storeIdentity(dept).replicaId]);

      // The same return again: refused, nothing changes.
      await expect(importPackage(o.db, o.dataDir, back, undefined)).rejects.toThrow(/已导入过/);
      expect(snapshot(o.db, o.dataDir)).toBe(before);

      // A second return after the office imported the first carries only the new change.
      setProgress(dept, { measureId: m0, periodId: '2024-Q4', status: '推进中', narrative: '四季度开始', userId: deptUser });
      const back2 = path.join(dir, 'usb', 'return2.fzpkg');
      const r2Receipt = writeReceipt(o.db, r2.receipt, r2.senderReplicaId, path.join(dir, 'usb', 'return-回执.fzpkg'));
      await importReceipt(dept, deptDir, r2Receipt.file);
      const ret2 = await exportPackage(dept, deptDir, { kind: 'return', peerReplicaId: peer }, back2);
      expect(ret2.blobs).toBe(0);
      expect(ret2.ops).toBeLessThan(ret.ops);
      await importPackage(o.db, o.dataDir, back2, undefined);
      expect(progressOf(o.db, m0).find((p) => p.periodId === '2024-Q4')?.narrative).toBe('四季度开始');
    } finally {
      closeStore(dept);
    }
  });

  it('makes a working copy from the whole ledger in which the command line can record progress', async () => {
    const file = path.join(dir, 'whole.fzpkg');
    await exportPackage(office.db, office.dataDir, { kind: 'ledger' }, file);
    const copyDir = path.join(dir, 'laptop');
    const copy = openStore(copyDir);
    try {
      const r = await importPackage(copy, copyDir, file, undefined);
      expect(r.clone).toBe(true);
      expect(copy.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(office.db.prepare('SELECT count(*) FROM measures').pluck().get());
      const admin = systemUser(copy);
      expect(admin.role).toBe('supervisor');
      setProgress(copy, { measureId: office.measureIds[0]!, periodId: '2024-Q3', status: '已完成', narrative: '督察组现场核实', userId: admin.id });
    } finally {
      closeStore(copy);
    }
  });

  it('writes a whole ledger’s operations as SQLite JSON text equal to JSON.stringify of each, awkward characters included', async () => {
    const narrative = '引号" 反斜杠\\ 换行\n 制表\t 控制\u0001 表情😀 斜杠/ <>& \u2028 单独代理\ud800';
    setProgress(office.db, { measureId: office.measureIds[0]!, periodId: '2024-Q3', status: '推进中', narrative, userId: office.userId });
    const part = writeOpsFile(office.db, path.join(dir, 'ops.part'), (table) => exportPlan(office.db, {}, undefined).writeOps(table));
    const side = new Database(part.file, { readonly: true });
    try {
      const texts = side.prepare('SELECT body FROM ops ORDER BY seq').pluck().all() as string[];
      expect(texts).toEqual(opsSince(office.db, {}).map((op) => JSON.stringify(op)));
      expect(texts.some((t) => t.includes('表情😀'))).toBe(true);
      expect(part).toMatchObject({ count: texts.length, sha256: opsPartHash(texts) });
    } finally {
      side.close();
    }
  });
});
