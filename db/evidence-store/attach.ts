// Attaching files to a record: every file stored first, then all rows in one transaction, or nothing at all.
import type { Db } from '../open';
import { AppError } from '../../shared/errors';
import { quarterLabelZh, quarterOfDate } from '../../shared/periods';
import type { AttachResult } from '../../shared/api/evidence';
import fs from 'node:fs';
import { emptyEvidenceError, getEvidence, insertEvidence, requireMeasure, requireReplaceable } from '../queries/evidence';
import { isUnused } from './check';
import { detectMime } from './mime';
import { maxEvidenceBytes, humanSize } from './paths';
import { holdBlob, releaseBlob, removeBlob } from './sweep';
import { blobPath } from './paths';
import { cancelledError, checkSourceFile, storeFile, storeStream, type StoredBlob } from './write';

export interface FileMeta {
  description?: string | undefined;
  docNumber?: string | undefined;
  docDate?: string | undefined;
}

export interface AttachTarget {
  measureId: string;
  periodId: string;
  userId: string;
  /** Per-file limit; FAZHI_MAX_EVIDENCE_BYTES or 4 GiB when absent. */
  maxBytes?: number | undefined;
  signal?: AbortSignal | undefined;
  /** The evidence id this file is a newer version of (one file only). */
  replaces?: string | undefined;
  onProgress?: ((fraction: number | null, step: string) => void) | undefined;
}

/** Keeps only the last path segment and drops control characters; the name is metadata, never a path. */
export function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return name || '未命名文件';
}

function warningsFor(blobs: { name: string; size: number; docDate?: string | undefined }[], periodId: string): string[] {
  const out: string[] = [];
  for (const b of blobs) {
    const q = b.docDate ? quarterOfDate(b.docDate) : null;
    if (q && q.id !== periodId) out.push(`“${b.name}”按成文日期计入${quarterLabelZh(q)},不计入当前季度。`);
  }
  return out;
}

/** Takes back files this attach created and no record uses, so a failed attach leaves no trace. */
async function undoBlobs(db: Db, dataDir: string, blobs: StoredBlob[]): Promise<void> {
  for (const b of blobs) {
    releaseBlob(b.sha256);
    if (b.created && isUnused(db, b.sha256)) await removeBlob(dataDir, b.sha256).catch(() => undefined);
  }
}

/** Attaches files on disk (file picker, drag and drop, command line). All are checked before any is copied. */
export async function attachPaths(db: Db, dataDir: string, t: AttachTarget, files: readonly ({ path: string } & FileMeta)[]): Promise<AttachResult> {
  requireMeasure(db, t.measureId);
  if (t.replaces) {
    requireReplaceable(db, t.replaces, t.measureId);
    if (files.length !== 1) throw new AppError('validation', '一次只能用一个文件替换一份佐证材料。请只选择一个文件。');
  }
  const max = maxEvidenceBytes(t.maxBytes);
  const sizes: number[] = [];
  // An empty file is refused when its row is written (the size read, not the one stat reports, counts).
  for (const f of files) sizes.push(await checkSourceFile(f.path, max));
  const total = sizes.reduce((a, b) => a + b, 0);
  const names = files.map((f) => cleanName(f.path));
  const stored: StoredBlob[] = [];
  let done = 0;
  try {
    for (const [i, f] of files.entries()) {
      const name = names[i]!;
      const step = `正在保存“${name}”(${i + 1}/${files.length},${humanSize(sizes[i]!)})`;
      t.onProgress?.(total ? done / total : null, step);
      const blob = await storeFile(dataDir, f.path, {
        name,
        maxBytes: max,
        signal: t.signal,
        onProgress: (n) => t.onProgress?.(total ? (done + n) / total : null, step),
      });
      stored.push(blob);
      done += blob.size;
    }
    if (t.signal?.aborted) throw cancelledError();
    const rows = files.map((f, i) => {
      const b = stored[i]!;
      return { ...f, measureId: t.measureId, periodId: t.periodId, name: names[i]!, sha256: b.sha256, size: b.size, mime: detectMime(names[i]!, b.head) };
    });
    const r = insertEvidence(db, rows, t.userId, t.replaces);
    for (const b of stored) releaseBlob(b.sha256);
    return { ...r, warnings: warningsFor(rows, t.periodId) };
  } catch (e) {
    await undoBlobs(db, dataDir, stored);
    throw e;
  }
}

/** Attaches one file arriving as a stream (the loopback host's upload); an interrupted stream stores nothing. */
export async function attachStream(
  db: Db,
  dataDir: string,
  t: AttachTarget & { expectedSize?: number | undefined },
  source: AsyncIterable<Buffer | Uint8Array>,
  meta: { name: string } & FileMeta,
): Promise<AttachResult> {
  requireMeasure(db, t.measureId);
  if (t.replaces) requireReplaceable(db, t.replaces, t.measureId);
  const name = cleanName(meta.name);
  if (t.expectedSize === 0) throw emptyEvidenceError(name);
  const max = maxEvidenceBytes(t.maxBytes);
  const blob = await storeStream(
    dataDir,
    source,
    { name, maxBytes: max, signal: t.signal, expectedSize: t.expectedSize, onProgress: (n) => t.onProgress?.(t.expectedSize ? n / t.expectedSize : null, name) },
    (e) => new AppError('cancelled', `上传“${name}”时连接中断,未保存任何内容。`, String(e)),
  );
  try {
    const row = { ...meta, measureId: t.measureId, periodId: t.periodId, name, sha256: blob.sha256, size: blob.size, mime: detectMime(name, blob.head) };
    const r = insertEvidence(db, [row], t.userId, t.replaces);
    releaseBlob(blob.sha256);
    return { ...r, warnings: warningsFor([row], t.periodId) };
  } catch (e) {
    await undoBlobs(db, dataDir, [blob]);
    throw e;
  }
}

/**
 * Attaches a file already in the store to another record: no bytes copied, the new row names the same
 * hash and carries what the clerk said about the file. Refused when the stored bytes are gone.
 */
export function reuseEvidence(db: Db, dataDir: string, t: { measureId: string; periodId: string; userId: string }, sourceId: string): AttachResult {
  requireMeasure(db, t.measureId);
  const src = getEvidence(db, sourceId);
  if (!fs.existsSync(blobPath(dataDir, src.sha256))) {
    throw new AppError('not_found', `本机存储中缺少“${src.name}”的文件,无法引用。请在“佐证材料”中运行完整性检查,或重新添加该文件。`, `missing blob ${src.sha256}`);
  }
  // Held so a clean-up running meanwhile cannot take the bytes before the row names them.
  holdBlob(src.sha256);
  try {
    const row = {
      measureId: t.measureId,
      periodId: t.periodId,
      sha256: src.sha256,
      name: src.name,
      size: src.size,
      mime: src.mime,
      description: src.description,
      docNumber: src.docNumber ?? undefined,
      docDate: src.docDate ?? undefined,
    };
    const r = insertEvidence(db, [row], t.userId);
    return { ...r, warnings: warningsFor([row], t.periodId) };
  } finally {
    releaseBlob(src.sha256);
  }
}
