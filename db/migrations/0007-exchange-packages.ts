// Packages sent and received, receipts, and what this replica knows of its peers.
// Local bookkeeping of ONE replica about its own exchanges, not ledger data: it never travels and is not
// recorded as operations (each PC keeps its own account of what it sent and received).
import type { Migration } from '../migrate';

export const m0007: Migration = {
  version: 7,
  name: '0007-exchange-packages',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_packages (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        kind TEXT NOT NULL CHECK (kind IN ('ledger', 'slice', 'return', 'receipt')),
        -- The other side: the receiver when known (sent), the sender (received).
        peer_replica_id TEXT,
        label TEXT NOT NULL DEFAULT '',
        slice TEXT,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        ops INTEGER NOT NULL,
        blobs INTEGER NOT NULL,
        at TEXT NOT NULL,
        -- Received: what the import did (JSON counts).
        applied TEXT
      ) STRICT;
      CREATE INDEX exchange_packages_peer ON exchange_packages(peer_replica_id, at);

      CREATE TABLE exchange_receipts (
        package_id TEXT NOT NULL,
        receiver_replica_id TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        applied TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (package_id, receiver_replica_id)
      ) STRICT;

      -- Each replica we exchange with: the slice it was given (a return may only change inside it), the
      -- package it was set up from, and the latest version vector we know it holds (returns start there).
      CREATE TABLE exchange_peers (
        replica_id TEXT PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        slice TEXT,
        origin_package_id TEXT,
        known_vector TEXT NOT NULL DEFAULT '{}',
        last_heard_at TEXT
      ) STRICT;

      -- The package this store was cloned from, when it is a working copy (one row at most).
      CREATE TABLE exchange_origin (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        package_id TEXT NOT NULL,
        sender_replica_id TEXT NOT NULL
      ) STRICT;
    `);
  },
};
