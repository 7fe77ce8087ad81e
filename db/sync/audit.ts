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
 *   arrived without it (gap_ok: a slice left it out). A missing predecessor is `deleted`,
 *   reported on the entry after the gap (an entry edited and re-hashed shows the same way);
 * - the last entries of a chain can be cut off unseen: a receipt or the other side's vector
 *   (which names the newest entry it holds) shows those;
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
      // The entry it follows is gone — deleted, or altered and re-hashed, which replaces it just the same.
      report(r, 'deleted', '本条之前的一条记录已不存在(被删除,或被改动后重算了哈希)');
    });
  }
  return problems;
}
