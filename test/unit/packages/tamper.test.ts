import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore, type Db } from '../../../db/open';
import { attachPaths } from '../../../db/evidence-store/index';
import { setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { storeIdentity } from '../../../electron/core/packages/sync-port';
import { FORMAT_NAME, FORMAT_VERSION } from '../../../electron/core/packages/manifest';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir, writeFileOfSize } from '../evidence/helpers';
import { editPackage, rehashOps, seedOffice, snapshot, type Office } from './helpers';

const FAST = { kdf: { log2N: 10, r: 8, p: 1 } };

/** One office, one department set up from it, and a return package carrying progress and a file. */
let dir: string;
let office: Office;
let dept: Db;
let deptDir: string;
let ret: string;
let retEnc: string;
let otherLedgerPkg: string;
/** The office's slice for the department: operations only, no evidence. */
let slicePkg: string;

beforeAll(async () => {
  dir = tempDir('fazhi-tamper-');
  office = await seedOffice(path.join(dir, 'office'));
  const slice = path.join(dir, 'slice.fzpkg');
  slicePkg = slice;
  await exportPackage(office.db, office.dataDir, { kind: 'slice', slice: { departments: [office.department] }, label: office.department }, slice);
  deptDir = path.join(dir, 'dept');
  dept = openStore(deptDir);
  await importPackage(dept, deptDir, slice, undefined);
  const user = systemUser(dept).id;
  for (const [i, m] of office.measureIds.slice(0, 3).entries()) {
    setProgress(dept, { measureId: m, periodId: '2024-Q3', status: '推进中', narrative: `部门填报第${i + 1}条:标记文本ABC`, userId: user });
  }
  const file = path.join(dir, 'evidence.bin');
  writeFileOfSize(file, 2 * 1024 * 1024 + 5, 11);
  await attachPaths(dept, deptDir, { measureId: office.measureIds[0]!, periodId: '2024-Q3', userId: user }, [{ path: file }]);
  const peer = storeIdentity(office.db).replicaId;
  ret = path.join(dir, 'return.fzpkg');
  await exportPackage(dept, deptDir, { kind: 'return', peerReplicaId: peer }, ret);
  retEnc = path.join(dir, 'return-enc.fzpkg');
  await exportPackage(dept, deptDir, { kind: 'return', peerReplicaId: peer, passphrase: 'right' }, retEnc, FAST);
  const other = await seedOffice(path.join(dir, 'other'));
  otherLedgerPkg = path.join(dir, 'other.fzpkg');
  await exportPackage(other.db, other.dataDir, { kind: 'ledger' }, otherLedgerPkg);
  closeStore(other.db);
}, 120_000);

afterAll(() => {
  closeStore(dept);
  closeStore(office.db);
  removeStoreDir(dir);
});

let n = 0;
function copyPath(): string {
  return path.join(dir, `t${n++}.fzpkg`);
}

async function refused(file: string, pass: string | undefined, message: RegExp): Promise<void> {
  const before = snapshot(office.db, office.dataDir);
  await expect(importPackage(office.db, office.dataDir, file, pass, FAST)).rejects.toThrow(message);
  expect(snapshot(office.db, office.dataDir)).toBe(before);
  expect(filesUnder(path.join(office.dataDir, 'exchange', 'tmp'))).toEqual([]);
  expect(filesUnder(path.join(office.dataDir, 'evidence', 'tmp'))).toEqual([]);
}

