import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { slices, writeAllSync } from '../../../db/evidence-store/write';
import { tempDir } from '../../helpers/temp';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const SLICE = 32 * 1024;

describe('copying a piece slice by slice', () => {
  for (const size of [0, 1, SLICE - 1, SLICE, SLICE + 1, 1024 * 1024 + 3]) {
    it(`keeps every byte of ${size} bytes, in order, in slices no larger than 32 KiB`, () => {
      const b = randomBytes(size);
      const parts = [...slices(b)];
      expect(parts.every((p) => p.length > 0 && p.length <= SLICE)).toBe(true);
      expect(parts.length).toBe(Math.ceil(size / SLICE));
      const hash = createHash('sha256');
      for (const p of parts) hash.update(p);
      expect(hash.digest('hex')).toBe(sha(b));

      const file = path.join(tempDir('fazhi-slices-'), 'out.bin');
      const fd = fs.openSync(file, 'w');
      try {
        writeAllSync(fd, b.subarray(0, Math.floor(size / 2)));
        writeAllSync(fd, b.subarray(Math.floor(size / 2)));
      } finally {
        fs.closeSync(fd);
      }
      expect(sha(fs.readFileSync(file))).toBe(sha(b));
      fs.rmSync(path.dirname(file), { recursive: true });
    });
  }
});
