// The annual report as a supervisor sends it upward: five parts, areas as groups, a year's state per measure, reasons and plans, figures under one rule.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildYear } from './annual-fixture';
import { loadReportData } from '../../../db/queries/report-data';
import { parseReportPeriod } from '../../../shared/report/period';
import { buildReport, generatedBlocks } from '../../../shared/report/model';
import { renderReportHtml } from '../../../shared/report/html';
import { ANNUAL_PARTS } from '../../../shared/report/annual';
import { produceReport } from '../../../electron/services/reports/produce';
import { ledgerRows, NOT_REPORTED } from '../../../shared/report/ledger';

const { db, ids } = buildYear();
const data = loadReportData(db, { period: parseReportPeriod('2024')! });
/** The report writes full-width marks; the expectations here are typed with ASCII ones. */
const ascii = (s: string) => s.replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/；/g, ';');
const blocks = generatedBlocks(data, { kind: 'annual', issuer: '某区人民政府' }).map((b) => ({ ...b, text: ascii(b.text) }));
const all = blocks.map((b) => b.text).join('\n');
const count = (s: string) => all.split(s).length - 1;
/** The text of part n (1-based), from its heading to the next part's. */
function part(n: number): string {
  const starts = blocks.map((b, i) => (b.kind === 'h1' ? i : -1)).filter((i) => i >= 0);
  return blocks
    .slice(starts[n - 1]! + 1, starts[n])
    .map((b) => b.text)
    .join('\n');
}