describe('a package that is not what it says is refused with the store unchanged', () => {
  it('a flipped byte in the operations', async () => {
    const bytes = fs.readFileSync(ret);
    const at = bytes.indexOf(Buffer.from('标记文本ABC'));
    expect(at).toBeGreaterThan(0);
    bytes[at + Buffer.byteLength('标记文本')] ^= 0x01;
    const f = copyPath();
    fs.writeFileSync(f, bytes);
    // Both the part's hash and the edited entry's own hash give it away; whichever check ends first speaks.
    await refused(f, undefined, /损坏或被改动|审计链校验/);
  });

  it('a flipped byte anywhere in an encrypted package', async () => {
    const bytes = fs.readFileSync(retEnc);
    for (const at of [100, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const b = Buffer.from(bytes);
      b[at] ^= 0x80;
      const f = copyPath();
      fs.writeFileSync(f, b);
      await refused(f, 'right', /损坏或被改动/);
    }
  });

  it('a dropped evidence piece and a dropped operation', async () => {
    await refused(editPackage(ret, copyPath(), 'DELETE FROM blobs WHERE part = 1'), undefined, /损坏或被改动/);
    await refused(editPackage(ret, copyPath(), 'DELETE FROM ops WHERE seq = (SELECT max(seq) FROM ops)'), undefined, /损坏或被改动/);
  });

  it('truncation, plain and encrypted', async () => {
    for (const [src, pass] of [
      [ret, undefined],
      [retEnc, 'right'],
    ] as const) {
      const size = fs.statSync(src).size;
      for (const keep of [Math.floor(size / 2), size - 1]) {
        const f = copyPath();
        fs.writeFileSync(f, fs.readFileSync(src).subarray(0, keep));
        await refused(f, pass, /损坏|不是法治台账的交换包/);
      }
    }
  });

  it('reordered log entries, and an edited entry whose hashes were recomputed', async () => {
    const swap = `UPDATE ops SET seq = -1 WHERE seq = 0; UPDATE ops SET seq = 0 WHERE seq = 1; UPDATE ops SET seq = 1 WHERE seq = -1;`;
    await refused(editPackage(ret, copyPath(), swap), undefined, /损坏或被改动/);
    // A forger who knows the container recomputes the part hashes; the audit chain still gives the edit away.
    const forged = editPackage(ret, copyPath(), `UPDATE ops SET body = replace(body, '标记文本ABC', '标记文本XYZ') WHERE body LIKE '%标记文本ABC%'`);
    rehashOps(forged);
    await refused(forged, undefined, /审计链/);
  });

  it('reordered entries and a forged chain when the chain is checked on a thread of its own, as for a big package', async () => {
    const onThread = { chainThreadFrom: 1 };
    const swap = `UPDATE ops SET seq = -1 WHERE seq = 0; UPDATE ops SET seq = 0 WHERE seq = 1; UPDATE ops SET seq = 1 WHERE seq = -1;`;
    const forged = editPackage(slicePkg, copyPath(), `UPDATE ops SET body = replace(body, '"field":"title"', '"field":"text"') WHERE seq = (SELECT max(seq) FROM ops WHERE body LIKE '%"field":"title"%')`);
    rehashOps(forged);
    const into = path.join(dir, 'fresh-for-swap');
    const fresh = openStore(into);
    try {
      await expect(importPackage(fresh, into, editPackage(slicePkg, copyPath(), swap), undefined, onThread)).rejects.toThrow(/损坏或被改动/);
      await expect(importPackage(fresh, into, forged, undefined, onThread)).rejects.toThrow(/审计链/);
      expect(fresh.prepare('SELECT count(*) FROM ops').pluck().get()).toBe(0);
      expect(fresh.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(0);
      // The office's return, forged the same way, leaves the office as it was.
      const forgedReturn = editPackage(ret, copyPath(), `UPDATE ops SET body = replace(body, '标记文本ABC', '标记文本XYZ') WHERE body LIKE '%标记文本ABC%'`);
      rehashOps(forgedReturn);
      const before = snapshot(office.db, office.dataDir);
      await expect(importPackage(office.db, office.dataDir, forgedReturn, undefined, onThread)).rejects.toThrow(/审计链/);
      expect(snapshot(office.db, office.dataDir)).toBe(before);
      expect(filesUnder(path.join(office.dataDir, 'evidence', 'tmp'))).toEqual([]);
      // The same package untouched is taken.
      expect((await importPackage(fresh, into, slicePkg, undefined, onThread)).clone).toBe(true);
      expect(fresh.prepare('SELECT count(*) FROM measures').pluck().get()).toBeGreaterThan(0);
    } finally {
      closeStore(fresh);
    }
  });

  it('a replayed package', async () => {
    const f = copyPath();
    fs.copyFileSync(ret, f);
    await importPackage(office.db, office.dataDir, f, undefined);
    await refused(f, undefined, /已导入过/);
    // The encrypted twin carries the same operations under another package id: applying it changes no ledger data.
    const ledgerBefore = office.db.prepare('SELECT count(*) FROM ops').pluck().get();
    const r = await importPackage(office.db, office.dataDir, retEnc, 'right', FAST);
    expect(r.applied).toBe(0);
    expect(office.db.prepare('SELECT count(*) FROM ops').pluck().get()).toBe(ledgerBefore);
  });

  it('a wrong passphrase, and none', async () => {
    await refused(retEnc, 'wrong', /口令不正确/);
    await refused(retEnc, undefined, /已加密/);
  });

  it('a package of another ledger', async () => {
    await refused(otherLedgerPkg, undefined, /另一本台账/);
  });

  it('a newer package format or ledger schema', async () => {
    await refused(editPackage(ret, copyPath(), `UPDATE meta SET value = '${FORMAT_NAME}/${FORMAT_VERSION + 1}' WHERE key = 'format'`), undefined, /更新版本/);
    const newer = copyPath();
    fs.copyFileSync(ret, newer);
    const db = new Database(newer);
    const m = JSON.parse(db.prepare("SELECT value FROM meta WHERE key = 'manifest'").pluck().get() as string) as { schemaVersion: number };
    m.schemaVersion = 999;
    db.prepare("UPDATE meta SET value = ? WHERE key = 'manifest'").run(JSON.stringify(m));
    db.close();
    await refused(editPackage(newer, copyPath(), 'SELECT 1', true), undefined, /更新版本/);
  });

  it('a package from a replica this office never heard of', async () => {
    // A copy of the department's data folder made elsewhere would be a new replica; here: an unrelated clone of the office.
    const strangerDir = path.join(dir, 'stranger');
    const whole = path.join(dir, 'whole-for-stranger.fzpkg');
    await exportPackage(dept, deptDir, { kind: 'ledger' }, whole);
    const stranger = openStore(strangerDir);
    try {
      await importPackage(stranger, strangerDir, whole, undefined);
      setProgress(stranger, { measureId: office.measureIds[0]!, periodId: '2024-Q4', status: '推进中', narrative: '陌生副本', userId: systemUser(stranger).id });
      const pkg = path.join(dir, 'stranger.fzpkg');
      await exportPackage(stranger, strangerDir, { kind: 'ledger' }, pkg);
      await refused(pkg, undefined, /不认识/);
    } finally {
      closeStore(stranger);
    }
  });
});
