// Targets against actual figures: the goal read from the target's words, and the figures as stored in SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, closeStore, type Db } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { createUser } from '../../../db/queries/users';
import { belowTarget, setTargetActual, targetFigures } from '../../../db/queries/targets';
import { measureHistory } from '../../../db/queries/changelog';
import { readOutlineFile } from '../../../electron/services/readers/index';
import { parseOutline } from '../../../shared/outline/index';
import { goalOf, meetsTarget } from '../../../shared/target-figures';
import { fixture } from '../../helpers/cli';
import { removeDir, tempDir } from '../../helpers/temp';

describe('goals', () => {
  it.each([
    ['不少于30日', 'min', 30, '28日', false],
    ['至少有2人', 'min', 2, '3人', true],
    ['办复率达100%', 'min', 100, '96.5%', false],
    ['每年至少举办一期', 'min', 1, '一期', true],
    ['每两年培育一批', 'min', 1, '0', false],
    ['两期以上', 'min', 2, '2期', true],
    ['最多访一次', 'max', 1, '2次', false],
    ['不超过5%', 'max', 5, '4.2%', true],
  ] as const)('%s', (target, direction, value, actual, met) => {
    expect(goalOf(target)).toMatchObject({ direction, value });
    expect(meetsTarget(target, actual)).toBe(met);
  });

  it('cannot judge a figure without a number', () => {
    expect(meetsTarget('不少于30日', '')).toBeNull();
    expect(meetsTarget('不少于30日', '基本完成')).toBeNull();
  });
});

let dir: string;
let db: Db;
let userId: string;
let ids: { id: string; targets: string }[];
beforeAll(async () => {
  dir = tempDir();
  db = openStore(dir);
  userId = createUser(db, { name: '吴丹', role: 'clerk', departmentId: null }).id;
  const read = await readOutlineFile(fixture('003_244a23676422eee3.txt'));
  const doc = parseOutline(read.text).documents[0]!;
  importDocument(db, doc, { fileName: read.fileName, sha256: read.sha256, format: read.format, documentIndex: 0 }, userId);
  ids = db.prepare("SELECT id, targets FROM measures WHERE targets <> '[]' ORDER BY ord").all() as { id: string; targets: string }[];
});
afterAll(() => {
  closeStore(db);
  removeDir(dir);
});

describe('actual figures per quarter', () => {
  it('stores each figure once per target and quarter, and lists exactly the ones below target', () => {
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = ids as [(typeof ids)[0], (typeof ids)[0], (typeof ids)[0]];
    setTargetActual(db, { measureId: a.id, periodId: '2024-Q3', targetIndex: 0, actual: '12', userId });
    setTargetActual(db, { measureId: a.id, periodId: '2024-Q3', targetIndex: 0, actual: '25', userId });
    setTargetActual(db, { measureId: b.id, periodId: '2024-Q3', targetIndex: 0, actual: '999', userId });
    setTargetActual(db, { measureId: c.id, periodId: '2024-Q3', targetIndex: 0, actual: '0', userId });
    setTargetActual(db, { measureId: c.id, periodId: '2024-Q2', targetIndex: 0, actual: '100%', userId });

    const sql = db
      .prepare('SELECT measure_id, period_id, target_index, actual FROM target_actuals ORDER BY measure_id, period_id, target_index')
      .all() as { measure_id: string; period_id: string; target_index: number; actual: string }[];
    expect(sql).toHaveLength(4);
    for (const r of sql) {
      const shown = targetFigures(db, r.measure_id, r.period_id)[r.target_index]!;
      expect(shown.actual).toBe(r.actual);
      const target = (JSON.parse(ids.find((m) => m.id === r.measure_id)!.targets) as string[])[r.target_index]!;
      expect(shown.target).toBe(target);
      expect(shown.met).toBe(meetsTarget(target, r.actual));
    }
    const expected = sql.filter((r) => r.period_id === '2024-Q3').filter((r) => {
      const target = (JSON.parse(ids.find((m) => m.id === r.measure_id)!.targets) as string[])[r.target_index]!;
      return meetsTarget(target, r.actual) === false;
    });
    const below = belowTarget(db, { periodId: '2024-Q3' });
    expect(below.map((x) => [x.measureId, x.actual]).sort()).toEqual(expected.map((r) => [r.measure_id, r.actual]).sort());
    expect(below.length).toBeGreaterThan(0);
    // The history names every change of a figure.
    const log = measureHistory(db, a.id).filter((h) => h.entity === 'target_actual').map((h) => [h.field, h.oldValue, h.newValue]);
    expect(log).toEqual([['target:2024-Q3:0', '12', '25'], ['target:2024-Q3:0', null, '12']]);
    // Every figure travels as an op, the same in every PC's log.
    const ops = db.prepare("SELECT entity_id, value FROM ops WHERE entity = 'target_actual' ORDER BY hlc").all() as { entity_id: string; value: string }[];
    expect(ops).toHaveLength(5);
    expect(ops[0]).toEqual({ entity_id: `${a.id}|2024-Q3|0`, value: '"12"' });
  });
});
