// Sign-in: a password hash per user (travels as the user's `password_hash` field op) and store-wide settings (one op entity).
import type { Migration } from '../migrate';

export const m0004: Migration = {
  version: 4,
  name: '0004-security',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN password_hash TEXT;
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
