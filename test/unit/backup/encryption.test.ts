import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { storePath } from '../../../db/open';
import { cli, fixture } from '../../helpers/cli';
import { removeDir, tempDir } from '../../helpers/temp';

const figures = { wrongPassphrasesRefused: 0, waitsEnforced: 0, plaintextBytesFound: 0, encryptedBackupsVerified: 0 };
afterAll(() => console.log(`encryption figures ${JSON.stringify(figures)}`));

let dir: string;
let data: string;
beforeEach(() => {
  dir = tempDir('fazhi-enc-');
  data = path.join(dir, 'data');
});
afterEach(() => removeDir(dir));

function passFile(name: string, pass: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, `${pass}\n`, { mode: 0o600 });
  return f;
}

/** Counts occurrences of a measure's words (UTF-8) in the files of the store. */
function plaintextHits(needle: string): number {
  const b = Buffer.from(needle, 'utf8');
  return [storePath(data), `${storePath(data)}-wal`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(b)).length;
}

describe('the encrypted laptop copy', () => {
  it('encrypts the store, refuses without or with a wrong passphrase, waits after five, rekeys, and backs up encrypted', { timeout: 300_000 }, () => {
    expect(cli(['import', fixture('003_244a23676422eee3.txt'), '--data-dir', data]).status).toBe(0);
    const title = (JSON.parse(cli(['measures', '--data-dir', data]).stdout) as { title: string }[])[0]!.title;
    expect(plaintextHits(title)).toBeGreaterThan(0);

    const good = passFile('pass.txt', '督察组口令2026');
    const enc = cli(['store', 'encrypt', '--passphrase-file', good, '--data-dir', data]);
    expect(enc.status, enc.stderr).toBe(0);
    expect(plaintextHits(title)).toBe(0);
    figures.plaintextBytesFound = plaintextHits(title);

    const none = cli(['measures', '--data-dir', data]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('已加密');
    expect(none.stderr).toContain('--passphrase-file');

    const bad = passFile('bad.txt', 'wrong-passphrase');
    for (let i = 1; i <= 5; i++) {
      const r = cli(['measures', '--passphrase-file', bad, '--data-dir', data]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('口令不正确');
      figures.wrongPassphrasesRefused++;
    }
    // The sixth try waits, even with the right passphrase.
    const waiting = cli(['measures', '--passphrase-file', good, '--data-dir', data]);
    expect(waiting.status).toBe(1);
    expect(waiting.stderr).toContain('请等待');
    figures.waitsEnforced++;
    fs.rmSync(path.join(data, '.unlock-failures.json'));

    const ok = cli(['measures', '--passphrase-file', good, '--data-dir', data]);
    expect(ok.status, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as { title: string }[])[0]!.title).toBe(title);

    const b = cli(['backup', 'create', '--passphrase-file', good, '--data-dir', data]);
    expect(b.status, b.stderr).toBe(0);
    const name = (JSON.parse(b.stdout) as { name: string }).name;
    const snap = fs.readFileSync(path.join(data, 'backups', name, 'ledger.sqlite'));
    expect(snap.includes(Buffer.from(title, 'utf8'))).toBe(false);
    expect(cli(['backup', 'verify', name, '--passphrase-file', good, '--data-dir', data]).status).toBe(0);
    expect(cli(['backup', 'verify', name, '--data-dir', data]).status).toBe(1);
    figures.encryptedBackupsVerified++;

    const next = passFile('next.txt', '新的口令-更长一些');
    expect(cli(['store', 'rekey', '--passphrase-file', good, '--new-passphrase-file', next, '--data-dir', data]).status).toBe(0);
    expect(cli(['measures', '--passphrase-file', good, '--data-dir', data]).status).toBe(1);
    const after = cli(['measures', '--passphrase-file', next, '--data-dir', data]);
    expect(after.status, after.stderr).toBe(0);
    expect((JSON.parse(after.stdout) as unknown[]).length).toBe((JSON.parse(ok.stdout) as unknown[]).length);
  });
});
