// Which heading a measure is reported under: 一、 normally, (一) when the plan has a single 一、.
import { describe, expect, it } from 'vitest';
import { sectionGrouping, cnNumber } from '../../../shared/report/common';
import { parseReportPeriod } from '../../../shared/report/period';
import type { MeasureRow, Section } from '../../../shared/model';

const sec = (id: string, parentId: string | null, heading: string, planId = 'p'): Section => ({ id, planId, parentId, path: [], label: '', heading, context: '', preamble: false, measureCount: 0 });
const m = (id: string, sectionId: string | null, planId = 'p'): MeasureRow => ({ id, planId, sectionId, path: [], number: id, title: id, lead: [], responsible: [], deadline: null, deadlineDate: null, status: '未开始', statusPeriod: null, overdue: false, dueSoon: false });

describe('section grouping', () => {
  it('groups by the first level when it divides the measures', () => {
    const sections = [sec('a', null, '甲'), sec('a1', 'a', '甲一'), sec('b', null, '乙')];
    const g = sectionGrouping(sections, [m('1', 'a1'), m('2', 'b')]);
    expect(g(m('1', 'a1'))?.heading).toBe('甲');
    expect(g(m('2', 'b'))?.heading).toBe('乙');
  });
  it('goes one level down when the plan has a single top heading (一、重点工作)', () => {
    const sections = [sec('t', null, '重点工作'), sec('x', 't', '放管服改革'), sec('y', 't', '依法决策')];
    const g = sectionGrouping(sections, [m('1', 'x'), m('2', 'y')]);
    expect(g(m('1', 'x'))?.heading).toBe('放管服改革');
    expect(g(m('2', 'y'))?.heading).toBe('依法决策');
  });
  it('keeps a measure right under the top heading there, and the others under their areas', () => {
    const sections = [sec('t', null, '重点工作'), sec('x', 't', '放管服改革')];
    const g = sectionGrouping(sections, [m('1', 'x'), m('2', 't')]);
    expect(g(m('1', 'x'))?.heading).toBe('放管服改革');
    expect(g(m('2', 't'))?.heading).toBe('重点工作');
  });
  it('goes down into 主要任务 when it holds most measures, not into smaller parts (one heading never swallows the report)', () => {
    const sections = [sec('z', null, '总体要求'), sec('t', null, '主要任务'), sec('a', 't', '职能'), sec('b', 't', '决策'), sec('o', null, '组织保障'), sec('o1', 'o', '党的领导')];
    const ms = [m('1', 'a'), m('2', 'a'), m('3', 'b'), m('4', 'b'), m('5', 'o1')];
    const g = sectionGrouping(sections, ms);
    expect(ms.map((x) => g(x)?.heading)).toEqual(['职能', '职能', '决策', '决策', '组织保障']);
    const top = sectionGrouping(sections, ms, 'top');
    expect(ms.map((x) => top(x)?.heading)).toEqual(['主要任务', '主要任务', '主要任务', '主要任务', '组织保障']);
  });
});

describe('periods and numbers', () => {
  it('reads quarters, halves, years and date ranges', () => {
    expect(parseReportPeriod('2024-Q3')).toMatchObject({ kind: 'quarter', label: '2024年第三季度', quarters: ['2024-Q3'], lastQuarter: '2024-Q3', endsOn: '2024-09-30' });
    expect(parseReportPeriod('2024-H1')).toMatchObject({ kind: 'half', label: '2024年上半年', quarters: ['2024-Q1', '2024-Q2'], endsOn: '2024-06-30' });
    expect(parseReportPeriod('2024')).toMatchObject({ kind: 'year', label: '2024年', lastQuarter: '2024-Q4' });
    expect(parseReportPeriod('2024-02-10..2024-08-01')).toMatchObject({ kind: 'range', quarters: ['2024-Q1', '2024-Q2', '2024-Q3'], label: '2024年2月10日至2024年8月1日' });
    for (const bad of ['2024-Q5', '2024-H3', '24', '2024-02-30..2024-03-01', '2024-05-01..2024-04-01']) expect(parseReportPeriod(bad)).toBeNull();
  });
  it('writes Chinese ordinals', () => {
    expect([1, 9, 10, 11, 19, 20, 23].map(cnNumber)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十三']);
  });
});
