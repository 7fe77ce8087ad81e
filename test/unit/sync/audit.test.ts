import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identity, opsSince, verifyAudit, verifyChain } from '../../../db/sync/index';
import { setProgress } from '../../../db/queries/progress';
import { listMeasures } from '../../../db/queries/measures';
import { removeDir, tempDir } from '../../helpers/temp';
import { closeAll, makeReplicas, send, type Replica } from './replicas';

let root: string;
let rs: Replica[] = [];
beforeEach(() => {
  root = tempDir('fazhi-audit-');
});
afterEach(() => {
  closeAll(rs);
  rs = [];
  removeDir(root);
});

/** An office with a few progress ops of its own, three in a row to tamper with. */
function office(): { r: Replica; seqs: number[] } {
  rs = makeReplicas(root, ['office', 'dept']);
  const [o, d] = rs as [Replica, Replica];
  const m = listMeasures(o.db, { periodId: '2024-Q3' })[0]!.id;
  setProgress(d.db, { measureId: m, periodId: '2024-Q2', status: '推进中', narrative: '部门', userId: d.userId });
  send(d, o);
  for (const [status, narrative] of [['推进中', '一'], ['推进中', '二'], ['已完成', '三']] as const) {
    setProgress(o.db, { measureId: m, periodId: '2024-Q3', status, narrative, userId: o.userId });
  }
  const seqs = (o.db.prepare("SELECT seq FROM ops WHERE replica_id = ? AND entity = 'progress' ORDER BY seq").all(identity(o.db).replicaId) as { seq: number }[]).map((x) => x.seq);
  return { r: o, seqs };
}

describe('the audit trail', () => {
  it('is intact after imports, edits and exchanges, on both sides', () => {
    office();
    for (const r of rs) expect(verifyAudit(r.db)).toEqual([]);
  });

  it('finds an edited entry', () => {
    const { r, seqs } = office();
    r.db.prepare(`UPDATE ops SET value = '"已完成"' WHERE seq = ?`).run(seqs[0]);
    expect(verifyAudit(r.db)).toEqual([expect.objectContaining({ kind: 'edited', seq: seqs[0], replicaId: identity(r.db).replicaId })]);
  });

  it('finds a deleted entry', () => {
    const { r, seqs } = office();
    r.db.prepare('DELETE FROM ops WHERE seq = ?').run(seqs[1]);
    expect(verifyAudit(r.db)).toEqual([expect.objectContaining({ kind: 'deleted', seq: seqs[2] })]);
  });

  it('finds entries put in another order', () => {
    const { r, seqs } = office();
    const [a, b] = [seqs[0]!, seqs[2]!];
    r.db.transaction(() => {
      r.db.prepare('UPDATE ops SET seq = -1 WHERE seq = ?').run(a);
      r.db.prepare('UPDATE ops SET seq = ? WHERE seq = ?').run(a, b);
      r.db.prepare('UPDATE ops SET seq = ? WHERE seq = -1').run(b);
    })();
    const kinds = verifyAudit(r.db).map((p) => p.kind);
    expect(kinds).toContain('reordered');
    expect(kinds.every((k) => k === 'reordered')).toBe(true);
  });

  it('finds an entry edited in another replica’s chain, and in ops carried for a package', () => {
    const { r } = office();
    const dept = rs[1]!;
    const theirs = identity(dept.db).replicaId;
    r.db.prepare(`UPDATE ops SET value = '"已完成"' WHERE replica_id = ? AND field = 'status'`).run(theirs);
    expect(verifyAudit(r.db)).toEqual([expect.objectContaining({ kind: 'edited', replicaId: theirs })]);
    const carried = opsSince(r.db, {});
    expect(verifyChain(carried).map((p) => p.kind)).toEqual(['edited']);
  });
});
