// Backups and restore of one PC's store; the local state of this PC, never exchanged with other replicas.
export { createBackup, type CreateOptions } from './create';
export { listBackups } from './list';
export { verifyBackup, integrityOf } from './verify';
export { restoreBackup, RESTORE_PART } from './restore';
export { rotate, sweepBackupFolder } from './rotate';
export { backupFolder, defaultBackupFolder, readSettings, writeSettings, readManifests } from './folder';
export { backupBeforeMigration, dailyBackup } from './automatic';
