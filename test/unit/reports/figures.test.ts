// Report figures equal what SQL written here finds in the store, for every period form and scope.
import { describe, expect, it } from 'vitest';
import { buildLedger } from './fixture';
import { loadReportData } from '../../../db/queries/report-data';
import { parseReportPeriod } from '../../../shared/report/period';
import { buildReport } from '../../../shared/report/model';
import { renderReportHtml } from '../../../shared/report/html';
import type { ReportScope } from '../../../shared/report/types';
import type { Db } from '../../../db/open';
import { dashboard } from '../../../db/queries/dashboard';
import { missingEvidence } from '../../../db/queries/evidence';
import { completionRate } from '../../../shared/report/charts';

const AS_OF = '2024-12-31';

/** The figures straight from SQL: latest record up to the last quarter, overdue against AS_OF, evidence in the period. */
function expected(db: Db, periodId: string, measureIds: string[]) {
  const p = parseReportPeriod(periodId)!;
  const rows = db
    .prepare(
      `SELECT m.id, m.deadline_date,
         coalesce((SELECT status FROM progress p WHERE p.measure_id = m.id AND p.period_id <= ? ORDER BY p.period_id DESC LIMIT 1), '未开始') AS status,
         (SELECT count(*) FROM evidence e WHERE e.measure_id = m.id AND e.period_id IN (SELECT value FROM json_each(?))) AS files
       FROM measures m WHERE m.id IN (SELECT value FROM json_each(?))`,
    )
    .all(p.lastQuarter, JSON.stringify(p.quarters), JSON.stringify(measureIds)) as { id: string; deadline_date: string | null; status: string; files: number }[];
  const open = (s: string) => s === '未开始' || s === '推进中';
  return {
    total: rows.length,
    done: rows.filter((r) => r.status === '已完成').length,
    inProgress: rows.filter((r) => r.status === '推进中').length,
    notStarted: rows.filter((r) => r.status === '未开始').length,
    notApplicable: rows.filter((r) => r.status === '不适用').length,
    overdue: rows.filter((r) => open(r.status) && r.deadline_date !== null && r.deadline_date < AS_OF).length,
    withoutEvidence: rows.filter((r) => r.status !== '不适用' && r.files === 0).length,
  };
}

function idsWhere(db: Db, where: string, ...params: unknown[]): string[] {
  return (db.prepare(`SELECT DISTINCT m.id FROM measures m LEFT JOIN measure_departments md ON md.measure_id = m.id WHERE ${where}`).all(...params) as { id: string }[]).map((r) => r.id);
}

