// Property tests: the parser never throws, stays near-linear, and recovers generated outlines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../shared/outline/index';
import type { ParsedOutline } from '../../../shared/outline/types';
import { outlineArb, renderOutline, renderTable, tableArb } from './generator';
import { PAGE_ARTIFACT } from './helpers';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Pieces real outlines are made of, so that random text often looks like structure. */
const TOKENS = [
  '一、', '二、', '（一）', '(二)', '1.', '2、', '3．', '（1）', '(2)', '①', '②', '\n', '\n', '\n', '\r\n', '\r',
  '牵头单位：', '责任单位:', '牽頭單位：', '責任部門：', '完成时限：', '（', '）', '(', ')', '、', '，', ',', '；', '。',
  '— 12 —', '—2—', '- 3 -', '第 4 页', '目标：', '措施：', '序号\t工作任务\t牵头单位\t责任单位\t完成时限', '\t', '|', '  ',
  '区司法局', '县直有关部门', '乡镇(街道)', '牵头', '配合', '2021年12月底前', '长期坚持', '不少于24学时', '100%', '2次以上',
  '第一篇：', '第二篇 ', '关于印发《某某方案》的通知', '当前位置：首页 >> ', '【打印本页】【关闭窗口】', '鲁ICP备1号', '\uFEFF',
  '\u00A0', '\u3000', '⽉', '⾯', '⻔', '加强', '法治政府建设', '推进依法行政', '总体要求', '指导思想', '工作要求', '组织保障',
  'a', '9', ' ',
];

const outlineish = (maxLength: number) =>
  fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength }).map((t) => t.join(''));

function checkShape(out: ParsedOutline): void {
  expect(Array.isArray(out.documents)).toBe(true);
  for (const d of out.documents) {
    expect(d.title === null || typeof d.title === 'string').toBe(true);
    expect(typeof d.intro).toBe('string');
    for (const s of d.sections) {
      expect(s.path.length).toBeGreaterThan(0);
      expect(s.path.at(-1)).toBe(s.label);
    }
    for (const m of d.items) {
      expect(m.path.length).toBeGreaterThan(0);
      expect(Object.keys(m)).toEqual(['path', 'title', 'text', 'lead', 'responsible', 'deadline', 'targets']);
      for (const u of [...m.lead, ...m.responsible]) {
        expect(u.length).toBeGreaterThan(0);
        expect(u.endsWith('等')).toBe(false);
      }
      expect(new Set(m.targets).size).toBe(m.targets.length);
    }
  }
}

describe('parseOutline on arbitrary input', () => {
  it('never throws on arbitrary strings, unicode included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => {
        checkShape(parseOutline(s));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random text made of outline pieces, and is deterministic', () => {
    fc.assert(
      fc.property(outlineish(600), (s) => {
        const out = parseOutline(s);
        checkShape(out);
        expect(parseOutline(s)).toEqual(out);
      }),
      { numRuns: 300 },
    );
  });

  it('finishes 100k characters well within a generous bound (a sanity bound, not a speed goal)', () => {
    const big = fc.oneof(
      fc.string({ unit: 'binary', minLength: 100_000, maxLength: 100_000 }),
      outlineish(40_000).map((s) => s.repeat(Math.ceil(100_000 / Math.max(1, s.length))).slice(0, 100_000)),
      fc.constantFrom(...TOKENS).map((t) => t.repeat(Math.ceil(100_000 / t.length)).slice(0, 100_000)),
    );
    parseOutline('预热：一、总体要求\n1.加强。(牵头单位:区司法局)');
    fc.assert(
      fc.property(big, (s) => {
        // CPU time, not wall time: on a shared machine other processes' load is not the parser's.
        const start = process.cpuUsage();
        checkShape(parseOutline(s));
        const used = process.cpuUsage(start);
        expect((used.user + used.system) / 1000).toBeLessThan(2000);
      }),
      { numRuns: 25 },
    );
  });
});

interface GenMeasure {
  path: string[];
  body: string;
  lead: string[];
  responsible: string[];
}

const UNITS = ['区司法局', '区政府办公室', '区发改委', '区财政局', '各镇（街道）', '区级各部门', '县直有关部门', '区市场监管局'];
const PHRASES = ['加强法治政府建设', '完善决策程序', '规范执法行为', '推进政务公开', '深化行政复议改革', '健全监督机制', '强化队伍建设'];

