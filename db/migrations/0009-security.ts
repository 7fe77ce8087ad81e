// Sign-in: a password hash per user (travels as the user's `password_hash` field op) and store-wide settings (one op entity).
import type { Migration } from '../migrate';

export const m0009: Migration = {
  version: 9,
  name: '0009-security',
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
