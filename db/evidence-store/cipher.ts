// Evidence files at rest in an encrypted store: AES-256-GCM in authenticated chunks, streamed both ways.
//
// Layout: header (HEADER_BYTES) | chunk 0 | chunk 1 | … | last chunk
//   header = magic "FZEVID01" | version u8 | 3 reserved | chunk size u32 BE | key id 8 | salt 16
//   chunk  = ciphertext | tag 16; every chunk but the last holds exactly `chunk size` plaintext bytes, the last fewer (maybe none).
// The file key is HKDF(data key, salt); a chunk's nonce is its index and its associated data the header, the index and a
// last-chunk flag, so a flipped bit, a reordered or dropped chunk, a cut file or an edited header all fail authentication.
// Files stay named by the plaintext's SHA-256, so deduplication, backups and packages work as before.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import type { DataKey } from './data-key';

const MAGIC = Buffer.from('FZEVID01', 'ascii');
const VERSION = 1;
export const HEADER_BYTES = 8 + 1 + 3 + 4 + 8 + 16;
const TAG = 16;
/** 1 MiB of plaintext per chunk: a 1 GiB file streams through a buffer of this size, never whole. */
export const CHUNK = 1024 * 1024;

function fileKey(dk: DataKey, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dk.key, salt, 'fazhi-evidence-file', 32));
}

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

function aad(header: Buffer, index: number, last: boolean): Buffer {
  const b = Buffer.alloc(header.length + 9);
  header.copy(b, 0);
  b.writeBigUInt64BE(BigInt(index), header.length);
  b[header.length + 8] = last ? 1 : 0;
  return b;
}

/** The size on disk of `plain` bytes stored encrypted with `chunk`-sized chunks. */
export function storedSize(plain: number, chunk = CHUNK): number {
  return HEADER_BYTES + plain + TAG * (Math.floor(plain / chunk) + 1);
}

/** The plaintext size of an encrypted file of `stored` bytes (inverse of storedSize); null when no layout gives that size. */
export function plainSize(stored: number, chunk = CHUNK): number | null {
  const body = stored - HEADER_BYTES;
  if (body < TAG) return null;
  const full = Math.floor(body / (chunk + TAG));
  const plain = body - TAG * (full + 1);
  return plain >= 0 && storedSize(plain, chunk) === stored ? plain : null;
}

export function damagedFile(detail: string): AppError {
  return new AppError('unreadable_file', '佐证材料文件已损坏或被改动(加密内容校验失败)。请在“佐证材料”中运行完整性检查,或从备份恢复。', detail);
}

function otherKey(): AppError {
  return new AppError('wrong_passphrase', '该佐证材料文件由另一个密钥加密(来自另一份台账或另一次加密),无法用本台账的口令打开。请从本台账的备份恢复该文件。');
}

/** Turns plaintext pieces of any size into encrypted records; `final()` closes the file with its last (short) chunk. */
export class Encryptor {
  readonly header: Buffer;
  private readonly key: Buffer;
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private started = false;

  constructor(
    dk: DataKey,
    private readonly chunk = CHUNK,
  ) {
    const salt = randomBytes(16);
    this.header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(this.header, 0);
    this.header[8] = VERSION;
    this.header.writeUInt32BE(chunk, 12);
    dk.id.copy(this.header, 16);
    salt.copy(this.header, 24);
    this.key = fileKey(dk, salt);
  }

  private seal(plain: Buffer, last: boolean): Buffer {
    const c = createCipheriv('aes-256-gcm', this.key, nonce(this.index));
    c.setAAD(aad(this.header, this.index, last));
    this.index++;
    return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  }

