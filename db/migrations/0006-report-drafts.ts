// Report drafts: the text blocks a supervisor edits, the fields around them, and saved versions. Rows are made
// and changed only through record() (entities in db/queries/report-drafts.ts), so that they travel as exchange operations.
import type { Migration } from '../migrate';

export const m0006: Migration = {
  version: 6,
  name: '0006-report-drafts',
  up(db) {
    db.exec(`
      -- id is "<kind>|<period>|<plans>|<sections>|<departments>": two PCs drafting the same report share one draft.
      CREATE TABLE report_drafts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'annual',
        period TEXT NOT NULL DEFAULT '',
        scope TEXT NOT NULL DEFAULT '{}',
        header TEXT NOT NULL DEFAULT '{}',
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- id is "<draft id>#<block key>". No foreign key: operations may arrive in any order.
      -- source is what the ledger wrote when the block was (re)generated: edited = text <> source.
      CREATE TABLE report_draft_blocks (
        id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL DEFAULT '',
        key TEXT NOT NULL DEFAULT '',
        ord REAL NOT NULL DEFAULT 0,
        kind TEXT NOT NULL DEFAULT 'p' CHECK (kind IN ('h1', 'h2', 'p')),
        text TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_draft_blocks_draft ON report_draft_blocks(draft_id, ord);

      -- A saved version: the whole text and header as they were saved.
      CREATE TABLE report_draft_versions (
        id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT,
        header TEXT NOT NULL,
        blocks TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_draft_versions_draft ON report_draft_versions(draft_id, saved_at);
    `);
  },
};
