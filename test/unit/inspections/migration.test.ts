// Migration 0005-inspections from the store version before it with real rows: the ledger is untouched, the new tables are STRICT and empty.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import { importDocument } from '../../../db/queries/plans';
import { systemUser } from '../../../db/queries/users';
import { PLAN_A } from '../reports/fixture';

describe('migration 0005-inspections', () => {
  it('adds the inspection tables to the previous version\'s store without touching its rows', () => {
    const at = migrations.findIndex((m) => m.name === '0005-inspections');
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, migrations.slice(0, at))).toBe(at);
    importDocument(db, PLAN_A, { fileName: 'a.txt', sha256: 'a'.repeat(64), format: 'txt', documentIndex: 0 }, systemUser(db).id);
    const before = db.prepare('SELECT id, title FROM measures ORDER BY id').all();
    const ops = db.prepare('SELECT count(*) FROM ops').pluck().get();
    expect(migrate(db, migrations)).toBe(migrations.length);
    expect(db.prepare('SELECT id, title FROM measures ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM ops').pluck().get()).toBe(ops);
    for (const t of ['reviews', 'review_verdicts', 'rectifications', 'inspection_evidence', 'review_signatures']) {
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t)).toMatch(/STRICT/);
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    }
    expect(() => db.prepare("INSERT INTO review_verdicts (id, verdict) VALUES ('x', '优秀')").run()).toThrow(/CHECK/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM rectifications WHERE measure_id = 'm'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('rectifications_measure');
  });
});
