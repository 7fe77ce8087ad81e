// Evidence versions: a file replaced by a newer one keeps its row, named by its successor, so history lists it and the clean-up never takes its bytes.
import type { Migration } from '../migrate';

export const m0010: Migration = {
  version: 10,
  name: '0010-evidence-versions',
  up(db) {
    db.exec(`
      -- The id of the evidence row that replaced this one; null while it is the current version.
      ALTER TABLE evidence ADD COLUMN superseded_by TEXT;
      CREATE INDEX evidence_superseded_by ON evidence(superseded_by) WHERE superseded_by IS NOT NULL;
    `);
  },
};
