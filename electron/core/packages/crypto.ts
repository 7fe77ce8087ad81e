// Whole-file encryption of a package: AES-256-GCM in authenticated chunks, key from scrypt, a small plaintext header.
//
// Layout: header (HEADER_BYTES) | chunk 0 | chunk 1 | … | last chunk
//   header = magic "FZPKGENC" | version u8 | log2(N) u8 | r u8 | p u8 | chunk size u32 BE | salt 16 | key check 16
//   chunk  = ciphertext | tag 16; every chunk but the last holds exactly `chunk size` plaintext bytes,
//            the last holds fewer (possibly none), so a file cut at a chunk boundary still lacks its last chunk.
// Each chunk's nonce is its index and its associated data is the header, the index and a last-chunk flag, so a
// flipped bit, a reordered or dropped chunk, a truncated file or an edited header all fail authentication.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { cancelledError, writeAll } from '../../../db/evidence-store/write';

export const ENC_MAGIC = Buffer.from('FZPKGENC', 'ascii');
const ENC_VERSION = 1;
export const HEADER_BYTES = 8 + 1 + 3 + 4 + 16 + 16;
const TAG = 16;
const DEFAULT_CHUNK = 1024 * 1024;
/** scrypt N = 2^15, r = 8, p = 1: 32 MiB and about a tenth of a second, once per package. */
const DEFAULT_KDF = { log2N: 15, r: 8, p: 1 };

interface Header {
  raw: Buffer;
  log2N: number;
  r: number;
  p: number;
  chunkSize: number;
  salt: Buffer;
  check: Buffer;
}

export function wrongPassphrase(): AppError {
  return new AppError('validation', '口令不正确,无法打开该交换包。请向发送方核对口令后重试(注意大小写和全角半角)。');
}

export function damaged(detail: string): AppError {
  return new AppError('unreadable_file', '交换包已损坏或被改动(内容校验未通过),未导入任何内容。请向发送方重新索取该交换包。', detail);
}

