// Worker thread body, while the importing thread checks and merges the operations: copies the package's evidence files
// to temporary files in the store, checking every byte against the file's name (its SHA-256), and once all are good
// renames them into place.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { Encryptor } from '../../../db/evidence-store/cipher';
import { UnbufferedFile } from '../../../db/evidence-store/unbuffered';
import { cancelledError, fsyncDir, slices, writeAllSync } from '../../../db/evidence-store/write';
import { damaged } from './crypto';
import type { BlobJob, EvidenceCopyRequest } from './evidence-copy-protocol';
import { CANCEL, DONE, KIB_COPIED, endFailed, endWork, words } from './worker-state';

const req = workerData as EvidenceCopyRequest;
const state = words(req.shared);
const key = req.key ? { key: Buffer.from(req.key.key), id: Buffer.from(req.key.id) } : null;
// Syncs of written files run on the thread pool while the next file is copied; a bounded number at a time.
const MAX_PENDING_SYNCS = 8;

function fsyncAndClose(fd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.fsync(fd, (syncErr) => fs.close(fd, (closeErr) => (syncErr || closeErr ? reject(syncErr ?? closeErr) : resolve())));
  });
}

function copyOne(parts: Database.Statement, job: BlobJob, counted: { bytes: number }): number {
  // Past the page cache where the system allows it (see unbuffered.ts): every file is synced before it is placed anyway.
  const direct = req.unbuffered ? UnbufferedFile.open(job.tmp, 0o600) : null;
  const fd = direct?.fd ?? fs.openSync(job.tmp, 'wx', 0o600);
  const put = direct ? (b: Buffer) => direct.push(b) : (b: Buffer) => writeAllSync(fd, b);
  try {
    const hash = createHash('sha256');
    const enc = key ? new Encryptor(key) : null;
    let size = 0;
    let expect = 0;
    for (const r of parts.iterate(job.sha256) as Iterable<{ part: number; data: Buffer }>) {
      if (Atomics.load(state, CANCEL)) throw cancelledError();
      if (r.part !== expect++) throw damaged(`blob ${job.sha256} missing a piece`);
      for (const slice of slices(r.data)) {
        hash.update(slice);
        put(enc ? enc.push(slice) : slice);
      }
      size += r.data.length;
      counted.bytes += r.data.length;
      Atomics.store(state, KIB_COPIED, Math.floor(counted.bytes / 1024));
    }
    if (size !== job.size || hash.digest('hex') !== job.sha256) throw damaged(`blob ${job.sha256}`);
    if (enc) put(enc.final());
    direct?.end();
    return fd;
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

async function main(): Promise<void> {
  // Read-only and without memory mapping: a stick pulled out mid-read must give an error, not kill the process.
  const db = new Database(req.packageFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('cache_size = -16384');
    const parts = db.prepare('SELECT part, data FROM blobs WHERE sha256 = ? ORDER BY part');
    const counted = { bytes: 0 };
    const syncs: Promise<void>[] = [];
    for (const job of req.jobs) {
      const synced = fsyncAndClose(copyOne(parts, job, counted));
      // Awaited below; until then a failure must not count as unhandled.
      synced.catch(() => undefined);
      syncs.push(synced);
      if (syncs.length >= MAX_PENDING_SYNCS) await syncs.shift();
    }
    await Promise.all(syncs);
  } finally {
    db.close();
  }
  await place();
}

/**
 * Renames every copied file into the store, then syncs the folders that received them, all at once on the thread pool:
 * one by one, a folder sync per hash prefix would cost a disk flush each. Done here, while the importing thread is still
 * merging; the files stay unreferenced (and held against clean-up) until its transaction commits, which the importing
 * thread undoes when it does not.
 */
async function place(): Promise<void> {
  const dirs = new Set<string>();
  for (const j of req.jobs) {
    if (Atomics.load(state, CANCEL)) throw cancelledError();
    fs.mkdirSync(path.dirname(j.target), { recursive: true });
    fs.chmodSync(j.tmp, 0o444);
    if (fs.existsSync(j.target)) fs.chmodSync(j.target, 0o644);
    fs.renameSync(j.tmp, j.target);
    dirs.add(path.dirname(j.target));
  }
  await Promise.all([...dirs].map(fsyncDir));
  if (dirs.size) await fsyncDir(path.dirname([...dirs][0]!));
}

main().then(
  () => endWork(state, DONE),
  (e: unknown) => {
    endFailed(req.shared, e);
  },
);
