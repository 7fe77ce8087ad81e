// Inspections (督察): reviews, per-measure verdicts, rectifications, inspectors' evidence links, signatures.
// No foreign keys between these rows: they arrive as exchange operations, field by field and in any order.
import type { Migration } from '../migrate';

export const m0005: Migration = {
  version: 5,
  name: '0005-inspections',
  up(db) {
    db.exec(`
      CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        plan_id TEXT,
        section_ids TEXT NOT NULL DEFAULT '[]',
        department_ids TEXT NOT NULL DEFAULT '[]',
        period_id TEXT NOT NULL DEFAULT '',
        starts_on TEXT,
        ends_on TEXT,
        reviewer_ids TEXT NOT NULL DEFAULT '[]',
        lead_id TEXT,
        status TEXT NOT NULL DEFAULT '进行中' CHECK (status IN ('进行中', '已签署')),
        -- Revisions of one review share root_id; a signed revision is never changed, a new one replaces it.
        root_id TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 1,
        previous_id TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
      ) STRICT;
      CREATE INDEX reviews_root ON reviews(root_id, revision);

      -- id is review|measure, so two laptops judging the same measure write the same row.
      CREATE TABLE review_verdicts (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL DEFAULT '',
        measure_id TEXT NOT NULL DEFAULT '',
        verdict TEXT NOT NULL DEFAULT '未检查' CHECK (verdict IN ('符合', '基本符合', '不符合', '未检查')),
        finding TEXT NOT NULL DEFAULT '',
        updated_by TEXT,
        updated_at TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX review_verdicts_review ON review_verdicts(review_id, verdict);
      CREATE INDEX review_verdicts_measure ON review_verdicts(measure_id);

      -- 整改要求: id is review|measure (one demand per measure per review revision).
      CREATE TABLE rectifications (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL DEFAULT '',
        measure_id TEXT NOT NULL DEFAULT '',
        requirement TEXT NOT NULL DEFAULT '',
        department_id TEXT,
        department_name TEXT NOT NULL DEFAULT '',
        due_on TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '待整改' CHECK (status IN ('待整改', '已反馈', '已销号')),
        response TEXT NOT NULL DEFAULT '',
        responded_by TEXT,
        responded_at TEXT,
        closed_by TEXT,
        closed_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
      ) STRICT;
      CREATE INDEX rectifications_measure ON rectifications(measure_id);
      CREATE INDEX rectifications_review ON rectifications(review_id);

      -- Evidence files that belong to the inspectors (on-site photos) or to a rectification (what the department did).
      -- id is evidence|owner.
      CREATE TABLE inspection_evidence (
        id TEXT PRIMARY KEY,
        owner_kind TEXT NOT NULL DEFAULT 'review' CHECK (owner_kind IN ('review', 'rectification')),
        owner_id TEXT NOT NULL DEFAULT '',
        review_id TEXT NOT NULL DEFAULT '',
        measure_id TEXT NOT NULL DEFAULT '',
        evidence_id TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
      ) STRICT;
      CREATE INDEX inspection_evidence_owner ON inspection_evidence(owner_id);
      CREATE INDEX inspection_evidence_evidence ON inspection_evidence(evidence_id);

      -- One signature per review revision (id = review id); covered is the canonical JSON the hash was taken over.
      CREATE TABLE review_signatures (
        id TEXT PRIMARY KEY,
        signer_id TEXT,
        signer_name TEXT NOT NULL DEFAULT '',
        signed_at TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL DEFAULT '',
        covered TEXT NOT NULL DEFAULT ''
      ) STRICT;
    `);
  },
};
