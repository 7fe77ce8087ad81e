// Exported report files on the loopback host: <dataDir>/exports/<export id>/<file name>, found again by id only.
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../../shared/ids';

export const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

export function newExport(dataDir: string, fileName: string): { exportId: string; path: string } {
  const exportId = newId();
  return { exportId, path: path.join(exportsDir(dataDir), exportId, safeFileName(fileName)) };
}

/** A file name that is one path segment on Windows and Linux alike. */
export function safeFileName(name: string): string {
  const clean = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim();
  return clean.slice(0, 180) || 'report';
}

/** The finished file of an export, or null (unknown id, or nothing finished there yet). */
export function findExport(dataDir: string, exportId: string): { path: string; fileName: string; size: number } | null {
  if (!EXPORT_ID.test(exportId)) return null;
  const dir = path.join(exportsDir(dataDir), exportId);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => !n.startsWith('.'));
  } catch {
    return null;
  }
  const fileName = names[0];
  if (names.length !== 1 || !fileName) return null;
  const file = path.join(dir, fileName);
  const st = fs.statSync(file);
  return st.isFile() ? { path: file, fileName, size: st.size } : null;
}

/** Downloads are copies: export folders older than `maxAgeMs` (and leftovers of a crash) are removed. */
export function sweepExports(dataDir: string, maxAgeMs = 7 * 24 * 3600 * 1000, now = Date.now()): number {
  const root = exportsDir(dataDir);
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!EXPORT_ID.test(name)) continue;
    const dir = path.join(root, name);
    try {
      if (now - fs.statSync(dir).mtimeMs > maxAgeMs) {
        fs.rmSync(dir, { recursive: true, force: true });
        removed++;
      }
    } catch {
      /* Another export may be removing it at the same moment. */
    }
  }
  return removed;
}
