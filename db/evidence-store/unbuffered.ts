// Writing a new file past the page cache (O_DIRECT) where the system allows it, for copies of many megabytes that are
// synced at once anyway.
//
// Measured with `perf` during the exchange bench (a whole ledger with 1 GiB of evidence, import): writing the evidence
// through the page cache cost 2.6 s of kernel time per import, in copying into freshly allocated page-cache memory
// (copy_folio_from_iter_atomic) and zeroing what a write did not cover (zero_user_segments) — on a 2-core PC as much
// processor time as the hashing and the merge together. Straight from one reused, aligned buffer to the disk, that
// copy is not made. Where O_DIRECT is refused (another file system, Windows) the caller writes as before.
import fs from 'node:fs';

/** File offsets, lengths and memory must be multiples of the device's block; 4096 covers 512-byte disks too. */
export const BLOCK = 4096;
/** How much is handed to the disk per write: large enough that each write's round trip does not count. */
const WRITE_BYTES = 1024 * 1024;

const DIRECT: number | undefined = (fs.constants as Record<string, number | undefined>).O_DIRECT;

function isRefusal(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EINVAL' || code === 'EOPNOTSUPP' || code === 'ENOTSUP';
}

/**
 * A buffer whose memory starts on a block boundary. JavaScript cannot see an address, so a larger buffer is taken and
 * the first offset the disk accepts is found by trying (one write per 16 bytes of a block at most, once per thread).
 * Null when none is accepted.
 */
function alignedBuffer(fd: number): Buffer | null {
  const big = Buffer.allocUnsafeSlow(WRITE_BYTES + BLOCK);
  big.fill(0, 0, BLOCK * 2);
  for (let off = 0; off < BLOCK; off += 16) {
    try {
      fs.writeSync(fd, big, off, BLOCK, 0);
      return big.subarray(off, off + WRITE_BYTES);
    } catch (e) {
      if (!isRefusal(e)) throw e;
    }
  }
  return null;
}

/** One thread's buffer, found on its first file; null once found impossible (then every file is written buffered). */
let shared: Buffer | null | undefined;

/**
 * A new file written unbuffered: push() its bytes in any pieces, end() before syncing it. open() gives null where the
 * system refuses O_DIRECT; the caller then writes the file the usual way.
 */
export class UnbufferedFile {
  private fill = 0;
  private pos = 0;
  private size = 0;

  private constructor(
    readonly fd: number,
    private readonly buf: Buffer,
  ) {}

  /** Creates `file` (which must not exist) for writing unbuffered, or returns null where that is not possible. */
  static open(file: string, mode: number): UnbufferedFile | null {
    if (DIRECT === undefined || shared === null) return null;
    let fd: number;
    try {
      fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | DIRECT, mode);
    } catch (e) {
      if (!isRefusal(e)) throw e;
      shared = null;
      return null;
    }
    try {
      if (shared === undefined) shared = alignedBuffer(fd);
      if (shared === null) {
        // The file exists now: the caller writes it buffered under the same name.
        fs.closeSync(fd);
        fs.rmSync(file);
        return null;
      }
      return new UnbufferedFile(fd, shared);
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  push(data: Buffer): void {
    for (let off = 0; off < data.length; ) {
      const n = data.copy(this.buf, this.fill, off, off + Math.min(data.length - off, this.buf.length - this.fill));
      this.fill += n;
      off += n;
      if (this.fill === this.buf.length) this.flush(this.fill);
    }
    this.size += data.length;
  }

  /** Writes what is left, padded to a whole block, and cuts the file to its size (the padding, or a trial write). */
  end(): void {
    if (this.fill > 0) {
      const padded = Math.ceil(this.fill / BLOCK) * BLOCK;
      this.buf.fill(0, this.fill, padded);
      this.flush(padded);
    }
    fs.ftruncateSync(this.fd, this.size);
  }

  private flush(length: number): void {
    for (let off = 0; off < length; ) off += fs.writeSync(this.fd, this.buf, off, length - off, this.pos + off);
    this.pos += length;
    this.fill = 0;
  }
}
