// Rotation of a backup folder: drops backups the policy does not keep, then evidence no remaining backup refers to.
import fs from 'node:fs';
import path from 'node:path';
import { backupsToKeep, DEFAULT_ROTATION, type RotationPolicy } from '../../shared/backup/rotation';
import { listBlobs, removeBlob, sweepTmp } from '../evidence-store/sweep';
import { fsyncDirSync } from './files';
import { lockFolder, MANIFEST, readManifests, sweepPartial } from './folder';

export interface RotationReport {
  removedBackups: string[];
  removedFiles: number;
  freedBytes: number;
}

/** Call with the folder locked. A backup goes by losing its manifest first, so a crash midway leaves a folder the next sweep removes. */
export async function rotate(root: string, now: Date, policy: RotationPolicy = DEFAULT_ROTATION): Promise<RotationReport> {
  const all = readManifests(root);
  const keep = backupsToKeep(all, now, policy);
  const report: RotationReport = { removedBackups: [], removedFiles: 0, freedBytes: 0 };
  for (const m of all) {
    if (keep.has(m.name)) continue;
    fs.rmSync(path.join(root, m.name, MANIFEST), { force: true });
    fsyncDirSync(path.join(root, m.name));
    fs.rmSync(path.join(root, m.name), { recursive: true, force: true });
    report.removedBackups.push(m.name);
  }
  if (report.removedBackups.length === 0) return report;
  Object.assign(report, await removeUnreferenced(root));
  return report;
}

/** Evidence in the folder that no complete backup refers to. */
async function removeUnreferenced(root: string): Promise<{ removedFiles: number; freedBytes: number }> {
  const used = new Set<string>();
  for (const m of readManifests(root)) for (const [sha] of m.evidence) used.add(sha);
  const out = { removedFiles: 0, freedBytes: 0 };
  for (const b of await listBlobs(root)) {
    if (used.has(b.sha256)) continue;
    await removeBlob(root, b.sha256);
    out.removedFiles++;
    out.freedBytes += b.size;
  }
  return out;
}

/** Call with the folder locked: removes what a backup cut short left (its folder, temporaries, the evidence it had copied). */
export async function sweepFolder(root: string): Promise<number> {
  const partial = sweepPartial(root);
  const tmp = sweepTmp(root);
  if (partial > 0 || tmp > 0) await removeUnreferenced(root);
  return partial + tmp;
}

/** The start-up sweep of the backup folder; skipped when it is not there or another process is using it. */
export async function sweepBackupFolder(root: string): Promise<number> {
  if (!fs.existsSync(root)) return 0;
  let unlock: () => void;
  try {
    unlock = lockFolder(root);
  } catch {
    return 0;
  }
  try {
    return await sweepFolder(root);
  } finally {
    unlock();
  }
}
