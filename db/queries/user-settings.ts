// A person's choices on this PC (quarter, report issuer and scope), kept across screens and restarts.
// These are per-PC preferences, not ledger data: deliberately written directly, never as exchange ops.
import type { Db } from '../open';

export function userSettings(db: Db, userId: string): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM user_settings WHERE user_id = ?').all(userId) as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function setUserSetting(db: Db, userId: string, key: string, value: string): void {
  db.prepare('INSERT INTO user_settings (user_id, key, value) VALUES (?, ?, ?) ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value').run(userId, key, value);
}
