// Exchange: the ledger's identity, the operations log (which absorbs the old change log), conflicts, deterministic ids.
import type { Migration } from '../migrate';
import type { Db } from '../open';
import { newReplicaId, sha256Hex } from '../sync/hash';
import { newId } from '../../shared/ids';
import { foldLegacy } from './0003-fold';

export const m0003: Migration = {
  version: 3,
  name: '0003-exchange',
  up(db) {
    db.exec(`
      -- One row: the ledger this store is a copy of, and this copy's replica id.
      CREATE TABLE ledger (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        ledger_id TEXT NOT NULL,
        replica_id TEXT NOT NULL CHECK (length(replica_id) = 16),
        -- Where this store lives (data folder, host, file inode): a copied folder does not match and takes a new replica id.
        fingerprint TEXT NOT NULL DEFAULT '',
        former_replica_ids TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ops (
        seq INTEGER PRIMARY KEY,
        ledger_id TEXT NOT NULL,
        replica_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        author TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        measure_id TEXT,
        old_value TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        -- 1 when the op arrived without its chain predecessor (a slice left it out): that gap is not a deletion.
        gap_ok INTEGER NOT NULL DEFAULT 0 CHECK (gap_ok IN (0, 1)),
        UNIQUE (replica_id, hlc)
      ) STRICT;
      CREATE INDEX ops_field ON ops(entity, entity_id, field, hlc);
      CREATE INDEX ops_measure ON ops(measure_id, hlc);

      CREATE TABLE conflicts (
        id TEXT PRIMARY KEY,
        measure_id TEXT NOT NULL,
        period_id TEXT NOT NULL,
        field TEXT NOT NULL,
        winner_value TEXT NOT NULL,
        winner_author TEXT NOT NULL,
        winner_hlc TEXT NOT NULL,
        loser_value TEXT NOT NULL,
        loser_author TEXT NOT NULL,
        loser_hlc TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        resolution TEXT,
        resolved_by TEXT,
        resolved_at TEXT
      ) STRICT;
      CREATE INDEX conflicts_open ON conflicts(resolved_at, measure_id);

      ALTER TABLE measures ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1));
    `);
    const replicaId = newReplicaId();
    db.prepare('INSERT INTO ledger (one, ledger_id, replica_id, created_at) VALUES (1, ?, ?, ?)').run(newId(), replicaId, new Date().toISOString());
    rekey(db);
    foldLegacy(db, replicaId, sha256Hex);
    db.exec('DROP TABLE change_log');
  },
};

/** Rows two PCs may create independently take ids made of what they are. */
function rekey(db: Db): void {
  db.exec(`
    UPDATE search_refs SET ref_id = 'progress:' || (SELECT p.measure_id || '|' || p.period_id FROM progress p WHERE 'progress:' || p.id = search_refs.ref_id)
      WHERE ref_id LIKE 'progress:%' AND EXISTS (SELECT 1 FROM progress p WHERE 'progress:' || p.id = search_refs.ref_id);
    CREATE TEMP TABLE rekeyed (entity TEXT, old_id TEXT, new_id TEXT);
    INSERT INTO rekeyed SELECT 'progress', id, measure_id || '|' || period_id FROM progress;
    INSERT INTO rekeyed SELECT 'evidence', id, measure_id || '|' || period_id || '|' || sha256 FROM evidence;
    UPDATE progress SET id = measure_id || '|' || period_id;
    UPDATE evidence SET id = measure_id || '|' || period_id || '|' || sha256;
  `);
}
