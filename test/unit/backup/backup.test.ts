import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeStore, openStore, storePath } from '../../../db/open';
import { attachPaths, blobPath } from '../../../db/evidence-store/index';
import { removeEvidence, listEvidence } from '../../../db/queries/evidence';
import { setProgress } from '../../../db/queries/progress';
import {
  backupBeforeMigration,
  backupFolder,
  createBackup,
  dailyBackup,
  listBackups,
  readManifests,
  restoreBackup,
  rotate,
  verifyBackup,
  writeSettings,
} from '../../../db/backup/index';
import { backupsToKeep } from '../../../shared/backup/rotation';
import { identity } from '../../../db/sync/identity';
import { latestVersion } from '../../../db/migrate';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp';
import { writeFileOfSize, type Ledger } from '../evidence/helpers';
import { everyEvidenceHashOk, filesUnder, logicalContent, mode, removeStoreDir, seedWithEvidence } from './helpers';

const figures = { backupsVerified: 0, restoresRoundTripped: 0, evidenceHashesChecked: 0, damagedBackupsCaught: 0 };
afterAll(() => console.log(`backup figures ${JSON.stringify(figures)}`));

let dir: string;
let data: string;
let l: Ledger;
beforeEach(async () => {
  dir = tempDir('fazhi-bk-');
  data = path.join(dir, 'data');
  l = await seedWithEvidence(data, path.join(dir, 'src'));
});
afterEach(() => {
  closeStore(l.db);
  removeStoreDir(dir);
});

describe('creating a backup', () => {
  it('snapshots the store and its evidence, verifies, and copies evidence only once', async () => {
    const first = await createBackup(l.db, data, { reason: 'manual' });
    const root = backupFolder(data);
    expect(first.measures).toBe(l.measureIds.length);
    expect(first.evidenceFiles).toBe(4);
    expect(first.addedBytes).toBe(first.dbBytes + first.evidenceBytes);
    const v = await verifyBackup(root, first.name);
    expect(v).toMatchObject({ ok: true, integrity: 'ok', checkedFiles: 4 });
    figures.backupsVerified++;
    const second = await createBackup(l.db, data, { reason: 'manual' });
    expect(second.name).not.toBe(first.name);
    // Incremental: the second backup adds its database only, the evidence is already there.
    expect(second.addedBytes).toBe(second.dbBytes);
    expect((await verifyBackup(root, second.name)).ok).toBe(true);
    figures.backupsVerified++;
    const listing = await listBackups(data);
    expect(listing.backups.map((b) => b.name)).toEqual([second.name, first.name]);
    expect(listing.totalBytes).toBe(first.dbBytes + second.dbBytes + first.evidenceBytes);
    // Readable by the user only.
    expect(mode(root)).toBe('700');
    expect(mode(path.join(root, first.name, 'ledger.sqlite'))).toBe('600');
    expect(mode(blobPath(root, readManifests(root)[0]!.evidence[0]![0]))).toBe('400');
    expect(filesUnder(path.join(root, 'evidence', 'tmp'))).toEqual([]);
  });

  it('goes to another folder with --to, and reports a chosen folder whose drive is not connected', async () => {
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    const b = await createBackup(l.db, data, { reason: 'manual', to: path.join(usb, '台账备份') });
    expect((await verifyBackup(path.join(usb, '台账备份'), b.name)).ok).toBe(true);
    figures.backupsVerified++;
    writeSettings(data, { folder: path.join(dir, 'unplugged', '台账备份') });
    await expect(createBackup(l.db, data, { reason: 'manual' })).rejects.toMatchObject({ code: 'data_dir_missing' });
    expect(fs.existsSync(path.join(dir, 'unplugged'))).toBe(false);
    expect((await listBackups(data)).unavailable).toContain('无法访问');
  });

  it('sweeps a backup cut short and never lists it', async () => {
    const good = await createBackup(l.db, data, { reason: 'manual' });
    const root = backupFolder(data);
    fs.mkdirSync(path.join(root, '.20990101-000000-manual.part'));
    fs.mkdirSync(path.join(root, '20990101-000000-daily'));
    fs.writeFileSync(path.join(root, 'evidence', 'tmp', '999999-abc.part'), 'x');
    expect((await listBackups(data)).backups.map((b) => b.name)).toEqual([good.name]);
    await createBackup(l.db, data, { reason: 'manual' });
    expect(fs.readdirSync(root).filter((n) => n.includes('2099'))).toEqual([]);
    expect(fs.readdirSync(path.join(root, 'evidence', 'tmp'))).toEqual([]);
  });
});

describe('verifying', () => {
  it('catches a changed evidence file and a changed snapshot', async () => {
    const b = await createBackup(l.db, data, { reason: 'manual' });
    const root = backupFolder(data);
    const [sha] = readManifests(root)[0]!.evidence[0]!;
    const blob = blobPath(root, sha);
    fs.chmodSync(blob, 0o600);
    fs.appendFileSync(blob, 'tampered');
    const v = await verifyBackup(root, b.name);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ what: 'changed', sha256: sha })]);
    fs.appendFileSync(path.join(root, b.name, 'ledger.sqlite'), Buffer.alloc(10));
    expect((await verifyBackup(root, b.name)).problems.some((p) => p.what === 'database')).toBe(true);
    figures.damagedBackupsCaught += 2;
    // A damaged backup is never restored; the store is untouched.
    const before = logicalContent(l.db);
    await expect(restoreBackup(l, data, b.name)).rejects.toMatchObject({ code: 'conflict' });
    expect(logicalContent(l.db)).toBe(before);
  });
});