describe('report figures', () => {
  const { db, planA, planB } = buildLedger();
  const sij = (db.prepare("SELECT id FROM departments WHERE name = '区司法局'").get() as { id: string }).id;
  const sectionOne = (db.prepare("SELECT id FROM sections WHERE plan_id = ? AND label = '一'").get(planA) as { id: string }).id;
  const scopes: [string, ReportScope, string[]][] = [
    ['all', {}, idsWhere(db, '1')],
    ['plan A', { planIds: [planA] }, idsWhere(db, 'm.plan_id = ?', planA)],
    ['plan B', { planIds: [planB] }, idsWhere(db, 'm.plan_id = ?', planB)],
    ['department', { departmentIds: [sij] }, idsWhere(db, 'md.department_id = ?', sij)],
    ['section with children', { sectionIds: [sectionOne] }, idsWhere(db, "m.plan_id = ? AND json_extract(m.path, '$[0]') = '一'", planA)],
  ];

  for (const period of ['2024-Q1', '2024-Q2', '2024-Q3', '2024-H1', '2024-H2', '2024', '2024-02-01..2024-08-15']) {
    for (const [name, scope, ids] of scopes) {
      it(`${period} · ${name}`, () => {
        const data = loadReportData(db, { period: parseReportPeriod(period)!, scope, asOf: AS_OF });
        const want = expected(db, period, ids);
        expect(data.figures).toEqual(want);
        expect(data.measures.map((m) => m.id).sort()).toEqual([...ids].sort());
        // Sections and departments add up to the same measures.
        expect(data.bySection.reduce((n, s) => n + s.total, 0)).toBe(want.total);
        for (const d of data.byDepartment) {
          const depIds = idsWhere(db, 'md.department_id = ?', d.departmentId).filter((id) => ids.includes(id));
          expect(d.total).toBe(depIds.length);
          expect(d.done).toBe(expected(db, period, depIds).done);
        }
      });
    }
  }

  it('covers every case: each status, overdue and missing evidence occur', () => {
    const f = loadReportData(db, { period: parseReportPeriod('2024')!, asOf: AS_OF }).figures;
    expect(f).toMatchObject({ total: 9, done: 3, inProgress: 4, notStarted: 1, notApplicable: 1 });
    expect(f.overdue).toBeGreaterThan(0);
    expect(f.withoutEvidence).toBeGreaterThan(0);
  });

  it('writes the same figures into the internal reports, and the annual one under the same rule', () => {
    const data = loadReportData(db, { period: parseReportPeriod('2024-Q3')!, asOf: AS_OF });
    const f = data.figures;
    for (const kind of ['quarterly', 'ledger'] as const) {
      const html = renderReportHtml(buildReport(data, { kind, date: '2025-01-15' })).html;
      expect(html).toContain(`共${f.total}项，其中已完成${f.done}项、推进中${f.inProgress}项、未开始${f.notStarted}项`);
      expect(html).toContain(`完成率${completionRate(f)}`);
      expect(html).toContain(`逾期未完成${f.overdue}项，无佐证材料${f.withoutEvidence}项`);
      expect(html).not.toMatch(/<link|<script|src="http|url\(http/);
    }
    const annual = renderReportHtml(buildReport(data, { kind: 'annual', date: '2025-01-15' })).html;
    expect(annual).toContain(`措施${f.total - f.notApplicable}项`);
    expect(annual).toContain(`已完成${f.done}项`);
    expect(annual).toContain(`完成率${completionRate(f)}`);
    // Each area's chart label is the figure of the sentence under the area's heading.
    const chart = renderReportHtml(buildReport(data, { kind: 'quarterly' })).html;
    for (const g of data.bySection) {
      expect(chart).toContain(`${g.done}/${g.total - g.notApplicable}(${completionRate(g)})`);
      expect(chart).toContain(`本部分措施共${g.total}项，其中已完成${g.done}项`);
      expect(chart).toContain(`完成率${completionRate(g)}`);
    }
  });

  it('quarterly report names overdue, unreported and evidence-less measures by number, and plans the next quarter by department', () => {
    const data = loadReportData(db, { period: parseReportPeriod('2024-Q3')!, asOf: AS_OF });
    const html = renderReportHtml(buildReport(data, { kind: 'quarterly', date: '2025-01-15' })).html;
    expect(html).toContain(`逾期未完成的措施${data.figures.overdue}项（编号`);
    expect(html).toContain(`缺少佐证材料的措施${data.figures.withoutEvidence}项（编号`);
    expect(html).toContain('未报送本季度推进情况的措施');
    expect(html).toContain('四、2024年第四季度工作计划');
    expect(html).toContain('按牵头单位分列如下');
    expect(html).toContain('完成标准化事项评估。');
  });

  it('annual report: five parts, the signature, then the annex on its own page without hashes', () => {
    const data = loadReportData(db, { period: parseReportPeriod('2024')!, asOf: AS_OF });
    const doc = buildReport(data, { kind: 'annual', issuer: '某区人民政府', date: '2025-01-15', evidenceAppendix: true });
    expect(doc.title).toBe('某区人民政府关于2024年法治政府建设情况的报告');
    expect(doc.blocks.filter((b) => b.type === 'h1').map((b) => (b as { text: string }).text)).toEqual([
      '一、主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、2025年工作打算',
      '五、其他需要报告的情况',
    ]);
    const types = doc.blocks.map((b) => b.type);
    expect(types.slice(-5)).toEqual(['attachments', 'signature', 'pagebreak', 'annexLabel', 'table']);
    expect(doc.blocks.find((b) => b.type === 'signature')).toEqual({ type: 'signature', issuer: '某区人民政府', date: '2025年1月15日' });
    const html = renderReportHtml(doc).html;
    // The year's state once: the latest note, not the quarters glued together.
    expect(html).toContain('权责清单已经区政府常务会议审议并公布。');
    for (const f of data.evidence) {
      expect(html).not.toContain(f.sha256);
      expect(html).toContain(f.name);
    }
  });

  it('agrees with the dashboard for the same quarter: counts, overdue and completion rate', () => {
    for (const q of ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']) {
      const d = dashboard(db, { periodId: q, asOf: AS_OF });
      const data = loadReportData(db, { period: parseReportPeriod(q)!, asOf: AS_OF });
      const { withoutEvidence, ...counts } = data.figures;
      // 无佐证 is the evidence screen's 缺佐证 for the quarter.
      expect(withoutEvidence).toBe(missingEvidence(db, { periodId: q }).length);
      expect(counts).toEqual(d.totals);
      // One rule: 不适用 out of numerator and denominator.
      const counted = d.totals.total - d.totals.notApplicable;
      expect(completionRate(data.figures)).toBe(`${counted ? Math.round((d.totals.done / counted) * 1000) / 10 : 0}%`);
      const html = renderReportHtml(buildReport(data, { kind: 'quarterly', date: '2025-01-15' })).html;
      expect(html).toContain(`完成率${completionRate(data.figures)}`);
    }
  });
});
