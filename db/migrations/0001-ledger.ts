// The ledger's first schema: users, departments, plans, sections, measures, quarters, progress, change log, search.
import type { Migration } from '../migrate';

export const m0001: Migration = {
  version: 1,
  name: '0001-ledger',
  up(db) {
    db.exec(`
      CREATE TABLE departments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        canonical_key TEXT NOT NULL UNIQUE,
        collective INTEGER NOT NULL DEFAULT 0 CHECK (collective IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE department_aliases (
        alias TEXT PRIMARY KEY,
        department_id TEXT NOT NULL REFERENCES departments(id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX department_aliases_department ON department_aliases(department_id);

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'inspector')),
        department_id TEXT REFERENCES departments(id) ON DELETE SET NULL,
        is_system INTEGER NOT NULL DEFAULT 0 CHECK (is_system IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        issuer TEXT,
        period TEXT,
        intro TEXT NOT NULL DEFAULT '',
        deadline TEXT,
        source_name TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        source_format TEXT NOT NULL,
        document_index INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL REFERENCES users(id),
        UNIQUE (source_sha256, document_index)
      ) STRICT;

      CREATE TABLE sections (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES sections(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        label TEXT NOT NULL,
        heading TEXT NOT NULL,
        context TEXT NOT NULL DEFAULT '',
        preamble INTEGER NOT NULL DEFAULT 0 CHECK (preamble IN (0, 1)),
        ord INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sections_plan ON sections(plan_id, ord);

      CREATE TABLE measures (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        section_id TEXT REFERENCES sections(id) ON DELETE SET NULL,
        path TEXT NOT NULL,
        number TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        deadline TEXT,
        deadline_date TEXT,
        targets TEXT NOT NULL DEFAULT '[]',
        ord INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX measures_plan ON measures(plan_id, ord);
      CREATE INDEX measures_section ON measures(section_id);

      CREATE TABLE measure_departments (
        measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        department_id TEXT NOT NULL REFERENCES departments(id),
        role TEXT NOT NULL CHECK (role IN ('lead', 'responsible')),
        as_written TEXT NOT NULL,
        ord INTEGER NOT NULL,
        PRIMARY KEY (measure_id, role, department_id)
      ) STRICT;
      CREATE INDEX measure_departments_department ON measure_departments(department_id, role);

      CREATE TABLE periods (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        UNIQUE (year, quarter)
      ) STRICT;

      CREATE TABLE progress (
        id TEXT PRIMARY KEY,
        measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        period_id TEXT NOT NULL REFERENCES periods(id),
        status TEXT NOT NULL CHECK (status IN ('未开始', '推进中', '已完成', '不适用')),
        narrative TEXT NOT NULL DEFAULT '',
        updated_by TEXT NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        UNIQUE (measure_id, period_id)
      ) STRICT;
      CREATE INDEX progress_period ON progress(period_id, status);

      CREATE TABLE change_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users(id),
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        measure_id TEXT,
        field TEXT,
        old_value TEXT,
        new_value TEXT
      ) STRICT;
      CREATE INDEX change_log_measure ON change_log(measure_id, at);
      CREATE INDEX change_log_entity ON change_log(entity, entity_id);

      -- Search: each indexed text is stored as overlapping character bigrams so that any
      -- substring of two or more characters is a phrase query (SQLite's trigram tokenizer
      -- cannot match two-character words such as 复议 or 信访).
      CREATE TABLE search_refs (
        rowid INTEGER PRIMARY KEY,
        ref_id TEXT NOT NULL UNIQUE,
        measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX search_refs_measure ON search_refs(measure_id);
      CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 0', detail = 'full');
    `);
  },
};
