// Which ledger this store belongs to and which replica it is; a data folder copied elsewhere becomes a new replica.
import type { Db } from '../open';
import { AppError } from '../../shared/errors';
import { newReplicaId } from './hash';
import { formatHlc, parseHlc, send, recv, type Hlc } from '../../shared/sync/hlc';
import { newestHlc } from './ops-store';

export interface Identity {
  ledgerId: string;
  replicaId: string;
  formerReplicaIds: string[];
}

const identities = new WeakMap<Db, Identity>();
const clocks = new WeakMap<Db, Hlc>();

export function identity(db: Db): Identity {
  const cached = identities.get(db);
  if (cached) return cached;
  const r = db.prepare('SELECT ledger_id, replica_id, former_replica_ids FROM ledger').get() as
    | { ledger_id: string; replica_id: string; former_replica_ids: string }
    | undefined;
  if (!r) throw new AppError('internal', '数据文件缺少台账标识,无法交换。请升级法治台账后再试。', 'ledger row missing');
  const id = { ledgerId: r.ledger_id, replicaId: r.replica_id, formerReplicaIds: JSON.parse(r.former_replica_ids) as string[] };
  // Read inside a transaction, the row may yet be rolled back (a clone that fails adopts, then undoes): cache committed rows only.
  if (!db.inTransaction) identities.set(db, id);
  return id;
}

/**
 * Compares where the store lives now with where it was made. A copied data folder (another
 * path, host or file) would otherwise stamp ops with the original's replica id and break both
 * chains, so it takes a new replica id and keeps the old one in its list of former ids.
 * Returns true when the replica id changed.
 */
export function checkFingerprint(db: Db, fingerprint: string): boolean {
  const r = db.prepare('SELECT replica_id, fingerprint, former_replica_ids FROM ledger').get() as { replica_id: string; fingerprint: string; former_replica_ids: string };
  if (r.fingerprint === fingerprint) return false;
  if (r.fingerprint === '') {
    db.prepare('UPDATE ledger SET fingerprint = ?').run(fingerprint);
    return false;
  }
  const former = [...(JSON.parse(r.former_replica_ids) as string[]), r.replica_id];
  db.prepare('UPDATE ledger SET replica_id = ?, fingerprint = ?, former_replica_ids = ?').run(newReplicaId(), fingerprint, JSON.stringify(former));
  identities.delete(db);
  clocks.delete(db);
  return true;
}

/**
 * Makes an empty store a copy of an existing ledger (the first package it imports). Refused once
 * the store holds any op: those belong to another ledger.
 */
export function adoptLedger(db: Db, ledgerId: string): void {
  if (identity(db).ledgerId === ledgerId) return;
  if (db.prepare('SELECT 1 FROM ops LIMIT 1').get()) {
    throw new AppError('conflict', '这个数据文件夹已有另一本台账的数据,不能再成为这本台账的副本。请换一个空文件夹导入。', `adopt ${ledgerId} refused`);
  }
  db.prepare('UPDATE ledger SET ledger_id = ?').run(ledgerId);
  identities.delete(db);
}

function clockOf(db: Db): Hlc {
  let c = clocks.get(db);
  if (!c) {
    const node = identity(db).replicaId;
    const newest = newestHlc(db);
    const h = newest ? parseHlc(newest) : null;
    c = h ? { millis: h.millis, counter: h.counter, node } : { millis: 0, counter: 0, node };
    clocks.set(db, c);
  }
  return c;
}

/** Stamps a local event: an HLC greater than every one this store has made or seen. */
export function tick(db: Db, now: number = Date.now()): string {
  const next = send(clockOf(db), now);
  clocks.set(db, next);
  return formatHlc(next);
}

/** Advances the clock past a remote op's HLC (refusing a remote clock far in the future: ClockDriftError). */
export function observe(db: Db, remoteHlc: string, now: number = Date.now()): void {
  const remote = parseHlc(remoteHlc);
  if (!remote) throw new AppError('validation', '交换数据中的时间戳格式不对,数据可能已损坏。请让对方重新导出。', `bad hlc ${remoteHlc}`);
  clocks.set(db, recv(clockOf(db), remote, now));
}