describe('restoring', () => {
  it('brings back the logical content and every evidence file, keeping the current store as a safety backup', async () => {
    const before = logicalContent(l.db);
    const b = await createBackup(l.db, data, { reason: 'manual' });
    // Change the data: new progress, one evidence removed, a new file attached.
    setProgress(l.db, { measureId: l.measureIds[0]!, periodId: '2024-Q3', status: '已完成', narrative: '全部完成', userId: l.userId });
    const ev = listEvidence(l.db, { measureId: l.measureIds[0]! });
    removeEvidence(l.db, ev[0]!.id, l.userId);
    const extra = path.join(dir, 'src', '新材料.pdf');
    writeFileOfSize(extra, 5000, 99);
    await attachPaths(l.db, data, { measureId: l.measureIds[2]!, periodId: '2024-Q3', userId: l.userId }, [{ path: extra }]);
    const changed = logicalContent(l.db);
    expect(changed).not.toBe(before);
    // The removed file's bytes are gone from the store (as after a clean-up).
    fs.chmodSync(blobPath(data, ev[0]!.sha256), 0o600);
    fs.rmSync(blobPath(data, ev[0]!.sha256));

    const idBefore = identity(l.db);
    const r = await restoreBackup(l, data, b.name);
    expect(r.restored).toBe(b.name);
    expect(logicalContent(l.db)).toBe(before);
    // The same ledger, but a new replica: ops this PC made after the backup keep their own replica id elsewhere.
    const idAfter = identity(l.db);
    expect(idAfter.ledgerId).toBe(idBefore.ledgerId);
    expect(idAfter.replicaId).not.toBe(idBefore.replicaId);
    expect(idAfter.formerReplicaIds).toContain(idBefore.replicaId);
    const hashes = everyEvidenceHashOk(l.db, data);
    expect(hashes).toEqual({ files: 4, ok: true });
    figures.restoresRoundTripped++;
    figures.evidenceHashesChecked += hashes.files;
    expect(fs.readdirSync(data).filter((n) => n.endsWith('.part'))).toEqual([]);
    expect(mode(storePath(data))).toBe('600');

    // The safety backup holds the changed store, and restoring it round-trips too.
    const safety = readManifests(backupFolder(data)).find((m) => m.name === r.safetyBackup)!;
    expect(safety.reason).toBe('restore');
    await restoreBackup(l, data, r.safetyBackup);
    expect(logicalContent(l.db)).toBe(changed);
    expect(identity(l.db).replicaId).not.toBe(idAfter.replicaId);
    const again = everyEvidenceHashOk(l.db, data);
    expect(again.ok).toBe(true);
    figures.restoresRoundTripped++;
    figures.evidenceHashesChecked += again.files;
  });

  it('refuses a name that is not a backup', async () => {
    await expect(restoreBackup(l, data, '20200101-000000-manual')).rejects.toBeInstanceOf(AppError);
  });
});

describe('automatic backups', () => {
  it('takes the daily backup once a calendar day', async () => {
    const day = new Date(2026, 11, 1, 9, 0, 0);
    expect(await dailyBackup(l.db, data, { now: day })).not.toBeNull();
    expect(await dailyBackup(l.db, data, { now: new Date(2026, 11, 1, 17, 0, 0) })).toBeNull();
    expect(await dailyBackup(l.db, data, { now: new Date(2026, 11, 2, 8, 0, 0) })).not.toBeNull();
  });

  it('backs up a store of an older schema before it is migrated', async () => {
    closeStore(l.db);
    const raw = new Database(storePath(data));
    raw.pragma('user_version = 1');
    raw.close();
    const b = await backupBeforeMigration(data);
    expect(b).toMatchObject({ reason: 'migration', schemaVersion: 1 });
    expect(await backupBeforeMigration(path.join(dir, 'nothing-here'))).toBeNull();
    // The schema was never really older: put its version back before opening it again.
    const fix = new Database(storePath(data));
    fix.pragma(`user_version = ${latestVersion()}`);
    fix.close();
    l.db = openStore(data);
  });
});

describe('rotation', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly backups of a year of daily backups', () => {
    const now = new Date(2026, 11, 31, 12, 0, 0);
    const year = Array.from({ length: 365 }, (_, i) => ({ name: `b${i}`, createdAt: new Date(2026, 0, 1 + i, 8, 0, 0).toISOString() }));
    const keep = backupsToKeep(year, now);
    // The last 7 days, plus the newest of earlier weeks and months that they do not already cover.
    expect(keep.size).toBeGreaterThanOrEqual(12);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    for (let i = 358; i < 365; i++) expect(keep.has(`b${i}`)).toBe(true);
    const months = new Set([...keep].map((n) => new Date(year[Number(n.slice(1))]!.createdAt).getMonth()));
    expect(months.size).toBe(12);
    console.log(`rotation figures ${JSON.stringify({ backups: year.length, kept: keep.size })}`);
  });

  it('removes backups past the policy and the evidence only they referred to', async () => {
    const root = backupFolder(data);
    const old = await createBackup(l.db, data, { reason: 'daily', now: new Date(2020, 0, 1), rotate: false });
    const ev = listEvidence(l.db, { measureId: l.measureIds[0]! });
    removeEvidence(l.db, ev[0]!.id, l.userId);
    const kept = await createBackup(l.db, data, { reason: 'daily', rotate: false });
    const r = await rotate(root, new Date(), { daily: 1, weekly: 0, monthly: 0 });
    expect(r.removedBackups).toEqual([old.name]);
    expect(r.removedFiles).toBe(1);
    expect(fs.existsSync(blobPath(root, ev[0]!.sha256))).toBe(false);
    expect((await verifyBackup(root, kept.name)).ok).toBe(true);
    figures.backupsVerified++;
  });
});