  /** Encrypted bytes ready to write (the header comes with the first call's output). */
  push(piece: Buffer): Buffer {
    const out: Buffer[] = this.started ? [] : [this.header];
    this.started = true;
    this.pending.push(piece);
    this.pendingBytes += piece.length;
    // A full chunk is sealed only once a byte past it has arrived: the last chunk must be the short one.
    while (this.pendingBytes > this.chunk) {
      const all = Buffer.concat(this.pending);
      out.push(this.seal(all.subarray(0, this.chunk), false));
      this.pending.length = 0;
      this.pending.push(all.subarray(this.chunk));
      this.pendingBytes = all.length - this.chunk;
    }
    return out.length === 1 ? out[0]! : Buffer.concat(out);
  }

  final(): Buffer {
    const head = this.started ? [] : [this.header];
    this.started = true;
    const all = Buffer.concat(this.pending);
    this.pending.length = 0;
    const out = [...head];
    if (all.length === this.chunk) {
      out.push(this.seal(all, false));
      out.push(this.seal(Buffer.alloc(0), true));
    } else {
      out.push(this.seal(all, true));
    }
    return Buffer.concat(out);
  }
}

interface Parsed {
  raw: Buffer;
  chunk: number;
  key: Buffer;
}

function parseHeader(head: Buffer, dk: DataKey): Parsed {
  if (head.length < HEADER_BYTES || !head.subarray(0, 8).equals(MAGIC)) throw damagedFile('no evidence header');
  if (head[8] !== VERSION) throw damagedFile(`evidence format ${head[8]}`);
  const chunk = head.readUInt32BE(12);
  if (chunk < 1024 || chunk > 64 * 1024 * 1024) throw damagedFile('implausible chunk size');
  if (!head.subarray(16, 24).equals(dk.id)) throw otherKey();
  return { raw: head.subarray(0, HEADER_BYTES), chunk, key: fileKey(dk, head.subarray(24, 40)) };
}

function open(p: Parsed, index: number, record: Buffer, last: boolean): Buffer {
  if (record.length < TAG) throw damagedFile(`truncated at chunk ${index}`);
  const d = createDecipheriv('aes-256-gcm', p.key, nonce(index));
  d.setAAD(aad(p.raw, index, last));
  d.setAuthTag(record.subarray(record.length - TAG));
  try {
    return Buffer.concat([d.update(record.subarray(0, record.length - TAG)), d.final()]);
  } catch {
    throw damagedFile(`chunk ${index} failed authentication`);
  }
}

/** The chunk size of a file that starts like an encrypted evidence file; null for anything else (a plaintext file). */
export function encryptedChunkOf(file: string): number | null {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(16);
    return fs.readSync(fd, b, 0, 16, 0) === 16 && b.subarray(0, 8).equals(MAGIC) ? b.readUInt32BE(12) : null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Plaintext of an encrypted file, chunk by chunk, giving the event loop a turn between chunks; every chunk is authenticated before it is handed out. */
export async function* decryptChunks(file: string, dk: DataKey): AsyncGenerator<Buffer> {
  // Synchronous 1 MiB reads with a turn between them: under load faster than promise reads (as the package writer found).
  for (const chunk of decryptChunksSync(file, dk)) {
    yield chunk;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Plaintext of an encrypted file, synchronously (the package writer reads its blobs this way). */
export function* decryptChunksSync(file: string, dk: DataKey): Generator<Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(HEADER_BYTES);
    fs.readSync(fd, head, 0, HEADER_BYTES, 0);
    const p = parseHeader(head, dk);
    if (plainSize(size, p.chunk) === null) throw damagedFile('size fits no layout (cut short?)');
    const buf = Buffer.alloc(p.chunk + TAG);
    let pos = HEADER_BYTES;
    for (let index = 0; pos < size; index++) {
      const want = Math.min(buf.length, size - pos);
      let filled = 0;
      while (filled < want) {
        const n = fs.readSync(fd, buf, filled, want - filled, pos + filled);
        if (n === 0) throw damagedFile('file shrank while read');
        filled += n;
      }
      pos += filled;
      yield open(p, index, buf.subarray(0, filled), filled < buf.length);
    }
  } finally {
    fs.closeSync(fd);
  }
}
