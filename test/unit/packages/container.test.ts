import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PackageReader, PackageWriter } from '../../../electron/core/packages/container';
import { decryptFile, encryptFile, HEADER_BYTES } from '../../../electron/core/packages/crypto';
import { FORMAT_NAME, FORMAT_VERSION, type Manifest } from '../../../electron/core/packages/manifest';
import { opsFileFromTexts } from '../../../electron/core/packages/ops-file';
import { openPackage } from '../../../electron/core/packages/open';
import { removeDir, tempDir } from '../../helpers/temp';
import { writeFileOfSize } from '../evidence/helpers';

const FAST = { kdf: { log2N: 10, r: 8, p: 1 }, chunkSize: 4096 };

let dir: string;
beforeEach(() => {
  dir = tempDir('fazhi-pkg-');
});
afterEach(() => removeDir(dir));

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A package with synthetic ops and two evidence files (one spanning several pieces, one empty). */
const texts = Array.from({ length: 50 }, (_, i) => ({ hlc: `h${i}`, entity: 'progress', entityId: `m${i}|2024-Q3`, field: 'status', value: '已完成' })).map((op) => JSON.stringify(op));

async function writeSample(file: string): Promise<Manifest> {
  const big = path.join(dir, 'big.bin');
  writeFileOfSize(big, 2.5 * 1024 * 1024, 4);
  const empty = path.join(dir, 'empty.bin');
  fs.writeFileSync(empty, '');
  const w = new PackageWriter(file);
  w.addOps(opsFileFromTexts(path.join(dir, 'ops.part'), texts));
  await w.addBlob(sha(big), big);
  await w.addBlob(sha(empty), empty);
  const m: Manifest = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    appVersion: '0.1.0',
    schemaVersion: 3,
    packageId: 'p1',
    kind: 'slice',
    createdAt: new Date().toISOString(),
    ledgerId: 'L',
    ledgerTitle: '测试',
    senderReplicaId: 'R1',
    origin: null,
    receiverReplicaId: null,
    label: '司法局',
    slice: { departments: ['司法局'] },
    receiverVector: {},
    senderVector: { R1: 'h49' },
    counts: { ops: 50, blobs: 2, blobBytes: 2.5 * 1024 * 1024 },
    parts: { ops: w.opsPart(), blobs: w.blobs },
    receipt: null,
  };
  w.finish(m);
  return m;
}

describe('package container', () => {
  it('reads back what was written, every part checked', async () => {
    const file = path.join(dir, 'a.fzpkg');
    const m = await writeSample(file);
    const r = new PackageReader(file);
    try {
      expect(r.manifest).toEqual(m);
      expect(r.readOps()).toEqual(texts.map((t) => JSON.parse(t) as unknown));
      await r.verifyBlobs();
      const pieces = [...r.blobChunks(m.parts.blobs[0]!.sha256)];
      expect(pieces.length).toBe(3);
    } finally {
      r.close();
    }
  });

  it('finds a dropped piece, a reordered op and an edited manifest', async () => {
    const file = path.join(dir, 'a.fzpkg');
    const m = await writeSample(file);
    const edit = (name: string, sql: string) => {
      const copy = path.join(dir, name);
      fs.copyFileSync(file, copy);
      const db = new Database(copy);
      db.exec(sql);
      db.close();
      return copy;
    };
    const dropped = new PackageReader(edit('d.fzpkg', `DELETE FROM blobs WHERE sha256 = '${m.parts.blobs[0]!.sha256}' AND part = 1`));
    await expect(dropped.verifyBlobs()).rejects.toThrow(/损坏或被改动/);
    dropped.close();
    const swapped = new PackageReader(edit('s.fzpkg', `UPDATE ops SET seq = -1 WHERE seq = 0; UPDATE ops SET seq = 0 WHERE seq = 1; UPDATE ops SET seq = 1 WHERE seq = -1;`));
    expect(() => swapped.readOps()).toThrow(/损坏或被改动/);
    swapped.close();
    expect(() => new PackageReader(edit('m.fzpkg', `UPDATE meta SET value = replace(value, '司法局', '公安局') WHERE key = 'manifest'`))).toThrow(/损坏或被改动/);
    expect(() => new PackageReader(edit('v.fzpkg', `UPDATE meta SET value = '${FORMAT_NAME}/99' WHERE key = 'format'`))).toThrow(/更新版本/);
    fs.writeFileSync(path.join(dir, 'x.fzpkg'), 'not a package');
    expect(() => new PackageReader(path.join(dir, 'x.fzpkg'))).toThrow(/不是法治台账的交换包/);
  });
});

