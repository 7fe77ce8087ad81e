// Where the exchange screen's files live on the loopback host: uploaded packages in <data>/exchange/in/<id>.fzpkg.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'exchange', 'in');
}

export function uploadPath(dataDir: string, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new AppError('validation', '上传编号不对。请重新选择文件。');
  return path.join(uploadsDir(dataDir), `${uploadId}.fzpkg`);
}

/** The file a call names: an upload of this host, or a path the Electron shell passed. */
export function sourceFile(dataDir: string, s: { uploadId?: string | undefined; path?: string | undefined }): string {
  const file = s.uploadId ? uploadPath(dataDir, s.uploadId) : path.resolve(s.path ?? '');
  if (!fs.existsSync(file)) throw new AppError('not_found', '找不到所选的交换包文件,它可能已被移走或上传已过期。请重新选择。');
  return file;
}

/** Uploads are copies of files the clerk still has: a day later they go. */
export function sweepUploads(dataDir: string, now = Date.now()): void {
  const dir = uploadsDir(dataDir);
  for (const n of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const f = path.join(dir, n);
    try {
      if (now - fs.statSync(f).mtimeMs > 24 * 3600 * 1000) fs.rmSync(f, { force: true });
    } catch {
      /* Gone meanwhile. */
    }
  }
}
