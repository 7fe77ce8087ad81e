// The encrypted store: SQLCipher 4 format through better-sqlite3-multiple-ciphers, the passphrase held in memory per data folder.
// Protects a lost laptop or USB disk (the database file reveals nothing but its size); not a running, unlocked session.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../shared/errors';

const MARKER = 'encryption.json';
const FAILURES = '.unlock-failures.json';
/** Five wrong passphrases in a row, then a wait before the next try, doubling each time (30 s, 60 s, …, at most 15 min). */
export const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;

const keyring = new Map<string, string>();
/** Keys derived from a passphrase (the evidence data key), dropped with it when the store locks. */
const derived = new Map<string, Map<string, unknown>>();

export function isEncrypted(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, MARKER));
}

export function markEncrypted(dataDir: string, on: boolean): void {
  const file = path.join(dataDir, MARKER);
  if (on) fs.writeFileSync(file, JSON.stringify({ format: 1, cipher: 'sqlcipher', legacy: 4 }), { mode: 0o600 });
  else fs.rmSync(file, { force: true });
}

/** Holds the passphrase of a data folder for this process (given with --passphrase-file, or typed at unlock). */
export function setPassphrase(dataDir: string, passphrase: string | null): void {
  derived.delete(path.resolve(dataDir));
  if (passphrase === null) keyring.delete(path.resolve(dataDir));
  else keyring.set(path.resolve(dataDir), passphrase);
}

export function passphraseOf(dataDir: string): string | null {
  return keyring.get(path.resolve(dataDir)) ?? null;
}

/** A value computed once from the data folder's passphrase and kept until the passphrase is set again or dropped. */
export function derivedOnce<T>(dataDir: string, name: string, make: () => T): T {
  const dir = path.resolve(dataDir);
  let m = derived.get(dir);
  if (!m) derived.set(dir, (m = new Map()));
  if (!m.has(name)) m.set(name, make());
  return m.get(name) as T;
}

function quoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Sets the cipher and key on a connection before its first read; `key` null leaves it plaintext. */
export function applyKey(db: Database.Database, key: string | null): void {
  if (key === null) return;
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = ${quoted(key)}`);
}

/** Re-encrypts an open store with a new key (or encrypts a plaintext one); rekeying needs a rollback journal, not WAL. */
export function rekey(db: Database.Database, newKey: string): void {
  db.pragma('journal_mode = DELETE');
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`rekey = ${quoted(newKey)}`);
  db.pragma('journal_mode = WAL');
}

interface Failures {
  count: number;
  last: number;
}

function readFailures(dataDir: string): Failures {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, FAILURES), 'utf8')) as Failures;
  } catch {
    return { count: 0, last: 0 };
  }
}

function waitMs(f: Failures): number {
  return f.count < FREE_TRIES ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (f.count - FREE_TRIES), 15 * 60_000);
}

/** Refuses a try while the wait after five wrong passphrases runs. */
export function checkWait(dataDir: string, now = Date.now()): void {
  const f = readFailures(dataDir);
  const left = f.last + waitMs(f) - now;
  if (left > 0) {
    throw new AppError('forbidden', `口令已连续输错 ${f.count} 次。为防止猜测,请等待 ${Math.ceil(left / 1000)} 秒后再试。`);
  }
}

/** Checks the key by reading the schema: a wrong one reads as "not a database". Counts failures across processes. */
export function proveKey(db: Database.Database, dataDir: string, now = Date.now()): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_NOTADB') throw e;
    const f = readFailures(dataDir);
    const next = { count: f.count + 1, last: now };
    fs.writeFileSync(path.join(dataDir, FAILURES), JSON.stringify(next), { mode: 0o600 });
    const wait = waitMs(next);
    throw new AppError(
      'wrong_passphrase',
      `口令不正确,台账未打开(已连续输错 ${next.count} 次)。${wait ? `请等待 ${Math.round(wait / 1000)} 秒后再试。` : '请检查大小写和输入法后重试。'}`,
    );
  }
  fs.rmSync(path.join(dataDir, FAILURES), { force: true });
}

/** The key to open a data folder's store with: null for a plaintext store; refuses an encrypted one without its passphrase. */
export function keyFor(dataDir: string): string | null {
  if (!isEncrypted(dataDir)) return null;
  const key = passphraseOf(dataDir);
  if (key === null) {
    throw new AppError('passphrase_required', `数据目录“${dataDir}”中的台账已加密。请输入口令解锁;命令行请加 --passphrase-file 口令文件。`);
  }
  checkWait(dataDir);
  return key;
}