describe('annual report text', () => {
  it('has the five parts of the 2019 rules, in order', () => {
    const h1 = blocks.filter((b) => b.kind === 'h1').map((b) => b.text);
    expect(h1).toEqual([ANNUAL_PARTS[0], ANNUAL_PARTS[1], ANNUAL_PARTS[2], '四、2025年工作打算', ANNUAL_PARTS[4]]);
  });

  it('groups part 一 by the plan’s areas under 主要任务, each with an evaluative heading', () => {
    const h2 = blocks.filter((b) => b.kind === 'h2').map((b) => b.text);
    expect(h2).toHaveLength(3);
    expect(h2[0]).toContain('(一)依法全面履行政府职能,');
    expect(h2[1]).toContain('(二)健全行政决策制度体系,');
    expect(h2[2]).toContain('(三)加强行政复议和应诉工作,');
    expect(all).not.toContain('(一)主要任务');
    expect(part(1)).toContain('一是全面推行权责清单制度。');
    expect(part(1)).toContain('二是推进政务服务标准化。');
  });

  it('says each measure’s latest state once: running totals superseded, repeats dropped', () => {
    expect(count('全年办结行政复议案件148件,纠错率13.7%。')).toBe(1);
    expect(all).not.toContain('前三季度累计办结复议案件100件');
    expect(all).not.toContain('前两季度累计编制办事指南450项');
    expect(all).not.toContain('前三季度累计编制办事指南520项');
    expect(count('梳理权责事项1200项。')).toBe(1);
    // A fact of its own quarter stays, once.
    expect(count('办结复议案件35件。')).toBe(1);
  });

  it('gives part 二 the leaders’ duty measures and room for free text', () => {
    expect(part(2)).toContain('区委常委会4次专题研究法治建设');
    expect(part(1)).not.toContain('区委常委会4次专题研究法治建设');
    expect(blocks.some((b) => b.key === 'part2.free')).toBe(true);
  });

  it('puts the departments’ reasons in part 三 and the carried-over work in part 四', () => {
    expect(part(3)).toContain('因编制调整,专职人员尚未到位。');
    expect(part(3)).toContain('受疫情影响,部分庭审延期。');
    expect(part(3)).toContain('“推进政务服务标准化”尚未完成');
    expect(part(3)).toContain('“推进行政机关负责人出庭应诉”未按期完成');
    expect(count('因编制调整,专职人员尚未到位。')).toBe(1);
    expect(part(1)).not.toContain('尚未到位');
    expect(part(4)).toContain('下一步将于2025年6月底前完成全部事项标准化。');
    expect(part(1)).not.toContain('下一步将');
    expect(part(4)).toContain('推进行政机关负责人出庭应诉');
  });

  it('mentions 不适用 once, in part 五', () => {
    expect(count('推行法律顾问制度')).toBe(1);
    expect(part(5)).toContain('“推行法律顾问制度”措施本年度不适用');
    expect(all).not.toContain('本年度由市级统一安排');
  });

  it('computes figures as SQL does under the one rule: 不适用 out of both sides', () => {
    const q = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const latest = `(SELECT status FROM progress p WHERE p.measure_id = m.id ORDER BY p.period_id DESC LIMIT 1)`;
    const done = q(`SELECT count(*) AS n FROM measures m WHERE ${latest} = '已完成'`);
    const counted = q(`SELECT count(*) AS n FROM measures m WHERE coalesce(${latest}, '未开始') <> '不适用'`);
    const rate = `${Math.round((done / counted) * 1000) / 10}%`;
    expect(blocks.find((b) => b.key === 'part1.figures')!.text).toContain(`措施${counted}项(另有1项本年度不适用,不计入),已完成${done}项`);
    expect(blocks.find((b) => b.key === 'part1.figures')!.text).toContain(`完成率${rate}`);
    // Overdue is judged at the period's end: 31 December, whatever today is.
    expect(data.asOf).toBe('2024-12-31');
    const overdue = q(`SELECT count(*) AS n FROM measures m WHERE coalesce(${latest}, '未开始') IN ('未开始', '推进中') AND m.deadline_date < '2024-12-31'`);
    expect(data.figures.overdue).toBe(overdue);
    expect(overdue).toBe(1);
    expect(part(3)).toContain(`其中${overdue}项已超过完成时限`);
  });

  it('keeps internal data out of the upward document: no hashes, no evidence counts, no charts', async () => {
    const doc = buildReport(data, { kind: 'annual', issuer: '某区人民政府', evidenceAppendix: true });
    expect(doc.blocks.some((b) => b.type === 'chart')).toBe(false);
    const html = renderReportHtml(doc).html;
    expect(html).not.toMatch(/[0-9a-f]{64}/);
    expect(html).not.toMatch(/无佐证|佐证材料\d|佐证材料数/);
    // The annex names the evidence by its own 文号 and date, on a page of its own after the signature.
    expect(html).toContain('某府发〔2024〕5号');
    expect(html.indexOf('附件：佐证材料清单')).toBeLessThan(html.indexOf('class="signature"'));
    expect(html.indexOf('class="signature"')).toBeLessThan(html.indexOf('class="pagebreak"'));
    const docx = await produceReport(db, { period: '2024', kind: 'annual', format: 'docx', issuer: '某区人民政府', evidenceAppendix: true });
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/[0-9a-f]{64}/);
    expect(xml).not.toContain('<pic:pic');
  });

  it('shows a quarter without a record as 未报送, in the quarterly report and the ledger', () => {
    const q4 = loadReportData(db, { period: parseReportPeriod('2024-Q4')! });
    const html = renderReportHtml(buildReport(q4, { kind: 'quarterly', charts: false })).html;
    const row = html.split('<tr>').find((r) => r.includes('落实重大行政决策程序规定'))!;
    expect(row).toContain(NOT_REPORTED);
    expect(row).not.toContain('已完成');
    const rows = ledgerRows(data);
    const r = rows.find((x) => x.measureId === ids.get('落实重大行政决策程序规定'))!;
    expect(r.quarters.map((x) => x.status)).toEqual([NOT_REPORTED, NOT_REPORTED, '已完成', NOT_REPORTED]);
    expect(rows).toHaveLength(ids.size);
  });

  it('lists each measure once in the quarterly report and plans the next quarter by department', () => {
    const q4 = loadReportData(db, { period: parseReportPeriod('2024-Q4')! });
    const html = renderReportHtml(buildReport(q4, { kind: 'quarterly', charts: false })).html;
    for (const title of ids.keys()) expect(html.split(title).length - 1).toBe(1);
    expect(ascii(html)).toContain('区政务服务中心:1项(编号2)。');
    expect(ascii(html)).toContain('区司法局:1项(编号6),其中逾期1项(编号6)。');
  });
});
