import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { closeStore, openStore } from '../../../db/open';
import { adoptLedger, applyOps, identity, opsSince, versionVector } from '../../../db/sync/index';
import { setProgress } from '../../../db/queries/progress';
import { listMeasures } from '../../../db/queries/measures';
import { checkRows } from '../../../db/sync/row-check';
import { insertEvidence, listEvidence, removeEvidence } from '../../../db/queries/evidence';
import { STATUSES } from '../../../shared/model';
import { removeDir, tempDir } from '../../helpers/temp';
import { closeAll, dump, makeReplicas, send, syncAll, type Replica } from './replicas';

const replica = fc.integer({ min: 0, max: 2 });
const measure = fc.integer({ min: 0, max: 3 });
const period = fc.constantFrom('2024-Q2', '2024-Q3');
const command = fc.oneof(
  fc.record({ kind: fc.constant('progress' as const), r: replica, m: measure, period, status: fc.constantFrom(...STATUSES), narrative: fc.constantFrom('', '甲', '乙', '丙') }),
  fc.record({ kind: fc.constant('attach' as const), r: replica, m: measure, period, sha: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ kind: fc.constant('remove' as const), r: replica, m: measure }),
  fc.record({ kind: fc.constant('send' as const), from: replica, to: replica }),
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

function run(rs: Replica[], c: Command): void {
  if (c.kind === 'send') {
    if (c.from !== c.to) send(rs[c.from]!, rs[c.to]!);
    return;
  }
  const r = rs[c.r]!;
  const m = listMeasures(r.db, { periodId: '2024-Q3' })[c.m]!.id;
  if (c.kind === 'progress') setProgress(r.db, { measureId: m, periodId: c.period, status: c.status, narrative: c.narrative, userId: r.userId });
  else if (c.kind === 'attach') insertEvidence(r.db, [{ measureId: m, periodId: c.period, sha256: c.sha.repeat(64), name: `${c.sha}.pdf`, size: 1, mime: 'application/pdf' }], r.userId);
  else {
    const e = listEvidence(r.db, { measureId: m })[0];
    if (e) removeEvidence(r.db, e.id, r.userId);
  }
}

describe('three replicas, random edits, exchanges in any order', () => {
  it('converge to the same state, lose nothing, applying twice changes nothing, and a new copy matches', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 14 }), (commands) => {
        const root = tempDir('fazhi-conv-');
        const rs = makeReplicas(root, ['a', 'b', 'c']);
        try {
          const made = new Set<string>();
          for (const c of commands) {
            run(rs, c);
            for (const r of rs) for (const o of opsSince(r.db, {})) made.add(`${o.replicaId}@${o.hlc}`);
          }
          syncAll(rs);
          const dumps = rs.map((r) => dump(r.db));
          for (const d of dumps.slice(1)) for (const k of Object.keys(dumps[0]!)) expect(d[k], k).toEqual(dumps[0]![k]);
          // Rows built by merges (removals, re-adds, edits from three PCs in any order) are what the log says: verify stays clean.
          for (const r of rs) expect(checkRows(r.db, 'evidence', 'evidence')).toEqual([]);
          // Nothing lost: every op any replica ever held is held by all.
          const held = new Set(opsSince(rs[0]!.db, {}).map((o) => `${o.replicaId}@${o.hlc}`));
          for (const k of made) expect(held.has(k)).toBe(true);
          // Applying everything again is a no-op.
          const again = applyOps(rs[1]!.db, opsSince(rs[0]!.db, {}), { senderVector: versionVector(rs[0]!.db) });
          expect(again.received).toBe(0);
          expect(dump(rs[1]!.db)).toEqual(dumps[1]);
          // A new copy takes the whole log in one go (the first-copy path) and holds the same state, derived rows included.
          const copy = openStore(path.join(root, 'copy'));
          try {
            adoptLedger(copy, identity(rs[0]!.db).ledgerId);
            const first = applyOps(copy, opsSince(rs[0]!.db, {}), { senderVector: versionVector(rs[0]!.db) });
            expect(first.received).toBe(opsSince(rs[0]!.db, {}).length);
            const d = dump(copy);
            for (const k of Object.keys(dumps[0]!)) expect(d[k], `copy ${k}`).toEqual(dumps[0]![k]);
            expect(checkRows(copy, 'evidence', 'evidence')).toEqual([]);
          } finally {
            closeStore(copy);
          }
        } finally {
          closeAll(rs);
          removeDir(root);
        }
      }),
      {
        numRuns: 12,
        // Two replicas finding the same conflict apart (found by this property once): both must end with one identical row.
        examples: [
          [[
            { kind: 'progress', r: 0, m: 1, period: '2024-Q2', status: '未开始', narrative: '' },
            { kind: 'progress', r: 2, m: 1, period: '2024-Q2', status: '未开始', narrative: '乙' },
            { kind: 'send', from: 2, to: 1 },
          ]],
          // A file attached and removed again (found by this property once): a new copy lists its quarter too.
          [[
            { kind: 'attach', r: 0, m: 0, period: '2024-Q2', sha: 'a' },
            { kind: 'remove', r: 0, m: 0 },
          ]],
        ],
      },
    );
  }, 240_000);
});
