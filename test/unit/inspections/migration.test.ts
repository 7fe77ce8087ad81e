// Migration 0005-inspections from the store version before it with real rows: the ledger is untouched, the new tables are STRICT and empty.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';

describe('migration 0005-inspections', () => {
  it('adds the inspection tables to the previous version\'s store without touching its rows', () => {
    const at = migrations.findIndex((m) => m.name === '0005-inspections');
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, migrations.slice(0, at))).toBe(at);
    // Rows as that version stored them, written with its own SQL: today's writers know columns it did not have.
    db.exec(`INSERT INTO users (id, name, role, created_at) VALUES ('u1', '王芳', 'supervisor', '2024-01-01');
      INSERT INTO plans (id, title, source_name, source_sha256, source_format, imported_at, imported_by) VALUES ('p1', '某区实施方案', 'a.txt', '${'a'.repeat(64)}', 'txt', '2024-01-01', 'u1');
      INSERT INTO measures (id, plan_id, path, number, title, text, ord, created_at, updated_at) VALUES
        ('m1', 'p1', '["1"]', '1', '深化行政审批制度改革', '深化行政审批制度改革。', 0, '2024-01-01', '2024-01-01'),
        ('m2', 'p1', '["2"]', '2', '加强行政复议工作', '加强行政复议工作。', 1, '2024-01-01', '2024-01-01');
      INSERT INTO ops (ledger_id, replica_id, hlc, author, entity, entity_id, field, value, prev_hash, hash)
        SELECT ledger_id, replica_id, '2024-01-01T00:00:00.000Z-0000-' || replica_id, 'u1', 'measure', 'm1', 'title', '"深化行政审批制度改革"', '', 'h' FROM ledger;`);
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
