// Departments merged into another stay as rows (links made meanwhile on another PC still point somewhere) but leave the lists.
import type { Migration } from '../migrate';

export const m0004: Migration = {
  version: 4,
  name: '0004-corrections',
  up(db) {
    db.exec(`ALTER TABLE departments ADD COLUMN merged_into TEXT REFERENCES departments(id);`);
  },
};
