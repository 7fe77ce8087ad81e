// Paths the user chose in this app's window (picked or dropped): the only paths a call may name, so a page cannot ask for any file on disk.
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** A choice is good for a while, enough to fill in the fields and press 添加. */
const TTL_MS = 2 * 60 * 60 * 1000;
const MAX = 5000;

const granted = new Map<string, number>();

function key(p: string): string {
  const abs = path.resolve(p);
  return process.platform === 'win32' ? abs.toLowerCase() : abs;
}

/**
 * Records a path the user chose. Called only by the Electron main process, for paths that came from
 * webUtils.getPathForFile on a real File (a pick or a drop) in the preload, or from its own open dialog.
 */
export function grantPath(p: string, now = Date.now()): void {
  if (!p || typeof p !== 'string') return;
  if (granted.size >= MAX) {
    for (const [k, at] of granted) if (now - at > TTL_MS || granted.size >= MAX) granted.delete(k);
  }
  granted.set(key(p), now);
}

/** Throws 'forbidden' unless every path was chosen by the user in this run (the browser host never grants any: it takes uploads). */
export function requireGranted(paths: readonly string[], now = Date.now()): void {
  for (const p of paths) {
    const at = granted.get(key(p));
    if (at === undefined || now - at > TTL_MS) {
      throw new AppError('forbidden', '只能添加您在本窗口中选择或拖入的文件。请点击“选择文件”或把文件拖到窗口中再添加。', `path not chosen by the user: ${p}`);
    }
  }
}

/** For tests. */
export function clearGrants(): void {
  granted.clear();
}
