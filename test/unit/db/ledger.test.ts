import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, closeStore, type Db } from '../../../db/open';
import { importDocument, listPlans } from '../../../db/queries/plans';
import { listMeasures, listSections } from '../../../db/queries/measures';
import { getMeasure } from '../../../db/queries/measure-detail';
import { setProgress } from '../../../db/queries/progress';
import { createUser, systemUser } from '../../../db/queries/users';
import { listDepartments } from '../../../db/queries/departments';
import { dashboard } from '../../../db/queries/dashboard';
import { AppError } from '../../../shared/errors';
import { sampleDocument } from '../../helpers/sample-doc';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
let db: Db;
let userId: string;
const source = { fileName: '方案.docx', sha256: 'a'.repeat(64), format: 'docx', documentIndex: 0 };

beforeEach(() => {
  dir = tempDir();
  db = openStore(dir);
  userId = createUser(db, { name: '张三', role: 'clerk', departmentId: null }).id;
});
afterEach(() => {
  closeStore(db);
  removeDir(dir);
});

describe('import', () => {
  it('writes plan, sections, measures and unit links; preamble kept as context', () => {
    const r = importDocument(db, sampleDocument(), source, userId);
    expect(r.measureCount).toBe(4);
    const [plan] = listPlans(db);
    expect(plan).toMatchObject({ title: '某区法治政府建设实施方案(2021—2025年)', period: '2021—2025年', measureCount: 4, sourceSha256: source.sha256 });
    const sections = listSections(db, plan!.id);
    expect(sections.find((s) => s.heading === '总体要求')).toMatchObject({ preamble: true, measureCount: 0 });
    expect(sections.find((s) => s.heading === '主要任务')).toMatchObject({ measureCount: 4 });
    const rows = listMeasures(db, { periodId: '2024-Q3', asOf: '2024-08-01' });
    expect(rows.map((m) => m.path.join('/'))).toEqual(['二/(一)/1', '二/(一)/2', '二/(二)/3', '二/(二)/4']);
    expect(rows[0]!.lead.map((u) => u.name)).toEqual(['区行政审批局']);
    expect(rows[0]!.deadlineDate).toBe('2021-12-31');
    expect(rows[1]!.deadlineDate).toBe('2025-06-30');
    expect(rows[3]!.deadlineDate).toBeNull();
  });

  it('recognises the same department under different spellings, and collective names', () => {
    importDocument(db, sampleDocument(), source, userId);
    const deps = listDepartments(db);
    const xinfang = deps.find((d) => d.name === '区信访办');
    expect(xinfang?.aliases.sort()).toEqual(['区信访办', '区信访办公室'].sort());
    const collective = deps.filter((d) => d.collective).map((d) => d.name);
    expect(collective).toEqual(expect.arrayContaining(['区各部门', '区各相关部门']));
    expect(deps.find((d) => d.name === '区司法局')).toMatchObject({ collective: false, leadCount: 1, responsibleCount: 2 });
    // 区各相关部门 and 区各有关部门 are the same collective.
    expect(deps.filter((d) => d.aliases.includes('区各有关部门') || d.aliases.includes('区各相关部门'))).toHaveLength(1);
  });

  it('refuses a document with no measures and a second import of the same file, leaving the store unchanged', () => {
    expect(() => importDocument(db, sampleDocument({ items: [] }), source, userId)).toThrow(AppError);
    importDocument(db, sampleDocument(), source, userId);
    const count = () => (db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n;
    expect(count()).toBe(4);
    expect(() => importDocument(db, sampleDocument(), source, userId)).toThrowError(/已于/);
    expect(count()).toBe(4);
  });

  it('rolls back everything when a step fails midway', () => {
    const doc = sampleDocument();
    // A unit name that violates NOT NULL on insert fails after the plan and sections are written.
    (doc.items[2] as { title: unknown }).title = null;
    expect(() => importDocument(db, doc, source, userId)).toThrow();
    // Only the user made before the import has ops.
    for (const t of ['plans', 'sections', 'measures', 'measure_departments', 'search_refs', "ops WHERE entity <> 'user'"]) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, t).toBe(0);
    }
  });
});

