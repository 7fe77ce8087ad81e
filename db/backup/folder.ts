// The backup folder: where it is (default or the user's choice), its lock, its backups' manifests and names.
// Backups are the local state of one PC, not shared ledger data: nothing here is recorded as an exchange operation.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../shared/api/backup';
import { writeFileAtomic } from './files';

const SETTINGS_FILE = 'backup-settings.json';
export const MANIFEST = 'manifest.json';
export const SNAPSHOT = 'ledger.sqlite';
const LOCK = '.lock';

export interface BackupSettings {
  /** The folder chosen by the user (another drive, a network share); null means the default. */
  folder: string | null;
}

export function defaultBackupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function readSettings(dataDir: string): BackupSettings {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, SETTINGS_FILE), 'utf8')) as { folder?: unknown };
    return { folder: typeof raw.folder === 'string' && raw.folder ? raw.folder : null };
  } catch {
    return { folder: null };
  }
}

export function writeSettings(dataDir: string, s: BackupSettings): void {
  writeFileAtomic(path.join(dataDir, SETTINGS_FILE), JSON.stringify(s, null, 2));
}

/** `--to DIR` wins, then the folder chosen on the screen, then <dataDir>/backups. */
export function backupFolder(dataDir: string, override?: string): string {
  return path.resolve(override ?? readSettings(dataDir).folder ?? defaultBackupFolder(dataDir));
}

export interface Manifest extends BackupInfo {
  format: 1;
  appVersion: string;
  db: { file: string; size: number; sha256: string };
  /** Every evidence file the snapshot refers to, by hash, with its size. */
  evidence: [string, number][];
  missing: string[];
  /** Made from an encrypted store: the snapshot opens only with the passphrase the store had then. */
  encrypted?: boolean;
}

/** What the list shows of a manifest. */
export function toInfo(m: Manifest): BackupInfo {
  return {
    name: m.name,
    createdAt: m.createdAt,
    reason: m.reason,
    schemaVersion: m.schemaVersion,
    measures: m.measures,
    evidenceFiles: m.evidenceFiles,
    dbBytes: m.dbBytes,
    evidenceBytes: m.evidenceBytes,
    addedBytes: m.addedBytes,
    missingFiles: m.missingFiles,
  };
}

export function readManifest(root: string, name: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(root, name, MANIFEST), 'utf8')) as Manifest;
    return m.format === 1 && m.name === name && BACKUP_REASONS.includes(m.reason) ? m : null;
  } catch {
    return null;
  }
}

const NAME = /^\d{8}-\d{6}-[a-z]+(-\d+)?$/;

/** Complete backups (a manifest was written last, so a folder without one is not a backup), newest first. */
export function readManifests(root: string): Manifest[] {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .filter((n) => NAME.test(n))
    .map((n) => readManifest(root, n))
    .filter((m): m is Manifest => m !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A name not yet taken in the folder, from the local time: 20261201-053000-manual. */
export function newBackupName(root: string, reason: BackupReason, at: Date): string {
  const base = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${reason}`;
  let name = base;
  for (let i = 2; fs.existsSync(path.join(root, name)) || fs.existsSync(path.join(root, `.${name}.part`)); i++) name = `${base}-${i}`;
  return name;
}

export function notFound(name: string): AppError {
  return new AppError('not_found', `找不到备份“${name}”。请用“备份列表”查看现有备份的名称。`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder's lock for work that adds or removes backups, so that the app and a command run at
 * the same time never remove evidence the other is about to refer to. A lock of a dead process is taken over.
 */
export function lockFolder(root: string): () => void {
  const file = path.join(root, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      // Our own pid means another backup of this process holds it: callers queue their work (see services/backup).
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) break;
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('conflict', `备份文件夹“${root}”正被另一个法治台账进程使用(正在备份或整理)。请稍候再试。`);
}

/** Folders of backups cut short (a crash, a full disk): never listed, removed when the lock is next taken. */
export function sweepPartial(root: string): number {
  let removed = 0;
  for (const n of fs.readdirSync(root)) {
    if (!(n.startsWith('.') && n.endsWith('.part')) && !(NAME.test(n) && !fs.existsSync(path.join(root, n, MANIFEST)))) continue;
    fs.rmSync(path.join(root, n), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
