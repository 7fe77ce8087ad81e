// Calls of backups and restore (备份与恢复): list, create, verify and restore as jobs, choose the folder.
import { z } from 'zod';
import { call } from './define';
import type { JobStatus } from './jobs';

export const BACKUP_REASONS = ['manual', 'daily', 'import', 'merge', 'migration', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A backup's name is its folder's name: 20261201-053000-manual, with -2, -3 … on a clash. */
export const backupName = z.string().regex(/^\d{8}-\d{6}-[a-z]+(-\d+)?$/, '备份名称应形如 20261201-053000-manual');

export interface BackupInfo {
  name: string;
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  measures: number;
  evidenceFiles: number;
  dbBytes: number;
  /** Bytes of every evidence file the backup refers to (shared with other backups). */
  evidenceBytes: number;
  /** Bytes this backup added to the folder (its database and the evidence no earlier backup had). */
  addedBytes: number;
  /** Evidence files the store referred to but did not have when the backup was taken. */
  missingFiles: number;
}

export interface BackupListing {
  folder: string;
  /** True when the folder is the one chosen by the user rather than the default. */
  chosen: boolean;
  /** Bytes on disk of everything in the folder, shared evidence counted once. */
  totalBytes: number;
  /** The folder could not be read (a USB disk not plugged in): the reason, in Chinese. */
  unavailable: string | null;
  backups: BackupInfo[];
}

export interface BackupVerifyReport {
  name: string;
  ok: boolean;
  integrity: string;
  checkedFiles: number;
  checkedBytes: number;
  problems: { what: 'database' | 'manifest' | 'missing' | 'changed'; sha256?: string; detail: string }[];
}

export interface RestoreResult {
  restored: string;
  /** The backup of the store as it was just before, taken by the restore. */
  safetyBackup: string;
}

export const backupCalls = {
  'backup.list': call<BackupListing>()(z.object({}).strict()),
  'backup.create': call<JobStatus>()(z.object({}).strict()),
  'backup.verify': call<JobStatus>()(z.object({ name: backupName }).strict()),
  'backup.restore': call<JobStatus>()(z.object({ name: backupName }).strict()),
  'backup.setFolder': call<BackupListing>()(z.object({ folder: z.string().trim().min(1).max(4000).nullable() }).strict()),
};
