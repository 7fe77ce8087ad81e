import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeStore, openStore, storePath } from '../../../db/open';
import { attachPaths } from '../../../db/evidence-store/index';
import { createBackup } from '../../../db/backup/index';
import { defaultDataDir } from '../../../electron/services/data-dir';
import { createLogger } from '../../../electron/services/log';
import { cli, fixture } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { seedLedger, writeFileOfSize } from '../evidence/helpers';
import { filesUnder, mode, removeStoreDir } from './helpers';

const figures = { missingDriveRefused: 0, readOnlyRefused: 0, fullDiskNamed: 0, modesChecked: 0, leftoversSwept: 0, skipped: [] as string[] };
afterAll(() => console.log(`drive figures ${JSON.stringify(figures)}`));

let dir: string;
beforeEach(() => {
  dir = tempDir('fazhi-drv-');
});
afterEach(() => {
  for (const m of mounts.splice(0)) tryRun('umount', [m]);
  removeStoreDir(dir);
});

const mounts: string[] = [];
function tryRun(cmd: string, args: string[]): string | null {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
    return null;
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e).trim() || String(e);
  }
}

/** A small tmpfs at `at`, or the reason it could not be mounted (not root, no mount in the container). */
function mountTmpfs(at: string, size: string): string | null {
  fs.mkdirSync(at, { recursive: true });
  const why = tryRun('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', at]);
  if (why === null) mounts.push(at);
  return why;
}

