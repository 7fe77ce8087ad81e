// A small ledger with every case a report must count: each status, overdue, due later, with and without evidence, two plans.
import { openMemoryStore, type Db } from '../../../db/open';
import { importDocument } from '../../../db/queries/plans';
import { setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import { ensurePeriod } from '../../../db/queries/periods';
import type { ParsedDocument, ParsedMeasure } from '../../../shared/outline/types';
import type { Status } from '../../../shared/model';

function m(path: string[], title: string, lead: string[], responsible: string[], deadline: string | null): ParsedMeasure {
  return { path, title, text: `${title}。`, lead, responsible, deadline, targets: [] };
}

export const PLAN_A: ParsedDocument = {
  title: '某区法治政府建设实施方案(2024—2025年)',
  intro: '为深入推进依法行政,制定本方案。',
  deadline: null,
  sections: [
    { path: ['一'], label: '一', heading: '依法全面履行政府职能', context: '', preamble: false },
    { path: ['一', '(一)'], label: '(一)', heading: '深化行政审批制度改革', context: '', preamble: false },
    { path: ['二'], label: '二', heading: '健全依法决策机制', context: '', preamble: false },
    { path: ['三'], label: '三', heading: '严格规范公正文明执法', context: '', preamble: false },
  ],
  items: [
    m(['一', '(一)', '1'], '全面推行权责清单制度', ['区司法局'], ['区各部门'], '2024年6月底前'),
    m(['一', '(一)', '2'], '推进政务服务标准化', ['区政务服务中心'], ['区各部门'], '2024年12月底前'),
    m(['一', '(一)', '3'], '清理规范行政审批中介服务', ['区发展改革委'], [], '2025年6月底前'),
    m(['二', '4'], '落实重大行政决策程序规定', ['区政府办公室'], ['区司法局'], '2024年9月底前'),
    m(['二', '5'], '推行法律顾问制度', ['区司法局'], [], '长期坚持'),
    m(['三', '6'], '推行行政执法三项制度', ['区司法局'], ['区市场监管局', '区城管局'], '2024年3月底前'),
    m(['三', '7'], '开展行政执法案卷评查', ['区司法局'], ['区各行政执法部门'], null),
  ],
};

export const PLAN_B: ParsedDocument = {
  title: '2024年全区法治政府建设重点工作计划',
  intro: '',
  deadline: '2024年12月底前',
  sections: [{ path: ['一'], label: '一', heading: '加强行政复议工作', context: '', preamble: false }],
  items: [
    m(['一', '1'], '提高行政复议办案质量', ['区司法局'], [], '2024年12月底前'),
    m(['一', '2'], '推进行政复议规范化建设', ['区司法局'], ['区政府办公室'], '2024年6月底前'),
  ],
};

export interface Ledger {
  db: Db;
  planA: string;
  planB: string;
  ids: Map<string, string>;
}

/** Status and narrative per measure title per quarter. */
const PROGRESS: [string, string, Status, string][] = [
  ['全面推行权责清单制度', '2024-Q1', '推进中', '梳理权责事项1200项。'],
  ['全面推行权责清单制度', '2024-Q2', '已完成', '权责清单已经区政府常务会议审议并公布。'],
  ['推进政务服务标准化', '2024-Q2', '推进中', '编制办事指南300余项。'],
  ['推进政务服务标准化', '2024-Q3', '推进中', '完成标准化事项评估。'],
  ['落实重大行政决策程序规定', '2024-Q3', '推进中', '制定年度重大行政决策事项目录。'],
  ['推行法律顾问制度', '2024-Q1', '不适用', '本年度由市级统一安排。'],
  ['推行行政执法三项制度', '2024-Q1', '推进中', '全区执法部门公示执法信息。'],
  ['开展行政执法案卷评查', '2024-Q3', '已完成', '评查案卷150卷,通报问题12个。'],
  ['提高行政复议办案质量', '2024-Q3', '推进中', '办结复议案件86件。'],
  ['推进行政复议规范化建设', '2024-Q2', '已完成', '建成复议接待中心。'],
];

const EVIDENCE: [string, string, string][] = [
  ['全面推行权责清单制度', '2024-Q2', '权责清单.pdf'],
  ['全面推行权责清单制度', '2024-Q1', '梳理底稿.xlsx'],
  ['开展行政执法案卷评查', '2024-Q3', '评查通报.docx'],
  ['开展行政执法案卷评查', '2024-Q3', '评查照片.jpg'],
  ['推进行政复议规范化建设', '2024-Q2', '接待中心照片.jpg'],
];

export function buildLedger(db: Db = openMemoryStore()): Ledger {
  const user = systemUser(db).id;
  const planA = importDocument(db, PLAN_A, { fileName: 'a.txt', sha256: 'a'.repeat(64), format: 'txt', documentIndex: 0 }, user).planId;
  const planB = importDocument(db, PLAN_B, { fileName: 'b.txt', sha256: 'b'.repeat(64), format: 'txt', documentIndex: 0 }, user).planId;
  const ids = new Map((db.prepare('SELECT id, title FROM measures').all() as { id: string; title: string }[]).map((r) => [r.title, r.id]));
  for (const [title, q, status, narrative] of PROGRESS) setProgress(db, { measureId: ids.get(title)!, periodId: q, status, narrative, userId: user });
  let n = 0;
  for (const [title, q, name] of EVIDENCE) {
    ensurePeriod(db, q);
    n++;
    db.prepare(
      `INSERT INTO evidence (id, measure_id, period_id, sha256, name, size, mime, added_by, added_at) VALUES (?, ?, ?, ?, ?, 100, 'application/octet-stream', ?, ?)`,
    ).run(`ev${n}`, ids.get(title)!, q, n.toString(16).padStart(64, '0'), name, user, `2024-0${Number(q.slice(-1)) * 3}-10T08:00:00.000Z`);
  }
  return { db, planA, planB, ids };
}
