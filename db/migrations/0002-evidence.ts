// Evidence (佐证材料): one row per file attached to a measure for a quarter; the bytes live in the content-addressed store.
import type { Migration } from '../migrate';

export const m0002: Migration = {
  version: 2,
  name: '0002-evidence',
  up(db) {
    db.exec(`
      CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        -- The quarter the evidence counts for: its document date's quarter when given, else the one chosen.
        period_id TEXT NOT NULL REFERENCES periods(id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        mime TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        doc_number TEXT,
        doc_date TEXT,
        added_by TEXT NOT NULL REFERENCES users(id),
        added_at TEXT NOT NULL,
        UNIQUE (measure_id, period_id, sha256)
      ) STRICT;
      CREATE INDEX evidence_period ON evidence(period_id, measure_id);
      CREATE INDEX evidence_sha256 ON evidence(sha256);
    `);
  },
};