function deriveKey(passphrase: string, salt: Buffer, kdf: { log2N: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** kdf.log2N;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** A value that tells a wrong passphrase from a damaged file without revealing anything of the key. */
function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('fazhi-package-key-check').digest().subarray(0, 16);
}

function chunkAad(header: Buffer, index: number, last: boolean): Buffer {
  const b = Buffer.alloc(header.length + 9);
  header.copy(b, 0);
  b.writeBigUInt64BE(BigInt(index), header.length);
  b[header.length + 8] = last ? 1 : 0;
  return b;
}

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

function parseHeader(raw: Buffer): Header | null {
  if (raw.length < HEADER_BYTES || !raw.subarray(0, 8).equals(ENC_MAGIC)) return null;
  return {
    raw: raw.subarray(0, HEADER_BYTES),
    log2N: raw[9]!,
    r: raw[10]!,
    p: raw[11]!,
    chunkSize: raw.readUInt32BE(12),
    salt: raw.subarray(16, 32),
    check: raw.subarray(32, 48),
  };
}

/** True when the file starts with the encrypted-package magic. */
export async function isEncrypted(file: string): Promise<boolean> {
  const fh = await fsp.open(file, 'r');
  try {
    const b = Buffer.alloc(8);
    const { bytesRead } = await fh.read(b, 0, 8, 0);
    return bytesRead === 8 && b.equals(ENC_MAGIC);
  } finally {
    await fh.close();
  }
}

export interface CryptOptions {
  signal?: AbortSignal | undefined;
  onBytes?: ((n: number) => void) | undefined;
  /** Smaller chunks and a cheaper key for tests only. */
  chunkSize?: number;
  kdf?: { log2N: number; r: number; p: number };
}

/** Encrypts `src` into `dest` (created, fsynced). */
export async function encryptFile(src: string, dest: string, passphrase: string, o: CryptOptions = {}): Promise<void> {
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK;
  const kdf = o.kdf ?? DEFAULT_KDF;
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, kdf);
  const header = Buffer.alloc(HEADER_BYTES);
  ENC_MAGIC.copy(header, 0);
  header[8] = ENC_VERSION;
  header[9] = kdf.log2N;
  header[10] = kdf.r;
  header[11] = kdf.p;
  header.writeUInt32BE(chunkSize, 12);
  salt.copy(header, 16);
  keyCheck(key).copy(header, 32);
  const out = await fsp.open(dest, 'wx', 0o600);
  const input = await fsp.open(src, 'r');
  try {
    await writeAll(out, header);
    const buf = Buffer.alloc(chunkSize);
    for (let index = 0; ; index++) {
      if (o.signal?.aborted) throw cancelledError();
      let filled = 0;
      while (filled < chunkSize) {
        const { bytesRead } = await input.read(buf, filled, chunkSize - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      const last = filled < chunkSize;
      const c = createCipheriv('aes-256-gcm', key, nonce(index));
      c.setAAD(chunkAad(header, index, last));
      const body = Buffer.concat([c.update(buf.subarray(0, filled)), c.final(), c.getAuthTag()]);
      await writeAll(out, body);
      o.onBytes?.(filled);
      if (last) break;
    }
    await out.sync();
  } finally {
    await input.close();
    await out.close();
  }
}

/** Decrypts `src` into `dest` (created); any damage, reordering or truncation throws before the caller uses `dest`. */
export async function decryptFile(src: string, dest: string, passphrase: string, o: CryptOptions = {}): Promise<void> {
  const input = await fsp.open(src, 'r');
  try {
    const headBuf = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await input.read(headBuf, 0, HEADER_BYTES, 0);
    const h = parseHeader(headBuf.subarray(0, bytesRead));
    if (!h) throw damaged('no encryption header');
    if (headBuf[8] !== ENC_VERSION) {
      throw new AppError('validation', '该交换包由更新版本的法治台账加密,本程序无法打开。请升级法治台账后再导入。', `enc version ${headBuf[8]}`);
    }
    if (h.log2N < 10 || h.log2N > 20 || h.r < 1 || h.r > 32 || h.p < 1 || h.p > 16 || h.chunkSize < 1024 || h.chunkSize > 64 * 1024 * 1024) {
      throw damaged('implausible header');
    }
    const key = await deriveKey(passphrase, h.salt, h);
    if (!timingSafeEqual(keyCheck(key), h.check)) throw wrongPassphrase();
    const out = await fsp.open(dest, 'wx', 0o600);
    try {
      const full = h.chunkSize + TAG;
      const buf = Buffer.alloc(full);
      let pos = HEADER_BYTES;
      for (let index = 0; ; index++) {
        if (o.signal?.aborted) throw cancelledError();
        let filled = 0;
        while (filled < full) {
          const r = await input.read(buf, filled, full - filled, pos + filled);
          if (r.bytesRead === 0) break;
          filled += r.bytesRead;
        }
        pos += filled;
        if (filled < TAG) throw damaged(`truncated at chunk ${index}`);
        const last = filled < full;
        const d = createDecipheriv('aes-256-gcm', key, nonce(index));
        d.setAAD(chunkAad(h.raw, index, last));
        d.setAuthTag(buf.subarray(filled - TAG, filled));
        let plain: Buffer;
        try {
          plain = Buffer.concat([d.update(buf.subarray(0, filled - TAG)), d.final()]);
        } catch {
          throw damaged(`chunk ${index} failed authentication`);
        }
        await writeAll(out, plain);
        o.onBytes?.(filled);
        if (last) break;
      }
      if ((await input.stat()).size !== pos) throw damaged('bytes after the last chunk');
    } finally {
      await out.close();
    }
  } finally {
    await input.close();
  }
}

/** The size of a file, for progress totals. */
export function fileSize(file: string): number {
  return fs.statSync(file).size;
}
