// Verifies a store's audit trail: each replica's ops form a hash chain; finds entries edited, deleted or reordered.
import type { Db } from '../open';
import { opHash, type ChainProblem } from '../../shared/sync/audit-hash';
import { sha256Hex } from './hash';
import { identity } from './identity';
import { OP_COLUMNS, toOp, type OpRow } from './ops-store';

/**
 * Rules, per replica:
 * - each op's hash must be sha256(prevHash + canonical op): else `edited`;
 * - an op's predecessor (the op whose hash is its prevHash) must be in the store, unless the op
 *   arrived without it (gap_ok: a slice left it out). A missing predecessor is `deleted` — or
 *   `edited` when the op just before it by clock is there with another hash (edited and re-hashed);
 * - the predecessor must be older by clock, and this store's own ops must have been stored in
 *   clock order: else `reordered`;
 * - two ops may not follow the same predecessor: `forked`.
 */
export function verifyAudit(db: Db): ChainProblem[] {
  const rows = db.prepare(`SELECT ${OP_COLUMNS}, gap_ok FROM ops ORDER BY replica_id, seq`).all() as (OpRow & { gap_ok: number })[];
  const own = identity(db).replicaId;
  const problems: ChainProblem[] = [];
  const byReplica = new Map<string, (OpRow & { gap_ok: number })[]>();
  for (const r of rows) {
    const list = byReplica.get(r.replica_id) ?? [];
    list.push(r);
    byReplica.set(r.replica_id, list);
  }
  for (const [replicaId, list] of byReplica) {
    const byHash = new Map(list.map((r) => [r.hash, r]));
    const byClock = [...list].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    const before = new Map(byClock.map((r, i) => [r.hash, i > 0 ? byClock[i - 1]! : undefined]));
    const followers = new Set<string>();
    const report = (r: OpRow, kind: ChainProblem['kind'], detail: string): void => {
      problems.push({ kind, replicaId, hlc: r.hlc, seq: r.seq, detail });
    };
    list.forEach((r, i) => {
      const op = toOp(r);
      if (opHash(sha256Hex, op.prevHash, op) !== op.hash) report(r, 'edited', '内容与其哈希不符');
      if (op.prevHash !== '' && followers.has(op.prevHash)) report(r, 'forked', '两条记录接在同一条之后');
      followers.add(op.prevHash);
      if (replicaId === own && i > 0 && list[i - 1]!.hlc >= r.hlc) report(r, 'reordered', '本机记录的存放顺序与时间顺序不一致');
      if (op.prevHash === '') return;
      const pred = byHash.get(op.prevHash);
      if (pred) {
        if (pred.hlc >= r.hlc) report(r, 'reordered', '前一条记录的时间晚于本条');
        return;
      }
      if (r.gap_ok === 1) return;
      const prior = before.get(r.hash);
      if (prior && prior.hash !== op.prevHash && !byHash.has(op.prevHash)) {
        // The entry before it by clock is there but under another hash: it was edited and re-hashed — unless entries between were deleted.
        report(prior, prior.prev_hash === '' || byHash.has(prior.prev_hash) ? 'edited' : 'deleted', '本条之后的记录所指向的哈希已不存在');
      } else {
        report(r, 'deleted', '本条之前的记录已不存在');
      }
    });
  }
  return problems;
}
