import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { attachPaths, blobPath, verifyStore } from '../../../db/evidence-store/index';
import { setPassphrase } from '../../../db/store-key';
import { verifyAudit } from '../../../db/sync/index';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { runCli } from '../../../electron/host/cli';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir, writeFileOfSize } from '../evidence/helpers';
import { seedOffice, type Office } from './helpers';

const FAST = { kdf: { log2N: 10, r: 8, p: 1 } };
const PASS = '督察组口令2026';

let dir: string;
let office: Office;
beforeEach(async () => {
  dir = tempDir('fazhi-exch-enc-');
  office = await seedOffice(path.join(dir, 'office'));
});
afterEach(() => {
  closeStore(office.db);
  for (const d of ['office', 'plain', 'enc']) setPassphrase(path.join(dir, d), null);
  removeStoreDir(dir);
});

async function encrypt(dataDir: string): Promise<void> {
  const f = path.join(dir, 'p.txt');
  fs.writeFileSync(f, PASS);
  let err = '';
  expect(await runCli(['store', 'encrypt', '--passphrase-file', f, '--data-dir', dataDir], { out: () => undefined, err: (s) => (err += s) }), err).toBe(0);
}

describe('packages and an encrypted store', () => {
  it('exports plaintext evidence from an encrypted store and stores it encrypted in an encrypted one', { timeout: 120_000 }, async () => {
    const o = office;
    const scan = path.join(dir, 'scan.pdf');
    writeFileOfSize(scan, 2 * 1024 * 1024 + 5, 3);
    const sha = createHash('sha256').update(fs.readFileSync(scan)).digest('hex');
    await attachPaths(o.db, o.dataDir, { measureId: o.measureIds[0]!, periodId: '2024-Q2', userId: o.userId }, [{ path: scan }]);
    closeStore(o.db);
    await encrypt(o.dataDir);
    o.db = openStore(o.dataDir);
    expect(fs.readFileSync(blobPath(o.dataDir, sha)).equals(fs.readFileSync(scan))).toBe(false);

    const pkg = path.join(dir, 'slice.fzpkg');
    const sent = await exportPackage(o.db, o.dataDir, { kind: 'slice', slice: { departments: [o.department] }, label: o.department, passphrase: '司法 2024' }, pkg, FAST);
    expect(sent.blobs).toBe(1);

    // A plaintext PC receives the file as it was attached.
    const plainDir = path.join(dir, 'plain');
    const plain = openStore(plainDir);
    try {
      await importPackage(plain, plainDir, pkg, '司法 2024', FAST);
      expect(fs.readFileSync(blobPath(plainDir, sha)).equals(fs.readFileSync(scan))).toBe(true);
    } finally {
      closeStore(plain);
    }

    // An encrypted PC stores it encrypted, and it checks out against its plaintext hash.
    const encDir = path.join(dir, 'enc');
    closeStore(openStore(encDir));
    await encrypt(encDir);
    const enc = openStore(encDir);
    try {
      await importPackage(enc, encDir, pkg, '司法 2024', FAST);
      expect(fs.readFileSync(blobPath(encDir, sha)).includes(fs.readFileSync(scan).subarray(0, 4096))).toBe(false);
      const v = await verifyStore(enc, encDir);
      expect(v.ok).toBe(true);
      expect(v.checkedFiles).toBe(1);
    } finally {
      closeStore(enc);
    }
  });

  it('sets up an encrypted laptop from a whole ledger sent with a passphrase: the snapshot taken, the log from the decrypted ops part', { timeout: 120_000 }, async () => {
    const o = office;
    const scan = path.join(dir, 'scan.pdf');
    writeFileOfSize(scan, 300_000, 5);
    await attachPaths(o.db, o.dataDir, { measureId: o.measureIds[1]!, periodId: '2024-Q3', userId: o.userId }, [{ path: scan }]);
    const pkg = path.join(dir, 'whole.fzpkg');
    await exportPackage(o.db, o.dataDir, { kind: 'ledger', label: '督察组', passphrase: '督察 2024' }, pkg, FAST);
    const encDir = path.join(dir, 'enc');
    closeStore(openStore(encDir));
    await encrypt(encDir);
    const enc = openStore(encDir);
    try {
      const r = await importPackage(enc, encDir, pkg, '督察 2024', FAST);
      expect([r.clone, r.fromSnapshot]).toEqual([true, true]);
      expect(r.applied).toBe(o.db.prepare('SELECT count(*) FROM ops').pluck().get());
      for (const t of ['measures', 'progress', 'evidence', 'users']) {
        expect({ t, n: enc.prepare(`SELECT count(*) FROM ${t}`).pluck().get() }).toEqual({ t, n: o.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() });
      }
      expect(verifyAudit(enc)).toEqual([]);
      expect((await verifyStore(enc, encDir)).ok).toBe(true);
    } finally {
      closeStore(enc);
    }
  });
});
