// Shared set-up of the evidence tests: a store on disk with one imported plan and a clerk.
import fs from 'node:fs';
import path from 'node:path';
import { openStore, type Db } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { createUser } from '../../../db/queries/users';
import { listMeasures } from '../../../db/queries/measures';
import { sampleDocument } from '../../helpers/sample-doc';
import { removeDir } from '../../helpers/temp';

export interface Ledger {
  db: Db;
  userId: string;
  measureIds: string[];
}

export function seedLedger(dataDir: string): Ledger {
  const db = openStore(dataDir);
  const userId = createUser(db, { name: '张三', role: 'clerk', departmentId: null }).id;
  importDocument(db, sampleDocument(), { fileName: '方案.docx', sha256: 'a'.repeat(64), format: 'docx', documentIndex: 0 }, userId);
  const measureIds = listMeasures(db, { periodId: '2024-Q3' }).map((m) => m.id);
  return { db, userId, measureIds };
}

/** A file of `size` bytes whose content depends on `seed`, written in 1 MiB blocks without holding it whole. */
export function writeFileOfSize(file: string, size: number, seed = 1): void {
  const block = Buffer.alloc(Math.min(size, 1024 * 1024));
  for (let i = 0; i < block.length; i++) block[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  const fd = fs.openSync(file, 'w');
  try {
    let left = size;
    let n = 0;
    while (left > 0) {
      const len = Math.min(left, block.length);
      block.writeUInt32LE(n++ ^ seed, 0);
      fs.writeSync(fd, block, 0, len);
      left -= len;
    }
  } finally {
    fs.closeSync(fd);
  }
}

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Stored files are read-only (and Windows will not delete those): make the tree writable, then remove it. */
export function removeStoreDir(dir: string): void {
  for (const f of filesUnder(dir)) fs.chmodSync(f, 0o644);
  removeDir(dir);
}
