// A year of notes as clerks write them: running totals each quarter, a sentence repeated, reasons for delay, work carried into next year.
import { openMemoryStore, type Db } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import type { ParsedDocument, ParsedMeasure } from '../../../shared/outline/types';
import type { Status } from '../../../shared/model';

function m(path: string[], title: string, lead: string[], deadline: string | null, targets: string[] = []): ParsedMeasure {
  return { path, title, text: `${title},确保取得实效。`, lead, responsible: ['区各部门'], deadline, targets };
}

/** 一、总体要求 (no measures), 二、主要任务 with its (一)(二)(三), 三、组织保障 with the leaders' duty. */
export const YEAR_PLAN: ParsedDocument = {
  title: '某区法治政府建设实施方案(2024—2025年)',
  intro: '',
  deadline: null,
  sections: [
    { path: ['一'], label: '一', heading: '总体要求', context: '', preamble: false },
    { path: ['二'], label: '二', heading: '主要任务', context: '', preamble: false },
    { path: ['二', '(一)'], label: '(一)', heading: '依法全面履行政府职能', context: '', preamble: false },
    { path: ['二', '(二)'], label: '(二)', heading: '健全行政决策制度体系', context: '', preamble: false },
    { path: ['二', '(三)'], label: '(三)', heading: '加强行政复议和应诉工作', context: '', preamble: false },
    { path: ['三'], label: '三', heading: '组织保障', context: '', preamble: false },
  ],
  items: [
    m(['二', '(一)', '1'], '全面推行权责清单制度', ['区司法局'], '2024年6月底前'),
    m(['二', '(一)', '2'], '推进政务服务标准化', ['区政务服务中心'], '2024年12月底前'),
    m(['二', '(二)', '3'], '落实重大行政决策程序规定', ['区政府办公室'], '2024年9月底前'),
    m(['二', '(二)', '4'], '推行法律顾问制度', ['区司法局'], '长期坚持'),
    m(['二', '(三)', '5'], '提高行政复议办案质量', ['区司法局'], '2024年12月底前', ['纠错率不低于10%']),
    m(['二', '(三)', '6'], '推进行政机关负责人出庭应诉', ['区司法局'], '2024年9月底前'),
    m(['三', '7'], '党政主要负责人切实履行推进法治建设第一责任人职责', ['区委办公室'], null),
  ],
};

export const NOTES: [string, string, Status, string][] = [
  ['全面推行权责清单制度', '2024-Q1', '推进中', '梳理权责事项1200项。'],
  ['全面推行权责清单制度', '2024-Q2', '已完成', '权责清单已经区政府常务会议审议并公布。梳理权责事项1200项。'],
  ['推进政务服务标准化', '2024-Q1', '推进中', '编制办事指南300余项。'],
  ['推进政务服务标准化', '2024-Q2', '推进中', '前两季度累计编制办事指南450项。'],
  ['推进政务服务标准化', '2024-Q3', '推进中', '前三季度累计编制办事指南520项。因编制调整,专职人员尚未到位。'],
  ['推进政务服务标准化', '2024-Q4', '推进中', '全年编制办事指南610项,标准化评估完成八成。因编制调整,专职人员尚未到位。下一步将于2025年6月底前完成全部事项标准化。'],
  ['落实重大行政决策程序规定', '2024-Q3', '已完成', '制定年度重大行政决策事项目录,公开征求意见。'],
  ['推行法律顾问制度', '2024-Q1', '不适用', '本年度由市级统一安排。'],
  ['推行法律顾问制度', '2024-Q2', '不适用', '本年度由市级统一安排。'],
  ['提高行政复议办案质量', '2024-Q1', '推进中', '办结复议案件35件。'],
  ['提高行政复议办案质量', '2024-Q3', '推进中', '前三季度累计办结复议案件100件。'],
  ['提高行政复议办案质量', '2024-Q4', '已完成', '全年办结行政复议案件148件,纠错率13.7%。'],
  ['推进行政机关负责人出庭应诉', '2024-Q2', '推进中', '负责人出庭应诉率达60%。'],
  ['推进行政机关负责人出庭应诉', '2024-Q3', '推进中', '负责人出庭应诉率达75%。受疫情影响,部分庭审延期。'],
  ['党政主要负责人切实履行推进法治建设第一责任人职责', '2024-Q4', '已完成', '区委常委会4次专题研究法治建设,区长带头开展年终述法。'],
];

export function buildYear(db: Db = openMemoryStore()): { db: Db; planId: string; ids: Map<string, string> } {
  const user = systemUser(db).id;
  const planId = importDocument(db, YEAR_PLAN, { fileName: 'y.txt', sha256: 'c'.repeat(64), format: 'txt', documentIndex: 0 }, user).planId;
  const ids = new Map((db.prepare('SELECT id, title FROM measures WHERE plan_id = ?').all(planId) as { id: string; title: string }[]).map((r) => [r.title, r.id]));
  for (const [title, q, status, narrative] of NOTES) setProgress(db, { measureId: ids.get(title)!, periodId: q, status, narrative, userId: user });
  db.prepare(
    `INSERT INTO evidence (id, measure_id, period_id, sha256, name, size, mime, doc_number, doc_date, added_by, added_at) VALUES ('e1', ?, '2024-Q2', ?, '权责清单.pdf', 10, 'application/pdf', '某府发〔2024〕5号', '2024-05-20', ?, '2024-05-21T08:00:00.000Z')`,
  ).run(ids.get('全面推行权责清单制度')!, 'd'.repeat(64), user);
  return { db, planId, ids };
}
