// Where the evidence store keeps its files: <dataDir>/evidence/ab/abcdef… named by SHA-256, temporaries in tmp/.
import { formatSize } from '../../shared/sizes';
import fs from 'node:fs';
import path from 'node:path';

/** Four gibibytes: past any scan or video a clerk would attach as one piece of evidence. */
export const DEFAULT_MAX_EVIDENCE_BYTES = 4 * 1024 ** 3;

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(s: string): boolean {
  return SHA256.test(s);
}

export function evidenceRoot(dataDir: string): string {
  return path.join(dataDir, 'evidence');
}

export function tmpDir(dataDir: string): string {
  return path.join(evidenceRoot(dataDir), 'tmp');
}

/** The stored file of a hash; refuses anything that is not a lowercase 64-hex SHA-256. */
export function blobPath(dataDir: string, sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return path.join(evidenceRoot(dataDir), sha256.slice(0, 2), sha256);
}

export function ensureStoreDirs(dataDir: string): void {
  fs.mkdirSync(tmpDir(dataDir), { recursive: true, mode: 0o700 });
}

/** The per-file limit: the option when given, else FAZHI_MAX_EVIDENCE_BYTES, else 4 GiB. */
export function maxEvidenceBytes(option?: number, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined && Number.isFinite(option) && option >= 0) return Math.floor(option);
  const raw = env.FAZHI_MAX_EVIDENCE_BYTES?.trim();
  if (raw && /^\d+$/.test(raw)) return Number(raw);
  return DEFAULT_MAX_EVIDENCE_BYTES;
}

/** Sizes in messages a clerk reads ("字节" for small ones). */
export function humanSize(bytes: number): string {
  return formatSize(bytes, '字节');
}
