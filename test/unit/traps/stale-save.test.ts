// Every save names the version it was based on; a save over a newer version is refused and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, closeStore, type Db } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { listMeasures } from '../../../db/queries/measures';
import { progressOf, setProgress } from '../../../db/queries/progress';
import { createUser } from '../../../db/queries/users';
import { AppError } from '../../../shared/errors';
import { sampleDocument } from '../../helpers/sample-doc';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
let db: Db;
let a: string;
let b: string;
let measureId: string;
const P = '2024-Q3';

beforeEach(() => {
  dir = tempDir();
  db = openStore(dir);
  a = createUser(db, { name: '甲', role: 'clerk', departmentId: null }).id;
  b = createUser(db, { name: '乙', role: 'clerk', departmentId: null }).id;
  importDocument(db, sampleDocument(), { fileName: 'a.docx', sha256: 'a'.repeat(64), format: 'docx', documentIndex: 0 }, a);
  measureId = listMeasures(db, { periodId: P })[0]!.id;
});
afterEach(() => {
  closeStore(db);
  removeDir(dir);
});

const rows = () => db.prepare('SELECT status, narrative, updated_by FROM progress').all();
const stale = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the save was not refused');
};

describe('version-checked saves', () => {
  it('takes a save based on the latest version, refuses one based on an older one, and keeps the newer text', () => {
    // Two windows open the quarter with no record yet.
    const first = setProgress(db, { measureId, periodId: P, status: '推进中', narrative: '窗口一:召开推进会。', userId: a, baseVersion: null });
    const e = stale(() => setProgress(db, { measureId, periodId: P, status: '推进中', narrative: '窗口二:印发通知。', userId: b, baseVersion: null }));
    expect(e.code).toBe('stale_version');
    expect(e.message).toContain('甲');
    expect(rows()).toEqual([{ status: '推进中', narrative: '窗口一:召开推进会。', updated_by: a }]);

    // Window one goes on from its own save; window two merges on top of the newer version it was shown.
    const second = setProgress(db, { measureId, periodId: P, status: '推进中', narrative: '窗口一:召开推进会,部署任务。', userId: a, baseVersion: first.version });
    expect(() => setProgress(db, { measureId, periodId: P, status: '已完成', narrative: '旧版本上的修改', userId: b, baseVersion: first.version })).toThrow(AppError);
    const merged = setProgress(db, { measureId, periodId: P, status: '已完成', narrative: '窗口一:召开推进会,部署任务。\n窗口二:印发通知。', userId: b, baseVersion: second.version });
    expect(progressOf(db, measureId)).toEqual([merged]);
    expect(merged).toMatchObject({ status: '已完成', updatedBy: b });
  });

  it('refuses a save that believes a record exists when it does not, and one that believes none exists when one does', () => {
    expect(() => setProgress(db, { measureId, periodId: P, status: '推进中', narrative: 'x', userId: a, baseVersion: '2024-07-01T00:00:00.000Z' })).toThrow(/较新/);
    setProgress(db, { measureId, periodId: P, status: '推进中', narrative: 'y', userId: a });
    expect(() => setProgress(db, { measureId, periodId: P, status: '推进中', narrative: 'z', userId: b, baseVersion: null })).toThrow(/较新/);
    expect(rows()).toEqual([{ status: '推进中', narrative: 'y', updated_by: a }]);
  });

  it('saves unconditionally without a version (the command line)', () => {
    setProgress(db, { measureId, periodId: P, status: '推进中', narrative: 'y', userId: a });
    setProgress(db, { measureId, periodId: P, status: '已完成', narrative: 'z', userId: b });
    expect(rows()).toEqual([{ status: '已完成', narrative: 'z', updated_by: b }]);
  });
});
