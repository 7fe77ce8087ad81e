// Messages between an export and the worker thread writing its package file.
import type { ErrorCode } from '../../../shared/errors';
import type { Manifest } from './manifest';
import type { OpsPart } from './ops-file';

export interface WriterRequest {
  /** The package file to write (a temporary name; the export renames it). */
  file: string;
  /** Evidence files to carry: their hash and the stored file to read. */
  blobs: { sha256: string; path: string }[];
  /** The data key of an encrypted store: files are decrypted as they are read (packages carry plaintext). */
  key: { key: Uint8Array; id: Uint8Array } | null;
}

export type ToWriter = { type: 'ops'; part: OpsPart; snapshot: string | null } | { type: 'finish'; manifest: Manifest } | { type: 'cancel' };

export type FromWriter =
  | { type: 'bytes'; n: number }
  | { type: 'ready'; opsPart: { sha256: string; count: number }; blobs: { sha256: string; size: number }[]; snapshot: { sha256: string; size: number } | null }
  | { type: 'finished' }
  | { type: 'error'; code: ErrorCode; message: string; detail: string };