describe('progress and history', () => {
  it('records status and narrative per quarter, logs each change, carries status forward', () => {
    importDocument(db, sampleDocument(), source, userId);
    const m = listMeasures(db, { periodId: '2024-Q2' })[0]!;
    expect(m.status).toBe('未开始');
    setProgress(db, { measureId: m.id, periodId: '2024-Q2', status: '推进中', narrative: '已召开专题会议。', userId });
    setProgress(db, { measureId: m.id, periodId: '2024-Q2', status: '已完成', narrative: '已召开专题会议。', userId });
    const q3 = getMeasure(db, m.id, '2024-Q3', '2024-08-01');
    expect(q3.status).toBe('已完成');
    expect(q3.statusPeriod).toBe('2024-Q2');
    expect(getMeasure(db, m.id, '2024-Q1').status).toBe('未开始');
    expect(q3.progress).toHaveLength(1);
    expect(q3.progress[0]).toMatchObject({ periodId: '2024-Q2', status: '已完成', updatedByName: '张三' });
    const fields = q3.history.map((h) => `${h.field}:${h.oldValue ?? ''}→${h.newValue}`);
    expect(fields).toEqual(['status:2024-Q2:推进中→已完成', 'narrative:2024-Q2:→已召开专题会议。', 'status:2024-Q2:→推进中']);
    expect(q3.history[0]!.userName).toBe('张三');
  });

  it('an unchanged save writes no history row', () => {
    importDocument(db, sampleDocument(), source, userId);
    const m = listMeasures(db, { periodId: '2024-Q2' })[0]!;
    setProgress(db, { measureId: m.id, periodId: '2024-Q2', status: '推进中', narrative: 'x', userId });
    setProgress(db, { measureId: m.id, periodId: '2024-Q2', status: '推进中', narrative: 'x', userId });
    expect(getMeasure(db, m.id, '2024-Q2').history).toHaveLength(2);
  });

  it('refuses unknown measures and malformed quarters', () => {
    expect(() => setProgress(db, { measureId: 'nope', periodId: '2024-Q2', status: '推进中', narrative: '', userId })).toThrowError(/找不到/);
    importDocument(db, sampleDocument(), source, userId);
    const m = listMeasures(db, { periodId: '2024-Q2' })[0]!;
    expect(() => setProgress(db, { measureId: m.id, periodId: '2024-Q5', status: '推进中', narrative: '', userId })).toThrowError(/格式/);
  });
});

describe('search', () => {
  beforeEach(() => {
    importDocument(db, sampleDocument(), source, userId);
  });
  const titles = (q: string, periodId = '2024-Q3') => listMeasures(db, { periodId, query: q }).map((m) => m.title);

  it('finds any substring of two or more characters', () => {
    expect(titles('复议')).toEqual(['加强行政复议工作']);
    expect(titles('信访')).toEqual(['加强行政复议工作', '改革信访工作制度']);
    expect(titles('行政审批')).toEqual(['深化行政审批制度改革']);
    expect(titles('权力清单制度')).toEqual(['推行权力清单制度']);
    expect(titles('复议 100')).toEqual(['加强行政复议工作']);
    expect(titles('不存在的词')).toEqual([]);
  });

  it('finds progress narratives, and one-character queries by scan', () => {
    const m = listMeasures(db, { periodId: '2024-Q3' })[1]!;
    setProgress(db, { measureId: m.id, periodId: '2024-Q3', status: '推进中', narrative: '组织合法性审查培训两期', userId: systemUser(db).id });
    expect(titles('合法性审查')).toEqual(['推行权力清单制度']);
    expect(titles('访')).toEqual(['加强行政复议工作', '改革信访工作制度']);
  });

  it('treats FTS syntax in queries as text', () => {
    expect(() => titles('"复议" OR NEAR(')).not.toThrow();
    expect(titles('复议"')).toEqual(['加强行政复议工作']);
  });
});

describe('filters and dashboard', () => {
  it('filter by department, status, overdue; dashboard counts agree', () => {
    importDocument(db, sampleDocument(), source, userId);
    const all = listMeasures(db, { periodId: '2024-Q3', asOf: '2024-08-01' });
    const sifa = listDepartments(db).find((d) => d.name === '区司法局')!;
    expect(listMeasures(db, { periodId: '2024-Q3', departmentId: sifa.id }).map((m) => m.number)).toEqual(['1', '2', '3']);
    setProgress(db, { measureId: all[1]!.id, periodId: '2024-Q3', status: '推进中', narrative: '', userId });
    setProgress(db, { measureId: all[2]!.id, periodId: '2024-Q3', status: '已完成', narrative: '', userId });
    const overdue = listMeasures(db, { periodId: '2024-Q3', overdue: true, asOf: '2024-08-01' });
    expect(overdue.map((m) => m.number)).toEqual(['1']);
    expect(listMeasures(db, { periodId: '2024-Q3', status: '推进中' }).map((m) => m.number)).toEqual(['2']);
    const d = dashboard(db, { periodId: '2024-Q3', asOf: '2024-08-01' });
    expect(d.totals).toEqual({ total: 4, notStarted: 2, inProgress: 1, done: 1, notApplicable: 0, overdue: 1 });
    expect(d.bySection.map((s) => [s.heading, s.total, s.done])).toEqual([
      ['依法全面履行政府职能', 2, 0],
      ['依法有效化解社会矛盾纠纷', 2, 1],
    ]);
    expect(d.byDepartment.find((x) => x.name === '区司法局')).toMatchObject({ total: 3, done: 1, inProgress: 1 });
    const soon = dashboard(db, { periodId: '2024-Q3', asOf: '2025-06-10' }).dueSoon.map((m) => m.number);
    expect(soon).toEqual(['2']);
  });
});
