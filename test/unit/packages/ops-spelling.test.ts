// A package's operation texts must each be the op's one spelling: SQLite writes a new copy's log from them while the
// audit chain is checked on what JavaScript reads, and the two read some spellings differently (a key given twice).
import { describe, expect, it } from 'vitest';
import { opsProblem, type OpsPartRead } from '../../../electron/core/packages/ops-check';
import { opHash } from '../../../shared/sync/audit-hash';
import { hlcAt } from '../../../shared/sync/hlc';
import { OP_FIELDS, type Op } from '../../../shared/sync/types';
import { toOp } from '../../../db/sync/ops-store';
import { sha256Hex } from '../../../db/sync/hash';

const LEDGER = 'ledger-1';
const REPLICA = '0123456789abcdef';

/** A replica's chain of ops, with control characters, quotes and Chinese in its values. */
function chain(values: string[]): Op[] {
  const ops: Op[] = [];
  let prevHash = '';
  values.forEach((v, i) => {
    const body = { ledgerId: LEDGER, replicaId: REPLICA, hlc: hlcAt('2024-10-01T08:00:00.000Z', i, REPLICA), author: 'u1', entity: 'progress', entityId: `p${i}`, field: 'narrative', value: JSON.stringify(v), measureId: i % 2 ? null : 'm1', oldValue: null };
    const hash = opHash(sha256Hex, prevHash, body);
    ops.push({ ...body, prevHash, hash });
    prevHash = hash;
  });
  return ops;
}

function part(texts: string[]): OpsPartRead {
  return { ops: texts.map((t) => JSON.parse(t) as Op), textLengths: texts.map((t) => t.length) };
}

const ops = chain(['已召开专题会议', '引号"与反斜杠\\', '换行\n制表\t控制\u0001字符', '']);
const texts = ops.map((op) => JSON.stringify(op));

describe('the spelling of operation texts', () => {
  it('names every field of an op, in the order a store writes them', () => {
    const row = { seq: 1, ledger_id: 'l', replica_id: 'r', hlc: 'h', author: 'a', entity: 'e', entity_id: 'i', field: 'f', value: '1', measure_id: null, old_value: null, prev_hash: '', hash: 'x' };
    expect(Object.keys(toOp(row))).toEqual([...OP_FIELDS]);
  });

  it('takes each op written as JSON.stringify writes it', () => {
    expect(opsProblem(part(texts), LEDGER)).toBeNull();
  });

  it('takes keys in another order: both readers read them alike', () => {
    const reordered = texts.map((t) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(t) as object).reverse())));
    expect(reordered[0]).not.toBe(texts[0]);
    expect(opsProblem(part(reordered), LEDGER)).toBeNull();
  });

  const last = texts.length - 1;
  const misspelt: [string, number, string][] = [
    ['a key given twice', 0, texts[0]!.replace(/}$/, `,"value":${JSON.stringify(ops[0]!.value)}}`)],
    ['a key too many', 1, texts[1]!.replace(/}$/, ',"extra":"x"}')],
    ['spaces between the fields', 2, texts[2]!.replace(/,"/g, ', "')],
    ['a needless escape', last, texts[last]!.replace('"author":"u1"', '"author":"\\u0075\\u0031"')],
  ];
  for (const [what, i, text] of misspelt) {
    it(`refuses ${what}, though JavaScript reads the op's values from it`, () => {
      expect(text).not.toBe(texts[i]);
      expect(JSON.parse(text)).toMatchObject(ops[i]!);
      expect(opsProblem(part(texts.map((t, j) => (j === i ? text : t))), LEDGER)?.message).toMatch(/损坏或被改动/);
    });
  }
});
