import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClockDriftError, formatHlc, parseHlc, recv, send, MAX_DRIFT_MS } from '../../../shared/sync/hlc';
import { mergeFields, hasSeen } from '../../../shared/sync/merge';
import { canonicalJson, type Op } from '../../../shared/sync/types';
import { opHash, verifyChain } from '../../../shared/sync/audit-hash';
import { sha256Hex } from '../../../db/sync/hash';

const NODE_A = '00000000000000aa';
const NODE_B = '00000000000000bb';

describe('hybrid logical clock', () => {
  it('formats to text that sorts like the clock and parses back', () => {
    const h = { millis: Date.parse('2024-07-08T09:10:11.123Z'), counter: 10, node: NODE_A };
    expect(formatHlc(h)).toBe('2024-07-08T09:10:11.123Z-000a-00000000000000aa');
    expect(parseHlc(formatHlc(h))).toEqual(h);
    expect(parseHlc('2024-07-08 junk')).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 0xffff }), (m1, c1, m2, c2) => {
        const a = formatHlc({ millis: m1, counter: c1, node: NODE_A });
        const b = formatHlc({ millis: m2, counter: c2, node: NODE_A });
        expect(Math.sign(a < b ? -1 : a > b ? 1 : 0)).toBe(Math.sign(m1 - m2 || c1 - c2));
      }),
    );
  });

  it('send is strictly increasing even when the wall clock stalls or goes back', () => {
    let c = { millis: 1000, counter: 0, node: NODE_A };
    const seen: string[] = [];
    for (const now of [1000, 1000, 999, 500, 1001, 1001]) {
      c = send(c, now);
      seen.push(formatHlc(c));
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    // The counter overflowing borrows the next millisecond rather than wrapping.
    expect(send({ millis: 5, counter: 0xffff, node: NODE_A }, 0)).toEqual({ millis: 6, counter: 0, node: NODE_A });
  });

  it('recv moves past a remote clock, refuses one set a day or more ahead', () => {
    const local = { millis: 1000, counter: 3, node: NODE_A };
    const after = recv(local, { millis: 2000, counter: 7, node: NODE_B }, 1500);
    expect(formatHlc(send(after, 1500)) > formatHlc({ millis: 2000, counter: 7, node: NODE_B })).toBe(true);
    expect(recv(local, { millis: 10, counter: 0, node: NODE_B }, 1500)).toBe(local);
    expect(() => recv(local, { millis: 1500 + MAX_DRIFT_MS + 1, counter: 0, node: NODE_B }, 1500)).toThrow(ClockDriftError);
  });
});

function op(replicaId: string, hlc: string, field: string, value: unknown): Op {
  return { ledgerId: 'L', replicaId, hlc, author: 'u', entity: 'progress', entityId: 'm|2024-Q3', field, value: canonicalJson(value), measureId: 'm', oldValue: null, prevHash: '', hash: '' };
}

describe('merge', () => {
  it('the greater clock wins per field; equal times are told apart by replica id; any order gives the same result', () => {
    const t = '2024-07-08T09:10:11.123Z-0000-';
    const ops = [op(NODE_A, `${t}${NODE_A}`, 'status', '推进中'), op(NODE_B, `${t}${NODE_B}`, 'status', '已完成'), op(NODE_A, `2024-07-08T09:10:11.122Z-0005-${NODE_A}`, 'narrative', '甲')];
    fc.assert(
      fc.property(fc.shuffledSubarray(ops, { minLength: 3, maxLength: 3 }), (order) => {
        const m = mergeFields(order);
        expect(m.get('progress\u0000m|2024-Q3\u0000status')!.value).toBe('"已完成"');
        expect(m.get('progress\u0000m|2024-Q3\u0000narrative')!.value).toBe('"甲"');
      }),
    );
  });

  it('a vector has seen an op when its clock for that replica is at least the op’s', () => {
    const o = op(NODE_A, `2024-07-08T09:10:11.123Z-0001-${NODE_A}`, 'status', 'x');
    expect(hasSeen({}, o)).toBe(false);
    expect(hasSeen({ [NODE_A]: o.hlc }, o)).toBe(true);
    expect(hasSeen({ [NODE_A]: `2024-07-08T09:10:11.123Z-0000-${NODE_A}` }, o)).toBe(false);
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe(canonicalJson({ a: [{ c: 2, d: 1 }], b: 1 }));
  });
});

describe('chain of carried ops', () => {
  function chain(n: number): Op[] {
    const out: Op[] = [];
    let prev = '';
    for (let i = 0; i < n; i++) {
      const o = op(NODE_A, `2024-07-08T09:10:11.123Z-000${i}-${NODE_A}`, 'narrative', `第${i}次`);
      o.prevHash = prev;
      o.hash = opHash(sha256Hex, prev, o);
      prev = o.hash;
      out.push(o);
    }
    return out;
  }

  it('accepts an intact chain, and one with entries left out by a slice', () => {
    const c = chain(5);
    expect(verifyChain(c, sha256Hex)).toEqual([]);
    expect(verifyChain([c[0]!, c[3]!, c[4]!], sha256Hex)).toEqual([]);
  });

  it('finds an edited value and a forged order', () => {
    const c = chain(4);
    c[2] = { ...c[2]!, value: canonicalJson('改过') };
    expect(verifyChain(c, sha256Hex)).toEqual([expect.objectContaining({ kind: 'edited', hlc: c[2]!.hlc })]);
    const d = chain(3);
    // Swap two entries' clocks and re-hash them: the links now point backwards.
    const swapped = [d[0]!, { ...d[1]!, hlc: d[2]!.hlc }, { ...d[2]!, hlc: d[1]!.hlc }].map((o) => ({ ...o, hash: o.hash }));
    swapped[1]!.hash = opHash(sha256Hex, swapped[1]!.prevHash, swapped[1]!);
    swapped[2]!.prevHash = swapped[1]!.hash;
    swapped[2]!.hash = opHash(sha256Hex, swapped[2]!.prevHash, swapped[2]!);
    expect(verifyChain(swapped, sha256Hex).map((p) => p.kind)).toContain('reordered');
  });
});
