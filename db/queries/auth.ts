// Passwords (scrypt, salted, in the users table through the user's ops) and the store's "passwords required" setting.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../open';
import { record } from '../sync/index';

const N = 16384;
const KEYLEN = 32;
const REQUIRED = 'passwords_required';

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEYLEN, { N, r: 8, p: 1 });
  return `scrypt$${N}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function checkPassword(stored: string, password: string): boolean {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const want = Buffer.from(key, 'base64');
  const got = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), want.length, { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === want.length && timingSafeEqual(got, want);
}

export function passwordHash(db: Db, userId: string): string | null {
  const r = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(userId) as { password_hash: string | null } | undefined;
  return r?.password_hash ?? null;
}

export function usersWithPassword(db: Db): string[] {
  return (db.prepare('SELECT id FROM users WHERE password_hash IS NOT NULL AND is_system = 0').all() as { id: string }[]).map((r) => r.id);
}

/** Sets or removes (null) a user's password, recorded as an op by `author` so it travels like any change. */
export function setPassword(db: Db, author: string, userId: string, password: string | null): void {
  db.transaction(() => record(db, author, [{ entity: 'user', entityId: userId, field: 'password_hash', value: password === null ? null : hashPassword(password), measureId: null }]))();
}

export function passwordsRequired(db: Db): boolean {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(REQUIRED) as { value: string } | undefined;
  return r ? JSON.parse(r.value) === true : false;
}

export function setPasswordsRequired(db: Db, author: string, required: boolean): void {
  db.transaction(() => record(db, author, [{ entity: 'setting', entityId: REQUIRED, field: 'value', value: required, measureId: null }]))();
}
