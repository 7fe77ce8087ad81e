// A package with much evidence is copied in by two threads sharing its files: every file arrives whole (written past the
// page cache or through it), and a damaged file in either share refuses the whole import, leaving nothing behind.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { blobPath, verifyStore } from '../../../db/evidence-store/index';
import { importPackage } from '../../../electron/core/packages/import';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir } from '../evidence/helpers';
import { editPackage, officeWithEvidence, type Office } from './helpers';

/** Two threads from the first byte, as for a big package. */
const SHARED = { sharedCopyFrom: 1 };
const SIZES = [3 * 1024 * 1024 + 1, 2 * 1024 * 1024 + 7, 1024 * 1024 - 3, 5];

let dir: string;
let office: Office;
let whole: string;
let shas: string[];

beforeAll(async () => {
  dir = tempDir('fazhi-copy-threads-');
  ({ office, whole, shas } = await officeWithEvidence(dir, SIZES));
}, 120_000);

afterAll(() => {
  closeStore(office.db);
  removeStoreDir(dir);
});

it.each([
  ['past the page cache', true],
  ['through the page cache', false],
])('brings every file in whole, written %s', async (_how, unbufferedCopy) => {
  const into = path.join(dir, `copy-${unbufferedCopy}`);
  const db = openStore(into);
  try {
    const r = await importPackage(db, into, whole, undefined, { ...SHARED, unbufferedCopy });
    expect(r.blobs).toBe(SIZES.length);
    for (const [i, sha] of shas.entries()) {
      const bytes = fs.readFileSync(blobPath(into, sha));
      expect({ i, size: bytes.length, sha: createHash('sha256').update(bytes).digest('hex') }).toEqual({ i, size: SIZES[i], sha });
    }
    expect((await verifyStore(db, into)).problems).toEqual([]);
  } finally {
    closeStore(db);
  }
});

it('refuses a package with any one file damaged, whichever thread copies it, and leaves the new folder empty', async () => {
  for (const [i, sha] of shas.entries()) {
    const bad = editPackage(whole, path.join(dir, `bad-${i}.fzpkg`), `UPDATE blobs SET data = randomblob(length(data)) WHERE sha256 = '${sha}' AND part = 0`);
    const into = path.join(dir, `bad-copy-${i}`);
    const db = openStore(into);
    try {
      await expect(importPackage(db, into, bad, undefined, SHARED)).rejects.toThrow(/损坏或被改动/);
      expect(db.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(0);
      expect(filesUnder(path.join(into, 'evidence'))).toEqual([]);
    } finally {
      closeStore(db);
    }
  }
});
