// Writes one file into the store: streamed and hashed in one pass to a temporary name, fsynced, then renamed.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { blobPath, ensureStoreDirs, humanSize, tmpDir } from './paths';
import { holdBlob, inFlight, releaseBlob } from './sweep';
import { diskError } from '../backup/files';
import { evidenceKey } from './data-key';
import { Encryptor, storedSize } from './cipher';
import { hashBlob } from './read';

export interface StoreOptions {
  /** The name the user knows the file by, for messages only. */
  name: string;
  maxBytes: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((bytes: number) => void) | undefined;
  /** When known up front, a different byte count means the source changed mid-copy. */
  expectedSize?: number | undefined;
  /** Runs after the bytes are safely on disk and before they become visible; may refuse by throwing. */
  beforeCommit?: (() => Promise<void>) | undefined;
}

export interface StoredBlob {
  sha256: string;
  size: number;
  /** The first bytes, for telling the type. */
  head: Buffer;
  /** False when the store already held these bytes. */
  created: boolean;
}

const HEAD_BYTES = 512;

export function tooLarge(name: string, size: number, max: number): AppError {
  return new AppError(
    'too_large',
    `文件“${name}”${size > max ? `大小为 ${humanSize(size)},` : ''}超过了单个佐证材料 ${humanSize(max)} 的上限,未保存。请压缩或拆分后再添加,或请管理员调高上限。`,
  );
}

export function cancelledError(): AppError {
  return new AppError('cancelled', '操作已取消,未保存任何内容。');
}

/** Directory entries are durable only once the directory itself is synced (not possible on Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, 'r');
    await fh.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw e;
  } finally {
    await fh?.close();
  }
}

/**
 * How much one write() hands the kernel when a file is copied from memory. Measured on our PCs, 1 GiB written as 1 MiB
 * writes took 4.0 s, as 64 KiB ones 1.2–1.3 s, as 32 KiB ones 1.1 s: a small slice is still in the processor's cache
 * when the kernel copies it into the page cache, and when it was just hashed.
 */
const SLICE_BYTES = 32 * 1024;

/** `b` in slices of SLICE_BYTES, to hash and write one slice at a time. */
export function* slices(b: Buffer): Generator<Buffer> {
  for (let off = 0; off < b.length; off += SLICE_BYTES) yield b.subarray(off, Math.min(off + SLICE_BYTES, b.length));
}

/** Writes all of `b`, a slice per write() (see SLICE_BYTES). */
export function writeAllSync(fd: number, b: Buffer): void {
  for (let off = 0; off < b.length; ) off += fs.writeSync(fd, b, off, Math.min(SLICE_BYTES, b.length - off));
}

/**
 * Writes all of `chunk` through a file handle. Whole chunks, not SLICE_BYTES: each write is a trip to the thread pool,
 * and the bytes were not just hashed on that thread.
 */
export async function writeAll(fh: fsp.FileHandle, chunk: Buffer): Promise<void> {
  let off = 0;
  while (off < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
    off += bytesWritten;
  }
}

/** Up to this size a stored copy is re-hashed before it is trusted, so attaching the genuine file repairs a damaged one. */
const REHASH_LIMIT = 64 * 1024 * 1024;

export async function hashFile(file: string, signal?: AbortSignal, onBytes?: (n: number) => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    if (signal?.aborted) throw cancelledError();
    hash.update(chunk as Buffer);
    onBytes?.((chunk as Buffer).length);
  }
  return hash.digest('hex');
}

/**
 * Streams `source` into the store. The returned blob is held against clean-up until the caller
 * calls releaseBlob(sha256), after its row is written or abandoned. On any failure (too large, cancelled, source error) the
 * temporary file is removed and nothing becomes visible; on success the file is read-only at
 * <dataDir>/evidence/ab/<sha256>. Errors of the source pass through `mapSourceError`.
 */