const measureArb = fc.record({
  title: fc.constantFrom(...PHRASES),
  rest: fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 6 }),
  lead: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 }),
  responsible: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 }),
  style: fc.constantFrom('half', 'full', 'lines'),
  sep: fc.constantFrom('、', ',', '，'),
  page: fc.option(fc.nat(40), { nil: null }),
});

const docArb = fc.record({
  sections: fc.array(fc.array(fc.array(measureArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
  fullParens: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n', '\n\n'),
  preamble: fc.boolean(),
});

/** Writes a generated outline the way offices do, and lists the measures it holds. */
type GenDoc = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function render(gen: GenDoc): { text: string; measures: GenMeasure[] } {
  const lines = ['某区法治政府建设实施方案（2024—2026年）', '为加快建设法治政府，制定本方案。'];
  const measures: GenMeasure[] = [];
  if (gen.preamble) lines.push('一、总体要求', '（一）指导思想', '坚持依法行政，建设法治政府。');
  let n = 0;
  gen.sections.forEach((subs, i) => {
    const top = CN[i + (gen.preamble ? 1 : 0)]!;
    lines.push(`${top}、${PHRASES[i % PHRASES.length]}`);
    subs.forEach((ms, j) => {
      const sub = CN[j]!;
      lines.push(gen.fullParens ? `（${sub}）${PHRASES[j % PHRASES.length]}` : `(${sub})${PHRASES[j % PHRASES.length]}`);
      for (const m of ms) {
        n++;
        let body = `${m.title}。${m.rest.join('，')}。`;
        if (m.page !== null) {
          const at = Math.min(m.page, body.length - 1);
          body = `${body.slice(0, at)}— ${n + 1} —${body.slice(at)}`;
        }
        const lead = m.lead.join(m.sep);
        const resp = m.responsible.join(m.sep);
        if (m.style === 'half') lines.push(`${n}.${body}(牵头单位:${lead},责任单位:${resp})`);
        else if (m.style === 'full') lines.push(`${n}．${body}（牵头部门：${lead}；责任部门：${resp}）`);
        else lines.push(`${n}、${body}`, `牵头单位：${lead}`, `责任单位：${resp}`);
        measures.push({ path: [top, `(${sub})`, String(n)], body: m.title, lead: m.lead, responsible: m.responsible });
      }
    });
  });
  return { text: lines.join(gen.eol), measures };
}

describe('parseOutline on generated outlines', () => {
  it('recovers every measure with its path, title and units', () => {
    fc.assert(
      fc.property(docArb, (gen) => {
        const { text, measures } = render(gen);
        const out = parseOutline(text);
        expect(out.documents).toHaveLength(1);
        const doc = out.documents[0]!;
        expect(doc.title).toBe('某区法治政府建设实施方案（2024—2026年）');
        expect(doc.items.map((m) => m.path)).toEqual(measures.map((m) => m.path));
        doc.items.forEach((m, i) => {
          expect(m.title).toBe(measures[i]!.body);
          expect(m.lead).toEqual(measures[i]!.lead);
          expect(m.responsible).toEqual(measures[i]!.responsible);
        });
        expect(JSON.stringify(doc).match(PAGE_ARTIFACT)).toBeNull();
        if (gen.preamble) expect(doc.sections[0]).toMatchObject({ heading: '总体要求', preamble: true });
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseOutline on outlines at any measure level and in any assignment format', () => {
  it('recovers every measure with its path, title, units and deadline', () => {
    fc.assert(
      fc.property(outlineArb, (gen) => {
        const { text, wants } = renderOutline(gen);
        const out = parseOutline(text);
        expect(out.documents).toHaveLength(1);
        const got = out.documents[0]!.items.map((m) => ({ path: m.path, title: m.title, lead: m.lead, responsible: m.responsible, deadline: m.deadline }));
        expect(got).toEqual(wants);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseOutline on generated task tables', () => {
  it('reads every row with its path, title, units and deadline, whatever the separator and columns', () => {
    fc.assert(
      fc.property(tableArb, (gen) => {
        const { text, wants } = renderTable(gen);
        const out = parseOutline(text);
        expect(out.documents).toHaveLength(1);
        const got = out.documents[0]!.items.map((m) => ({ path: m.path, title: m.title, lead: m.lead, responsible: m.responsible, deadline: m.deadline }));
        expect(got).toEqual(wants);
      }),
      { numRuns: 200 },
    );
  });
});
