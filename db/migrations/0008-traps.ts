// Plans can be deleted and restored (a tombstone, never a row removed); actual figures per target per quarter; per-user settings.
import type { Migration } from '../migrate';

export const m0008: Migration = {
  version: 8,
  name: '0008-traps',
  up(db) {
    db.exec(`
      ALTER TABLE plans ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1));
      ALTER TABLE plans ADD COLUMN deleted_at TEXT;
      ALTER TABLE plans ADD COLUMN deleted_by TEXT REFERENCES users(id);

      -- The figure a department reached for one of a measure's targets in a quarter.
      -- Its id is deterministic (measure|period|target) so that two PCs recording it merge into one row.
      CREATE TABLE target_actuals (
        id TEXT PRIMARY KEY,
        measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        period_id TEXT NOT NULL REFERENCES periods(id),
        target_index INTEGER NOT NULL CHECK (target_index >= 0),
        actual TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        UNIQUE (measure_id, period_id, target_index)
      ) STRICT;

      -- Preferences of one person on this PC (chosen quarter, report issuer and scope). They are
      -- not ledger data and deliberately do not travel between PCs.
      CREATE TABLE user_settings (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (user_id, key)
      ) STRICT;
    `);
  },
};