export async function storeStream(
  dataDir: string,
  source: AsyncIterable<Buffer | Uint8Array>,
  o: StoreOptions,
  mapSourceError: (e: unknown) => unknown = (e) => e,
): Promise<StoredBlob> {
  ensureStoreDirs(dataDir);
  // An encrypted store writes only ciphertext: the plaintext never touches its disk, not even as a temporary.
  const dk = evidenceKey(dataDir);
  const enc = dk ? new Encryptor(dk) : null;
  const tmp = path.join(tmpDir(dataDir), `${process.pid}-${randomBytes(8).toString('hex')}.part`);
  inFlight.tmp.add(tmp);
  const fh = await fsp.open(tmp, 'wx', 0o600);
  let open = true;
  let committed = false;
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    try {
      for await (const raw of source) {
        if (o.signal?.aborted) throw cancelledError();
        const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
        size += chunk.length;
        if (size > o.maxBytes) throw tooLarge(o.name, o.expectedSize ?? size, o.maxBytes);
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        // The write runs on the thread pool while this thread hashes the same chunk.
        // A failed write is the store's disk, never the source file: said as such (a full disk named).
        const written = writeAll(fh, enc ? enc.push(chunk) : chunk).catch((e: unknown) => {
          throw diskError(e, dataDir, `保存“${o.name}”`);
        });
        hash.update(chunk);
        await written;
        o.onProgress?.(size);
      }
    } catch (e) {
      throw e instanceof AppError ? e : mapSourceError(e);
    }
    if (o.signal?.aborted) throw cancelledError();
    if (o.expectedSize !== undefined && size !== o.expectedSize) {
      throw new AppError('unreadable_file', `文件“${o.name}”在复制过程中发生了变化(被修改、移动或删除),未保存。请确认文件完整后重新添加。`);
    }
    try {
      if (enc) await writeAll(fh, enc.final());
      await fh.sync();
    } catch (e) {
      throw diskError(e, dataDir, `保存“${o.name}”`);
    }
    await fh.close();
    open = false;
    await o.beforeCommit?.();
    if (o.signal?.aborted) throw cancelledError();
    const sha256 = hash.digest('hex');
    const target = blobPath(dataDir, sha256);
    let created = false;
    // Held until the caller has written (or given up on) the row; see holdBlob.
    holdBlob(sha256);
    try {
      const existing = (await fsp.stat(target).catch(() => null))?.size ?? null;
      const expected = dk ? storedSize(size) : size;
      const intact = async () => (await hashBlob(target, dk).catch(() => '')) === sha256;
      if (existing === expected && (size > REHASH_LIMIT || (await intact()))) {
        await fsp.rm(tmp, { force: true });
        // Touching the status time keeps a clean-up in another process from taking the file meanwhile.
        await fsp.chmod(target, 0o400).catch(() => undefined);
      } else {
        // Missing, or damaged on disk: these bytes are the right ones, so they take its place.
        const dir = path.dirname(target);
        const newDir = !fs.existsSync(dir);
        await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
        await fsp.chmod(tmp, 0o400);
        if (existing !== null) await fsp.chmod(target, 0o644).catch(() => undefined);
        await fsp.rename(tmp, target);
        await fsyncDir(dir);
        if (newDir) await fsyncDir(path.dirname(dir));
        created = true;
      }
    } catch (e) {
      releaseBlob(sha256);
      throw e;
    }
    committed = true;
    return { sha256, size, head, created };
  } finally {
    if (open) await fh.close().catch(() => undefined);
    if (!committed) await fsp.rm(tmp, { force: true }).catch(() => undefined);
    inFlight.tmp.delete(tmp);
  }
}

function fileError(name: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new AppError('not_found', `找不到文件“${name}”,它可能已被移动或删除。请重新选择。`, String(e));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return new AppError('unreadable_file', `无法读取文件“${name}”:没有读取权限,或文件正被其他程序占用。请关闭占用它的程序或检查权限后重试。`, String(e));
  }
  if (code === 'EISDIR') return new AppError('validation', `“${name}”是文件夹,不是文件。请选择文件夹中的具体文件。`);
  return new AppError('unreadable_file', `读取文件“${name}”时出错,未保存。请确认文件所在的磁盘或U盘连接正常后重试。`, String(e));
}

/** Checks that a path names a readable regular file within the limit; returns its size. */
export async function checkSourceFile(filePath: string, maxBytes: number): Promise<number> {
  const name = path.basename(filePath) || filePath;
  let st: fs.Stats;
  try {
    st = await fsp.stat(filePath);
  } catch (e) {
    throw fileError(name, e);
  }
  if (st.isDirectory()) throw new AppError('validation', `“${name}”是文件夹,不是文件。请打开文件夹,选择其中的具体文件。`);
  if (!st.isFile()) throw new AppError('unsupported_file', `“${name}”不是普通文件(可能是设备或快捷方式),无法作为佐证材料。请选择实际的文件。`);
  if (st.size > maxBytes) throw tooLarge(name, st.size, maxBytes);
  try {
    await fsp.access(filePath, fs.constants.R_OK);
  } catch (e) {
    throw fileError(name, e);
  }
  return st.size;
}

/**
 * Copies a file on disk, already passed through checkSourceFile, into the store; a file that changes
 * or vanishes meanwhile is refused. The size is taken from the open handle, so the copy is held to the
 * file actually opened, not to the one checked.
 */
export async function storeFile(dataDir: string, filePath: string, o: Omit<StoreOptions, 'expectedSize' | 'beforeCommit'>): Promise<StoredBlob> {
  const { name } = o;
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(filePath, 'r');
  } catch (e) {
    throw fileError(name, e);
  }
  try {
    const before = await fh.stat();
    const size = before.size;
    if (size > o.maxBytes) throw tooLarge(name, size, o.maxBytes);
    const stream = fh.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false });
    return await storeStream(
      dataDir,
      stream,
      {
        ...o,
        expectedSize: size,
        beforeCommit: async () => {
          const now = await fsp.stat(filePath).catch(() => null);
          if (!now || now.ino !== before.ino || now.size !== size || now.mtimeMs !== before.mtimeMs) {
            throw new AppError('unreadable_file', `文件“${name}”在复制过程中被修改、移动或删除,未保存。请确认文件完整后重新添加。`);
          }
        },
      },
      (e) => fileError(name, e),
    );
  } finally {
    await fh.close().catch(() => undefined);
  }
}
