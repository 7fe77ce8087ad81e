// Generated outlines and ledgers of any size, in the vocabulary of real ones, for crash tests and benchmarks.
import type { ParsedDocument, ParsedMeasure, ParsedSection } from '../../shared/outline/types';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 in Chinese numerals as outlines write them: 十一, 二十, 三十五. */
export function cnNumeral(n: number): string {
  if (n < 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN[tens]}十${CN[n % 10]}`;
}
const AREAS = ['依法全面履行政府职能', '完善依法行政制度体系', '推进行政决策科学化民主化法治化', '坚持严格规范公正文明执法', '强化对行政权力的制约和监督', '依法有效化解社会矛盾纠纷', '全面提高政府工作人员法治思维和依法行政能力', '加强法治政府建设的组织保障'];
const VERBS = ['深化', '健全', '完善', '加强', '推进', '落实', '规范', '创新', '强化', '严格'];
const OBJECTS = ['行政审批制度改革', '行政复议工作', '信访工作制度', '合法性审查机制', '行政执法公示制度', '重大行政决策程序', '政务公开工作', '规范性文件管理', '公共法律服务体系', '行政调解工作', '领导干部学法制度', '执法人员培训', '社会信用体系建设', '权力清单动态管理', '行政应诉工作'];
const UNITS = ['区司法局', '区政府办公室', '区发改委', '区财政局', '区人社局', '区市场监管局', '区信访办', '区委编办', '区行政审批局', '区生态环境局', '区住建委', '区应急局'];
const SENTENCES = ['建立健全工作机制,明确责任分工', '定期开展专项检查,及时通报结果', '每年至少举办一期专题培训班', '年度办结率不低于95%', '完善档案管理,做到有据可查', '加强信息化建设,推动数据共享', '落实公示制度,接受社会监督'];

/** A deterministic pseudo-random sequence, so generated data is the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/**
 * An outline of `measures` measures in sections of at most `perSection`, numbered afresh in each
 * section when `restartNumbering` (large outlines do; numbers past 999 would read as years).
 */
export function generateDocument(measures: number, seed = 1, opts: { perSection?: number; restartNumbering?: boolean } = {}): ParsedDocument {
  const rnd = seeded(seed);
  const sections: ParsedSection[] = [{ path: ['一'], label: '一', heading: '主要任务', context: '', preamble: false }];
  const items: ParsedMeasure[] = [];
  const perSection = opts.perSection ?? Math.ceil(measures / AREAS.length);
  for (let i = 0; i < measures; i++) {
    const s = Math.floor(i / perSection);
    const label = `(${cnNumeral(s + 1)})`;
    const number = opts.restartNumbering ? (i % perSection) + 1 : i + 1;
    if (i % perSection === 0) sections.push({ path: ['一', label], label, heading: AREAS[s % AREAS.length]!, context: '', preamble: false });
    const title = `${pick(rnd, VERBS)}${pick(rnd, OBJECTS)}`;
    const lead = [pick(rnd, UNITS)];
    const responsible = [pick(rnd, UNITS), pick(rnd, UNITS)].filter((u, k, a) => a.indexOf(u) === k && u !== lead[0]);
    if (responsible.length === 0) responsible.push('区各部门');
    const body = `${title}。${pick(rnd, SENTENCES)}。${pick(rnd, SENTENCES)}。`;
    items.push({
      path: ['一', label, String(number)],
      title,
      text: `${body}(牵头单位:${lead.join('、')},责任单位:${responsible.join('、')})`,
      lead,
      responsible,
      deadline: rnd() < 0.5 ? `${2024 + Math.floor(rnd() * 2)}年${1 + Math.floor(rnd() * 12)}月底前` : null,
      targets: [],
    });
  }
  return { title: `生成的实施方案(${measures}项)`, intro: '', deadline: null, sections, items };
}

/** The same outline as text, in the layout real outlines use. */
export function generateOutlineText(measures: number, seed = 1): string {
  const doc = generateDocument(measures, seed, { perSection: 500, restartNumbering: true });
  const lines = [doc.title!, '', '一、主要任务'];
  let section = '';
  for (const m of doc.items) {
    const label = m.path[1]!;
    if (label !== section) {
      section = label;
      lines.push(`${label}${doc.sections.find((s) => s.label === label)!.heading}`);
    }
    lines.push(`${m.path[2]}.${m.text}`);
  }
  return lines.join('\n');
}
