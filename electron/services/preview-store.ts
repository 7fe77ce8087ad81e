// Import previews waiting for the clerk's commit: kept as files in the data folder, few and bounded, never piled up in memory.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { ParsedOutline } from '../../shared/outline/types';
import type { ReadDocument } from './readers/index';
import { writeFileAtomic } from './reports/atomic';

export interface PendingImport {
  source: Omit<ReadDocument, 'text'>;
  outline: ParsedOutline;
  createdAt: number;
}

export const PREVIEW_LIMITS = {
  /** Previews not committed within an hour are dropped. */
  ttlMs: 60 * 60 * 1000,
  /** Only the newest few are kept: a clerk compares two or three files, not dozens. */
  maxCount: 4,
  /** Bytes of one stored preview (its JSON). */
  maxBytes: 64 * 1024 * 1024,
};

const TOKEN = /^[0-9A-Za-z_-]{8,64}$/;
const EXPIRED = '导入预览已过期。请重新选择文件。';

export interface PreviewStore {
  put(p: Omit<PendingImport, 'createdAt'>): Promise<string>;
  /** The preview, or a 'not_found' AppError when it expired or never existed. */
  get(token: string): Promise<PendingImport>;
  delete(token: string): Promise<void>;
  /** Drops every preview (after a restore they describe another store). */
  clear(): Promise<void>;
}

export function createPreviewStore(dataDir: string): PreviewStore {
  const dir = path.join(dataDir, 'previews');
  const fileOf = (token: string) => {
    if (!TOKEN.test(token)) throw new AppError('not_found', EXPIRED, 'malformed preview token');
    return path.join(dir, `${token}.json`);
  };

  async function sweep(keep: number): Promise<void> {
    let names: string[];
    try {
      names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json'));
    } catch {
      return;
    }
    const now = Date.now();
    const entries = await Promise.all(
      names.map(async (n) => {
        const st = await fs.stat(path.join(dir, n)).catch(() => null);
        return { n, at: st?.mtimeMs ?? 0 };
      }),
    );
    entries.sort((a, b) => b.at - a.at);
    await Promise.all(entries.filter((e, i) => i >= keep || now - e.at > PREVIEW_LIMITS.ttlMs).map((e) => fs.rm(path.join(dir, e.n), { force: true })));
  }

  return {
    async put(p) {
      const json = Buffer.from(JSON.stringify({ ...p, createdAt: Date.now() }));
      if (json.length > PREVIEW_LIMITS.maxBytes) {
        throw new AppError('too_large', '该文件识别出的内容过多,无法生成导入预览。请确认选择的是实施方案正文,或把方案拆分成几个文件分别导入。', `preview ${json.length} B`);
      }
      await sweep(PREVIEW_LIMITS.maxCount - 1);
      const token = newId();
      await writeFileAtomic(fileOf(token), json);
      return token;
    },
    async get(token) {
      let raw: string;
      try {
        raw = await fs.readFile(fileOf(token), 'utf8');
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('not_found', EXPIRED, `preview ${token}: ${(e as Error).message}`);
      }
      const p = JSON.parse(raw) as PendingImport;
      if (Date.now() - p.createdAt > PREVIEW_LIMITS.ttlMs) {
        await fs.rm(fileOf(token), { force: true });
        throw new AppError('not_found', EXPIRED);
      }
      return p;
    },
    async delete(token) {
      await fs.rm(fileOf(token), { force: true });
    },
    async clear() {
      await sweep(0);
    },
  };
}
