import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate } from '../../../db/migrate';
import { m0001 } from '../../../db/migrations/0001-ledger';
import { m0002 } from '../../../db/migrations/0002-evidence';
import { migrations } from '../../../db/migrations/index';
import { measureHistory } from '../../../db/queries/changelog';
import { progressOf } from '../../../db/queries/progress';
import { listEvidence } from '../../../db/queries/evidence';
import { searchMeasureIds } from '../../../db/queries/search';
import { verifyAudit } from '../../../db/sync/audit';
import { checkRows } from '../../../db/sync/row-check';
import { fillVersion1, fillVersion2, LEGACY } from '../../helpers/legacy-store';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
beforeEach(() => {
  dir = tempDir('fazhi-xmig-');
});
afterEach(() => removeDir(dir));

function legacyStore(): Database.Database {
  const db = new Database(path.join(dir, 'ledger.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, [m0001]);
  fillVersion1(db);
  migrate(db, [m0001, m0002]);
  fillVersion2(db);
  return db;
}

describe('migration 0003-exchange', () => {
  it('folds the change log into ops, keeps every row, and gives rows made on two PCs deterministic ids', () => {
    const db = legacyStore();
    expect(migrate(db, migrations)).toBe(migrations.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'change_log'").get()).toBeUndefined();
    const ledger = db.prepare('SELECT ledger_id, replica_id FROM ledger').get() as { ledger_id: string; replica_id: string };
    expect(ledger.replica_id).toMatch(/^[0-9a-f]{16}$/);

    // Progress: one record, re-keyed, with its three logged changes as ops (author and times kept).
    const [p] = progressOf(db, LEGACY.measure);
    expect(p).toMatchObject({ id: `${LEGACY.measure}|2024-Q2`, status: '已完成', narrative: '已召开专题会议。', updatedBy: LEGACY.user });
    const history = measureHistory(db, LEGACY.measure);
    const lines = history.map((h) => `${h.at.slice(0, 10)} ${h.userName} ${h.action} ${h.field} ${h.oldValue ?? ''}→${h.newValue ?? ''}`);
    expect(lines).toEqual([
      `2024-05-06 张三 delete evidence:2024-Q2 照片.jpg(SHA-256 ${LEGACY.sha2})→`,
      `2024-05-05 张三 create evidence:2024-Q2 →照片.jpg(SHA-256 ${LEGACY.sha2})`,
      '2024-05-04 张三 update evidence.description:会议纪要.pdf →第二次会议',
      `2024-05-03 张三 create evidence:2024-Q2 →会议纪要.pdf(SHA-256 ${LEGACY.sha})`,
      '2024-05-02 张三 update status:2024-Q2 推进中→已完成',
      '2024-05-01 张三 create narrative:2024-Q2 →已召开专题会议。',
      '2024-05-01 张三 create status:2024-Q2 →推进中',
    ]);
    // Evidence: the attached file keeps its row under its content id; the removed one is a tombstone op only.
    expect(listEvidence(db, { measureId: LEGACY.measure }).map((e) => [e.id, e.description])).toEqual([[`${LEGACY.measure}|2024-Q2|${LEGACY.sha}`, '第二次会议']]);
    // Every existing row is made by ops, so a whole-ledger package can carry it.
    const entities = db.prepare('SELECT entity, count(DISTINCT entity_id) AS n FROM ops GROUP BY entity ORDER BY entity').all();
    expect(entities).toEqual([
      { entity: 'department', n: 1 },
      { entity: 'department_alias', n: 2 },
      { entity: 'evidence', n: 2 },
      { entity: 'measure', n: 2 },
      { entity: 'measure_department', n: 1 },
      { entity: 'plan', n: 1 },
      { entity: 'progress', n: 1 },
      { entity: 'section', n: 1 },
      { entity: 'user', n: 1 },
    ]);
    // The plan's ops carry who imported it and when.
    expect(db.prepare("SELECT DISTINCT author, substr(hlc, 1, 24) AS at FROM ops WHERE entity = 'plan'").all()).toEqual([{ author: LEGACY.user, at: '2024-04-01T08:01:00.000Z' }]);
    // The search index follows the new progress id.
    expect(searchMeasureIds(db, '专题会议')).toEqual([LEGACY.measure]);
    expect(verifyAudit(db)).toEqual([]);
    // The folded log makes the rows the store holds: verify finds no evidence row out of step with it.
    expect(checkRows(db, 'evidence', 'evidence')).toEqual([]);
    db.close();
  });
});