describe('a data folder on a drive that is not connected', () => {
  it('is reported, and no new empty ledger is made in its place', () => {
    const data = path.join(dir, 'usb-not-mounted', '法治台账');
    const r = cli(['measures', '--data-dir', data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('找不到数据目录');
    expect(r.stderr).not.toContain('at ');
    expect(fs.existsSync(path.join(dir, 'usb-not-mounted'))).toBe(false);
    figures.missingDriveRefused++;
  });
});

describe('a read-only drive', () => {
  it('refuses to open the ledger with a clear message', (ctx) => {
    const at = path.join(dir, 'ro');
    const why = mountTmpfs(at, '8m');
    if (why) {
      figures.skipped.push(`read-only: mount not permitted (${why})`);
      console.log(`skipped: mounting a tmpfs is not permitted here: ${why}`);
      ctx.skip();
    }
    const data = path.join(at, 'data');
    expect(cli(['import', fixture('003_244a23676422eee3.txt'), '--data-dir', data]).status).toBe(0);
    expect(tryRun('mount', ['-o', 'remount,ro', at])).toBeNull();
    const r = cli(['measures', '--data-dir', data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('不可写入');
    expect(r.stderr).not.toMatch(/SqliteError|\n\s+at /);
    figures.readOnlyRefused++;
  });
});

describe('a full disk', () => {
  it('names the disk at the write that failed and leaves nothing half-written (evidence attach, backup)', async (ctx) => {
    const at = path.join(dir, 'small');
    const why = mountTmpfs(at, '2m');
    if (why) {
      figures.skipped.push(`full disk: mount not permitted (${why})`);
      console.log(`skipped: mounting a tmpfs is not permitted here: ${why}`);
      ctx.skip();
    }
    const data = path.join(at, 'data');
    const l = seedLedger(data);
    try {
      const big = path.join(dir, '大文件.pdf');
      writeFileOfSize(big, 3 * 1024 * 1024, 5);
      const err = await attachPaths(l.db, data, { measureId: l.measureIds[0]!, periodId: '2024-Q3', userId: l.userId }, [{ path: big }]).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'disk_full' });
      expect((err as Error).message).toContain(data);
      expect(filesUnder(path.join(data, 'evidence')).filter((f) => !f.includes(`${path.sep}tmp${path.sep}`) || f.endsWith('.part'))).toEqual([]);
      expect((l.db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n).toBe(0);
      expect(l.db.pragma('integrity_check', { simple: true })).toBe('ok');
      figures.fullDiskNamed++;

      // A backup onto a full USB disk: named, and no partial backup or copied evidence remains there.
      const usb = path.join(dir, 'usb');
      const whyUsb = mountTmpfs(usb, '1m');
      expect(whyUsb).toBeNull();
      const small = path.join(dir, '小文件.pdf');
      writeFileOfSize(small, 700 * 1024, 6);
      const ok = await attachPaths(l.db, data, { measureId: l.measureIds[0]!, periodId: '2024-Q3', userId: l.userId }, [{ path: small }]);
      expect(ok.items).toHaveLength(1);
      fs.writeFileSync(path.join(usb, 'filler'), Buffer.alloc(600 * 1024));
      const bErr = await createBackup(l.db, data, { reason: 'manual', to: path.join(usb, 'backups') }).catch((e: unknown) => e);
      expect(bErr).toMatchObject({ code: 'disk_full' });
      expect((bErr as Error).message).toContain(path.join(usb, 'backups'));
      expect(filesUnder(path.join(usb, 'backups'))).toEqual([]);
      figures.fullDiskNamed++;
    } finally {
      closeStore(l.db);
    }
  });
});

describe('file modes and leftovers', () => {
  it('keeps the data folder, database, evidence and logs readable by the user only', async () => {
    const data = path.join(dir, 'data');
    const l = seedLedger(data);
    const f = path.join(dir, 'a.pdf');
    writeFileOfSize(f, 2000, 1);
    const r = await attachPaths(l.db, data, { measureId: l.measureIds[0]!, periodId: '2024-Q3', userId: l.userId }, [{ path: f }]);
    createLogger(data).info('test line');
    const blob = path.join(data, 'evidence', r.items[0]!.sha256.slice(0, 2), r.items[0]!.sha256);
    const seen = {
      dataDir: mode(data),
      db: mode(storePath(data)),
      wal: mode(`${storePath(data)}-wal`),
      evidenceDir: mode(path.dirname(blob)),
      blob: mode(blob),
      logs: mode(path.join(data, 'logs')),
      log: mode(path.join(data, 'logs', 'fazhi.log')),
    };
    expect(seen).toEqual({ dataDir: '700', db: '600', wal: '600', evidenceDir: '700', blob: '400', logs: '700', log: '600' });
    figures.modesChecked += Object.keys(seen).length;
    closeStore(l.db);
  });

  it('reports a log that cannot be written with a sentence for the screen, and clears it once writing works again', () => {
    const data = path.join(dir, 'data');
    const logFile = path.join(data, 'logs', 'fazhi.log');
    // A folder where the log file should be: appending fails whoever runs the test (root ignores file modes).
    fs.mkdirSync(logFile, { recursive: true });
    const log = createLogger(data);
    log.error('something', new Error('detail'));
    expect(log.problem()).toMatch(/^运行日志“.*fazhi\.log”写入失败.*请检查该磁盘的剩余空间和权限/);
    fs.rmdirSync(logFile);
    log.info('written again');
    expect(log.problem()).toBeNull();
    expect(fs.readFileSync(logFile, 'utf8')).toContain('written again');
  });

  it('sweeps temporaries of a crashed restore, settings write and attach at the next start', () => {
    const data = path.join(dir, 'data');
    closeStore(openStore(data));
    const dead = 2 ** 22 + 12345;
    const left = [`ledger.sqlite.restore-${dead}.part`, `.backup-settings.json.${dead}-ab12.part`];
    for (const n of left) fs.writeFileSync(path.join(data, n), 'x');
    fs.mkdirSync(path.join(data, 'evidence', 'tmp'), { recursive: true });
    fs.writeFileSync(path.join(data, 'evidence', 'tmp', `${dead}-0123.part`), 'x');
    const db = openStore(data);
    expect(fs.readdirSync(data).filter((n) => n.endsWith('.part'))).toEqual([]);
    expect(fs.readdirSync(path.join(data, 'evidence', 'tmp'))).toEqual([]);
    figures.leftoversSwept += 3;
    closeStore(db);
    expect(new Database(storePath(data)).pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('puts the data under the local, not roaming, application data on Windows', () => {
    expect(defaultDataDir('win32', { LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local', APPDATA: 'C:\\Users\\li\\AppData\\Roaming' })).toBe(
      path.join('C:\\Users\\li\\AppData\\Local', '法治台账'),
    );
  });
});