describe('package encryption', () => {
  it('round-trips, and the encrypted file shows nothing of its content', async () => {
    const file = path.join(dir, 'a.fzpkg');
    await writeSample(file);
    const enc = path.join(dir, 'a.enc');
    await encryptFile(file, enc, '口令 secret', FAST);
    const bytes = fs.readFileSync(enc);
    expect(bytes.includes(Buffer.from('SQLite format'))).toBe(false);
    expect(bytes.includes(Buffer.from('司法局'))).toBe(false);
    expect(bytes.includes(Buffer.from('progress'))).toBe(false);
    const out = path.join(dir, 'a.dec');
    await decryptFile(enc, out, '口令 secret', FAST);
    expect(fs.readFileSync(out).equals(fs.readFileSync(file))).toBe(true);
  });

  it('refuses a wrong passphrase, a flipped bit, a truncation, swapped chunks and appended bytes', async () => {
    const file = path.join(dir, 'a.fzpkg');
    await writeSample(file);
    const enc = path.join(dir, 'a.enc');
    await encryptFile(file, enc, 'right', FAST);
    const good = fs.readFileSync(enc);
    let n = 0;
    const tryBytes = async (bytes: Buffer, pass = 'right') => {
      const f = path.join(dir, `t${n++}.enc`);
      fs.writeFileSync(f, bytes);
      await decryptFile(f, path.join(dir, `t${n}.out`), pass, FAST);
    };
    await expect(tryBytes(good, 'wrong')).rejects.toThrow(/口令不正确/);
    const flipped = Buffer.from(good);
    flipped[HEADER_BYTES + 5000] ^= 1;
    await expect(tryBytes(flipped)).rejects.toThrow(/损坏或被改动/);
    const chunk = 4096 + 16;
    await expect(tryBytes(good.subarray(0, HEADER_BYTES + chunk * 3))).rejects.toThrow(/损坏或被改动/);
    await expect(tryBytes(good.subarray(0, good.length - 10))).rejects.toThrow(/损坏或被改动/);
    const swapped = Buffer.from(good);
    good.copy(swapped, HEADER_BYTES, HEADER_BYTES + chunk, HEADER_BYTES + 2 * chunk);
    good.copy(swapped, HEADER_BYTES + chunk, HEADER_BYTES, HEADER_BYTES + chunk);
    await expect(tryBytes(swapped)).rejects.toThrow(/损坏或被改动/);
    await expect(tryBytes(Buffer.concat([good, Buffer.from('x')]))).rejects.toThrow(/损坏或被改动/);
  });

  it('asks for the passphrase of an encrypted package and leaves no decrypted copy behind', async () => {
    const file = path.join(dir, 'a.fzpkg');
    await writeSample(file);
    const enc = path.join(dir, 'a.enc');
    await encryptFile(file, enc, 'right', FAST);
    const data = path.join(dir, 'data');
    await expect(openPackage(enc, data, undefined)).rejects.toThrow(/已加密/);
    await expect(openPackage(enc, data, 'wrong', FAST)).rejects.toThrow(/口令不正确/);
    const opened = await openPackage(enc, data, 'right', FAST);
    expect(opened.encrypted).toBe(true);
    expect(opened.reader.manifest.packageId).toBe('p1');
    opened.dispose();
    expect(fs.readdirSync(path.join(data, 'exchange', 'tmp'))).toEqual([]);
  });
});
