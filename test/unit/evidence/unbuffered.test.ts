// Files written past the page cache: every byte arrives whatever the pieces, the size is exact (not padded to a block),
// the file really is open with O_DIRECT, and an existing file is never written over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BLOCK, UnbufferedFile } from '../../../db/evidence-store/unbuffered';
import { removeDir, tempDir } from '../../helpers/temp';

const MIB = 1024 * 1024;
// Around a block, around the one-mebibyte write, and several writes with a ragged end.
const SIZES = [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, MIB - 1, MIB, MIB + 1, 3.5 * MIB + 3];

let dir: string;
beforeAll(() => {
  dir = tempDir('fazhi-unbuffered-');
});
afterAll(() => removeDir(dir));

/** `data` cut in pieces of sizes that cross block and buffer boundaries: tiny, odd, and larger than the buffer. */
function pieces(data: Buffer): Buffer[] {
  const steps = [1, 7, BLOCK + 3, 100_000, MIB + 5, 13];
  const out: Buffer[] = [];
  for (let off = 0, i = 0; off < data.length; i++) {
    const n = Math.min(steps[i % steps.length]!, data.length - off);
    out.push(data.subarray(off, off + n));
    off += n;
  }
  return out;
}

/** Whether an open descriptor has O_DIRECT, as the kernel reports its flags (octal) in /proc. */
function openedDirect(fd: number): boolean {
  const flags = /flags:\s*([0-7]+)/.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
  return flags !== undefined && (parseInt(flags, 8) & fs.constants.O_DIRECT) !== 0;
}

describe.runIf(process.platform === 'linux')('on Linux, whose file systems take O_DIRECT', () => {
  it('writes every byte in order and cuts the file to its size, whatever the pieces', () => {
    for (const size of SIZES) {
      const data = randomBytes(size);
      const file = path.join(dir, `f-${size}`);
      const f = UnbufferedFile.open(file, 0o600);
      expect(f, `size ${size}`).not.toBeNull();
      try {
        expect(openedDirect(f!.fd)).toBe(true);
        for (const p of pieces(data)) f!.push(p);
        f!.end();
        fs.fsyncSync(f!.fd);
      } finally {
        fs.closeSync(f!.fd);
      }
      const back = fs.readFileSync(file);
      expect({ size, length: back.length, same: back.equals(data) }).toEqual({ size, length: size, same: true });
    }
  });

  it('never writes over a file already there', () => {
    const file = path.join(dir, 'taken');
    fs.writeFileSync(file, 'kept');
    expect(() => UnbufferedFile.open(file, 0o600)).toThrow(/EEXIST/);
    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
  });
});
