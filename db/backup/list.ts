// The listing the 备份与恢复 screen and `backup list` show: each backup with its size, and the folder's total.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupListing } from '../../shared/api/backup';
import { listBlobs } from '../evidence-store/sweep';
import { backupFolder, readManifests, readSettings, toInfo } from './folder';

export async function listBackups(dataDir: string, override?: string): Promise<BackupListing> {
  const folder = backupFolder(dataDir, override);
  const chosen = override !== undefined || readSettings(dataDir).folder !== null;
  const listing: BackupListing = { folder, chosen, totalBytes: 0, unavailable: null, backups: [] };
  if (!fs.existsSync(folder)) {
    // The default folder appears with the first backup; a chosen one missing means its drive is not connected.
    if (chosen && !fs.existsSync(path.dirname(folder))) listing.unavailable = `备份文件夹“${folder}”无法访问(U盘或网络盘可能未连接)。`;
    return listing;
  }
  try {
    const manifests = readManifests(folder);
    listing.backups = manifests.map(toInfo);
    listing.totalBytes = manifests.reduce((s, m) => s + m.dbBytes, 0) + (await listBlobs(folder)).reduce((s, b) => s + b.size, 0);
  } catch (e) {
    listing.unavailable = `无法读取备份文件夹“${folder}”:${(e as NodeJS.ErrnoException).code ?? String(e)}。请检查该文件夹的权限或磁盘连接。`;
  }
  return listing;
}
