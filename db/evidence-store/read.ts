// Reading stored evidence as plaintext, whether the store keeps it encrypted or not; streamed, never whole in memory.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { DataKey } from './data-key';
import { decryptChunks, decryptChunksSync, encryptedChunkOf, plainSize, damagedFile } from './cipher';
import { cancelledError } from './write';

/**
 * With a data key, a file carrying the encrypted header is decrypted and any other is read as it is (left by an
 * encryption cut short); without one, every file is read as it is, so a plaintext store never guesses at formats.
 */
function encrypted(file: string, dk: DataKey | null): boolean {
  return dk !== null && encryptedChunkOf(file) !== null;
}

export function blobChunks(file: string, dk: DataKey | null): AsyncIterable<Buffer> {
  if (encrypted(file, dk)) return decryptChunks(file, dk!);
  return fs.createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
}

export function* blobChunksSync(file: string, dk: DataKey | null, buf: Buffer = Buffer.alloc(1024 * 1024)): Generator<Buffer> {
  if (encrypted(file, dk)) return yield* decryptChunksSync(file, dk!);
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The plaintext size of a stored file, from its size on disk (no decryption needed); null when missing. */
export function blobSize(file: string, dk: DataKey | null): number | null {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st?.isFile()) return null;
  const chunk = dk ? encryptedChunkOf(file) : null;
  if (chunk === null) return st.size;
  const plain = plainSize(st.size, chunk);
  if (plain === null) throw damagedFile('size fits no layout');
  return plain;
}

/** SHA-256 of the plaintext: a file that fails authentication throws (the caller counts it as changed). */
export async function hashBlob(file: string, dk: DataKey | null, signal?: AbortSignal, onBytes?: (n: number) => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of blobChunks(file, dk)) {
    if (signal?.aborted) throw cancelledError();
    hash.update(chunk);
    onBytes?.(chunk.length);
  }
  return hash.digest('hex');
}

/** A small stored file whole (photos put into a feedback document). */
export async function readBlob(file: string, dk: DataKey | null): Promise<Buffer> {
  if (!encrypted(file, dk)) return fsp.readFile(file);
  const parts: Buffer[] = [];
  for await (const c of decryptChunks(file, dk!)) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}
