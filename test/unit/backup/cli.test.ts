import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, fixture } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir } from './helpers';

let dir: string;
let data: string;
beforeEach(() => {
  dir = tempDir('fazhi-bkcli-');
  data = path.join(dir, 'data');
});
afterEach(() => removeStoreDir(dir));

describe('backup commands', () => {
  it('create (also with --to), list, verify, restore with a safety backup, and a clear error for an unknown name', { timeout: 300_000 }, () => {
    expect(cli(['import', fixture('003_244a23676422eee3.txt'), '--data-dir', data]).status).toBe(0);
    const made = cli(['backup', 'create', '--data-dir', data]);
    expect(made.status, made.stderr).toBe(0);
    const name = (JSON.parse(made.stdout) as { name: string; measures: number }).name;
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    expect(cli(['backup', 'create', '--to', path.join(usb, '备份'), '--data-dir', data]).status).toBe(0);
    expect(fs.readdirSync(path.join(usb, '备份')).some((n) => n.endsWith('-manual'))).toBe(true);

    // A second import (of another outline) changes the store and is itself preceded by a backup.
    expect(cli(['import', fixture('001_9b9a54170b52034a.txt'), '--data-dir', data]).status).toBe(0);
    const listed = JSON.parse(cli(['backup', 'list', '--data-dir', data]).stdout) as { backups: { name: string; reason: string }[]; totalBytes: number };
    expect(listed.backups.map((b) => b.reason).sort()).toEqual(['import', 'manual']);
    expect(listed.totalBytes).toBeGreaterThan(0);
    expect(cli(['backup', 'verify', name, '--data-dir', data]).status).toBe(0);

    const before = (JSON.parse(cli(['measures', '--data-dir', data]).stdout) as unknown[]).length;
    const r = cli(['backup', 'restore', name, '--data-dir', data]);
    expect(r.status, r.stderr).toBe(0);
    const { safetyBackup } = JSON.parse(r.stdout) as { safetyBackup: string };
    const after = (JSON.parse(cli(['measures', '--data-dir', data]).stdout) as unknown[]).length;
    expect(after).toBe(23);
    expect(before).toBeGreaterThan(after);
    expect(safetyBackup).toMatch(/-restore$/);

    const unknown = cli(['backup', 'restore', '20200101-000000-manual', '--data-dir', data]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('找不到备份');
  });
});
