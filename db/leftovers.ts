// Start-up housekeeping of the data folder: its modes (user only) and the temporaries of work a crash cut short.
import fs from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes `*.part` files at the top of the data folder (a restore or a settings file cut short) whose
 * writer is gone: the pid is part of every such name, so a command running beside the app never loses its own.
 */
export function sweepLeftovers(dataDir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return removed;
  }
  for (const n of names) {
    if (!/\.part(\.tmp)?$/.test(n)) continue;
    const pid = Number(/(?:restore-|\.)(\d+)(?:-[0-9a-f]+)?\.part/.exec(n)?.[1] ?? NaN);
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue;
    if (pid === process.pid) continue;
    try {
      fs.rmSync(path.join(dataDir, n), { force: true, recursive: true });
      removed.push(n);
    } catch {
      // Locked on Windows by a dying process: the next start takes it.
    }
  }
  return removed;
}

/** Data folder readable by the user only (0700; files 0600). No effect on Windows, where the local profile's ACLs apply. */
export function restrictModes(dataDir: string, files: readonly string[]): void {
  if (process.platform === 'win32') return;
  try {
    fs.chmodSync(dataDir, 0o700);
    for (const f of files) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  } catch {
    // A folder owned by someone else (a shared drive): its owner's modes stand.
  }
}
