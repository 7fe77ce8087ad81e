// Generated outlines for property tests: any measure level, any assignment format, any deadline position.
import fc from 'fast-check';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

/** Label styles from the top down; a measure sits at any of them. */
const LEVELS = [
  { path: (n: number) => CN[n - 1]!, write: (n: number) => `${CN[n - 1]}、` },
  { path: (n: number) => `(${CN[n - 1]})`, write: (n: number) => `（${CN[n - 1]}）` },
  { path: (n: number) => String(n), write: (n: number) => `${n}.` },
  { path: (n: number) => `(${n})`, write: (n: number) => `（${n}）` },
  { path: (n: number) => CIRCLED[n - 1]!, write: (n: number) => CIRCLED[n - 1]! },
];

const UNITS = [
  '区司法局', '区政府办公室', '区发展改革委', '区财政局', '各镇（街道）', '区级各部门', '区人力资源和社会保障局',
  '重庆市大渡口区人民政府办公室（区政府法制办公室、区金融工作办公室）', '区市场监管局', '区直各部门',
];
/** Units a "X牵头" clause can name: no brackets, as offices write them there. */
const PLAIN_UNITS = ['区司法局', '区政府办公室', '区发展改革委', '区财政局', '区市场监管局', '区委宣传部'];
const TITLES = ['加强法治政府建设', '完善决策程序', '规范执法行为', '推进政务公开', '深化行政复议改革', '健全监督机制', '强化队伍建设'];
const BODIES = ['严格落实有关制度', '定期开展督促检查', '及时公开工作信息', '每年组织专题培训'];
/** [as written, as the parser reports it] */
const DEADLINES: [string, string][] = [
  ['2024年6月底前', '2024年6月底前'], ['6月底', '6月底'], ['全年', '全年'], ['二季度', '二季度'], ['每季度', '每季度'],
  ['长期坚持', '长期坚持'], ['持续推进', '持续推进'], ['年底前', '年底前'], ['2025年12月底前完成', '2025年12月底前'],
];

export type Format = 'paren-keys' | 'half-paren' | 'key-lines' | 'lead-clause' | 'inline-keys';

const measureArb = fc.record({
  title: fc.constantFrom(...TITLES),
  body: fc.constantFrom(...BODIES),
  headingOnly: fc.boolean(),
  format: fc.constantFrom<Format>('paren-keys', 'half-paren', 'key-lines', 'lead-clause', 'inline-keys'),
  lead: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 2 }),
  plainLead: fc.uniqueArray(fc.constantFrom(...PLAIN_UNITS), { minLength: 1, maxLength: 2 }),
  responsible: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 0, maxLength: 2 }),
  sep: fc.constantFrom('、', '，'),
  deadline: fc.option(fc.constantFrom(...DEADLINES), { nil: null }),
});
type GenMeasure = typeof measureArb extends fc.Arbitrary<infer T> ? T : never;

export const outlineArb = fc.record({
  /** Index into LEVELS of the measures' own label. */
  depth: fc.integer({ min: 1, max: LEVELS.length - 1 }),
  fanout: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: LEVELS.length, maxLength: LEVELS.length }),
  measures: fc.array(measureArb, { minLength: 12, maxLength: 12 }),
  continued: fc.boolean(),
  preamble: fc.boolean(),
  /** Below (一): "1 标题", "1.1", "1.1.1" instead of 1. (1) ①. */
  decimal: fc.boolean(),
});
export type GenOutline = typeof outlineArb extends fc.Arbitrary<infer T> ? T : never;

export interface Want {
  path: string[];
  title: string;
  lead: string[];
  responsible: string[];
  deadline: string | null;
}

/** The measure's lines in its assignment format, and what the parser should read from them. */
function writeMeasure(label: string, m: GenMeasure): { lines: string[]; want: Omit<Want, 'path'> } {
  const lead = m.format === 'lead-clause' ? m.plainLead : m.lead;
  const resp = m.format === 'lead-clause' ? m.responsible.filter((u) => !u.includes('（')) : m.responsible;
  // "X，Y牵头" would read as two clauses: offices join the leads of one clause with 、.
  const L = lead.join(m.format === 'lead-clause' ? '、' : m.sep);
  const R = resp.join(m.sep);
  const D = m.deadline?.[0] ?? null;
  const head = m.headingOnly ? [`${label}${m.title}`, `${m.body}。`] : [`${label}${m.title}。${m.body}。`];
  const last = head.length - 1;
  const lines = [...head];
  const key = (k: string, v: string, colon: string): string => `${k}${colon}${v}`;
  switch (m.format) {
    case 'paren-keys':
      lines[last] += `（${[key('牵头单位', L, '：'), R && key('责任单位', R, '：'), D && key('完成时限', D, '：')].filter(Boolean).join('；')}）`;
      break;
    case 'half-paren':
      lines[last] += `(${[key('牵头部门', L, ':'), R && key('责任部门', R, ':')].filter(Boolean).join(';')}${D ? `;${D}` : ''})`;
      break;
    case 'key-lines':
      lines.push(key('牵头单位', L, '：'));
      if (R) lines.push(key('责任单位', R, '：'));
      if (D) lines.push(key('完成时限', D, '：'));
      break;
    case 'lead-clause':
      lines[last] += `（${L}牵头${R ? `，${R}配合` : ''}${D ? `，${D}` : ''}）`;
      break;
    case 'inline-keys':
      lines[last] += [key('牵头单位', L, '：'), R && key('责任单位', R, '：'), D && key('完成时限', D, '：')].filter(Boolean).join('；') + '。';
      break;
  }
  return { lines, want: { title: m.title, lead, responsible: resp, deadline: m.deadline?.[1] ?? null } };
}

/** Writes a generated outline the way offices do, and lists the measures it holds. */
export function renderOutline(gen: GenOutline): { text: string; wants: Want[] } {
  const lines = ['某区法治政府建设实施方案（2024—2026年）', '为加快建设法治政府，制定本方案。'];
  if (gen.preamble) lines.push('一、总体要求', '（一）指导思想', '坚持依法行政，建设法治政府。');
  const wants: Want[] = [];
  const counters = LEVELS.map(() => 0);
  let next = 0;
  // Decimal numbers carry their parents' ("2.1.3"), so they restart under every parent.
  const decimal = (level: number): boolean => gen.decimal && level >= 2;
  const walk = (level: number, path: string[], dec: string): void => {
    if (counters[level] !== undefined && !(gen.continued && level === 2)) counters[level] = 0;
    for (let k = 0; k < gen.fanout[level]! && next < gen.measures.length; k++) {
      const n = ++counters[level]! + (level === 0 && gen.preamble ? 1 : 0);
      const own = decimal(level) ? (level === 2 ? String(n) : `${dec}.${n}`) : LEVELS[level]!.path(n);
      const here = [...path, own];
      // A bare "1 " heads only a heading line; a measure at that level keeps its "1.".
      const label = !decimal(level) ? LEVELS[level]!.write(n) : level === 2 && level === gen.depth ? `${n}.` : `${own} `;
      if (level === gen.depth) {
        const m = gen.measures[next++]!;
        const { lines: ls, want } = writeMeasure(label, m);
        lines.push(...ls);
        wants.push({ path: here, ...want });
      } else {
        lines.push(`${label}${TITLES[(n + level) % TITLES.length]}`);
        walk(level + 1, here, own);
      }
    }
  };
  walk(0, [], '');
  return { text: lines.join('\n'), wants };
}

const rowArb = fc.record({
  title: fc.constantFrom(...TITLES),
  lead: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 2 }),
  responsible: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 0, maxLength: 2 }),
  deadline: fc.option(fc.constantFrom(...DEADLINES), { nil: null }),
});

export const tableArb = fc.record({
  sections: fc.array(fc.array(rowArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  headed: fc.boolean(),
  seq: fc.boolean(),
  sep: fc.constantFrom('\t', '  ', ' | '),
  /** Every cell on its own line, an empty cell a blank line (as Word's "convert table to text" writes). */
  cellPerLine: fc.boolean(),
  columns: fc.constantFrom(['task', 'lead', 'resp', 'deadline'], ['task', 'resp', 'deadline'], ['task', 'lead', 'deadline'], ['task', 'lead', 'resp']),
});
export type GenTable = typeof tableArb extends fc.Arbitrary<infer T> ? T : never;

const HEADERS: Record<string, string> = { task: '工作任务', lead: '牵头单位', resp: '责任单位', deadline: '完成时限' };

/** A task table turned into text: one header, a row per line, optionally under 一、 headings. */
export function renderTable(gen: GenTable): { text: string; wants: Want[] } {
  const lines = ['某区2024年法治政府建设任务分解表'];
  const cols: readonly string[] = gen.columns;
  // Runs of spaces cannot show an empty cell: such tables fill every one.
  const fill = gen.sep === '  ' && !gen.cellPerLine;
  const join = (cells: string[]): string => (gen.cellPerLine ? cells.join('\n') : cells.join(gen.sep));
  const header = join([...(gen.seq ? ['序号'] : []), ...cols.map((c) => HEADERS[c]!)]);
  const wants: Want[] = [];
  let n = 0;
  let k = 0;
  if (!gen.headed) lines.push(header);
  gen.sections.forEach((rows, s) => {
    if (gen.headed) lines.push(`${CN[s]}、${TITLES[s % TITLES.length]}`, header);
    // Without 序号 the rows are counted, afresh under each header.
    if (gen.headed) k = 0;
    for (const r of rows) {
      n++;
      k++;
      const resp = cols.includes('resp') ? r.responsible : [];
      const deadline = cols.includes('deadline') ? (r.deadline ?? (fill ? DEADLINES[0]! : null)) : null;
      const respCell = resp.length ? resp.join('、') : fill ? '区级各部门' : '';
      const cell: Record<string, string> = { task: r.title, lead: r.lead.join('、'), resp: respCell, deadline: deadline?.[0] ?? '' };
      lines.push(join([...(gen.seq ? [String(n)] : []), ...cols.map((c) => cell[c]!)]));
      wants.push({
        path: [...(gen.headed ? [CN[s]!] : []), String(gen.seq ? n : k)],
        title: r.title,
        lead: cols.includes('lead') ? r.lead : [],
        responsible: !cols.includes('resp') ? [] : resp.length ? resp : fill ? ['区级各部门'] : [],
        deadline: deadline?.[1] ?? null,
      });
    }
  });
  return { text: lines.join('\n'), wants };
}
